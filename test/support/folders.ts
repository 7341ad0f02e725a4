import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Which folders of `root` import which others: folder -> folder -> the importing files (for the message). */
export type FolderGraph = Map<string, Map<string, string[]>>;

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The first folder under `root` a path lies in; undefined for files directly in `root` or outside it. */
function folderOf(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Every relative import (static, dynamic, `export ... from`, type-only too) between two folders of `root`. */
export function folderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderOf(root, file);
    if (!from) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const to = folderOf(root, normalize(join(dirname(file), match[1]!)));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), relative(root, file)]);
    }
  }
  return graph;
}

/** Folders that reach each other through imports (Tarjan's strongly connected components of size > 1). */
export function folderCycles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** "a -> b (a/x.ts, a/y.ts)" for each import edge inside a cycle: what to move to break it. */
export function describeCycle(graph: FolderGraph, cycle: string[]): string[] {
  return cycle.flatMap((from) =>
    [...(graph.get(from)?.entries() ?? [])]
      .filter(([to]) => cycle.includes(to))
      .map(([to, files]) => `${from} -> ${to} (${[...new Set(files)].join(', ')})`),
  );
}

/** Files under `root`'s folders that import a file lying directly in `root` and named `name` (a composition root). */
export function importersOf(root: string, name: string): string[] {
  const target = normalize(join(root, name));
  return sourceFiles(root).filter((file) => {
    if (!folderOf(root, file)) return false;
    return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].some((match) => {
      const resolved = normalize(join(dirname(file), match[1]!));
      return resolved === target || resolved === target.replace(/\.ts$/, '') || resolved === dirname(target);
    });
  });
}
