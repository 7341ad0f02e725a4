import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract';

const root = join(__dirname, '../../..');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
const folders = (path: string) =>
  readdirSync(join(root, path), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('docs/architecture.md: a newcomer finds where any feature lives', () => {
  it('names every folder of main/core/ as core/<name>/', () => {
    expect(folders('main/core').filter((name) => !doc.includes(`\`core/${name}/\``))).toEqual([]);
  });

  it('names every screen of renderer/src/screens/ as screens/<name>/', () => {
    expect(folders('renderer/src/screens').filter((name) => !doc.includes(`\`screens/${name}/\``))).toEqual([]);
  });

  it('names every channel prefix of the contract', () => {
    const prefixes = [...new Set(Object.keys(channels).map((name) => name.split('.')[0]!))];
    expect(prefixes.filter((prefix) => !doc.includes(`\`${prefix}.*\``))).toEqual([]);
  });

  it('names only folders that exist (a renamed folder is renamed here too)', () => {
    const named = [...doc.matchAll(/`core\/([a-z-]+)\/`/g)].map((m) => m[1]!);
    const screens = [...doc.matchAll(/`screens\/([a-z-]+)\/`/g)].map((m) => m[1]!);
    expect(named.filter((name) => !folders('main/core').includes(name))).toEqual([]);
    expect(screens.filter((name) => !folders('renderer/src/screens').includes(name))).toEqual([]);
  });
});
