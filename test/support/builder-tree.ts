import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import type { Configuration } from 'electron-builder';

/**
 * A packaged app's resources folder as electron-builder.yml lays it out, built on disk from a list
 * of project files: what `files` takes goes into app.asar (a folder here), what `asarUnpack` names
 * into app.asar.unpacked, and `extraResources` are copied beside them. Real builds need Electron's
 * download; the layout only needs the config.
 */

/** electron-builder's globs (minimatch): `**`, `*`, `?` and `{a,b}`, matched against a posix path. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      source += `(?:${pattern
        .slice(i + 1, end)
        .split(',')
        .map(escape)
        .join('|')})`;
      i = end;
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`);
}

const escape = (text: string) => text.replace(/[.+^$()|[\]\\]/g, '\\$&');

/** minimatch-style lists: a file is in when the last pattern that matches it is not a negation. */
export function selected(patterns: readonly string[], file: string): boolean {
  let inside = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(file)) inside = !negated;
  }
  return inside;
}

const asList = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);

export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(path, base)));
    else found.push(relative(base, path).split('\\').join('/'));
  }
  return found;
}

/**
 * Writes `<out>/resources/…` for `projectFiles` (project-relative, posix); build outputs are
 * written as placeholders, extraResources are copied from `projectRoot` so their bytes are real.
 */
export async function simulatePackagedTree(
  config: Configuration,
  projectRoot: string,
  projectFiles: readonly string[],
  out: string,
): Promise<{ resourcesPath: string; inAsar: string[]; unpacked: string[] }> {
  const resourcesPath = join(out, 'resources');
  const files = asList(config.files);
  const unpackPatterns = asList(config.asarUnpack);
  const app = projectFiles.filter((file) => selected(files, file));
  const unpacked = app.filter((file) => selected(unpackPatterns, file));
  const inAsar = app.filter((file) => !unpacked.includes(file));
  const place = async (file: string, into: string) => {
    const target = join(resourcesPath, into, ...file.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `placeholder for ${file}`);
  };
  for (const file of inAsar) await place(file, 'app.asar');
  for (const file of unpacked) await place(file, 'app.asar.unpacked');

  const extra = (Array.isArray(config.extraResources) ? config.extraResources : [config.extraResources]).filter(Boolean) as {
    from: string;
    to: string;
    filter?: string[];
  }[];
  for (const { from, to, filter } of extra) {
    for (const file of await listFiles(join(projectRoot, from))) {
      if (!selected(filter ?? ['**/*'], file)) continue;
      const target = join(resourcesPath, to, ...file.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await cp(join(projectRoot, from, ...file.split('/')), target);
    }
  }
  return { resourcesPath, inAsar, unpacked: unpacked.map((file) => posix.join('app.asar.unpacked', file)) };
}
