import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycle, folderCycles, folderGraph, importersOf } from '../../support/folders';

const core = join(__dirname, '../../../main/core');

describe('main/core: folders depend one way', () => {
  it('no two core folders import each other, directly or round a longer loop', () => {
    const graph = folderGraph(core);
    const loops = folderCycles(graph).map((cycle) => describeCycle(graph, cycle).join('\n  '));
    expect(
      loops,
      `Folders that import each other (move the shared part down, or pass it in as a port):\n  ${loops.join('\n\n  ')}`,
    ).toEqual([]);
  });

  it('no feature folder imports the composition root (main/core/index.ts): the Local API and the rest take narrow interfaces', () => {
    expect(importersOf(core, 'index.ts')).toEqual([]);
  });
});

describe('the check itself', () => {
  let tree: string | undefined;
  afterEach(() => tree && rmSync(tree, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    tree = mkdtempSync(join(tmpdir(), 'folders-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    return tree;
  };

  it('finds a pair, a three-folder loop (type-only and dynamic imports count), and a root import; one-way trees pass', () => {
    const root = write({
      'ai/a.ts': "import { b } from '../letters/b';\n",
      'letters/b.ts': "import type { A } from '../ai/a';\nexport const b = 1;\n",
      'x/x.ts': "export { y } from '../y/y';\n",
      'y/y.ts': "const z = () => import('../z/z');\n",
      'z/z.ts': "import '../x/x';\n",
      'one/way.ts': "import { c } from '../two/c';\nimport { Core } from '../index';\n",
      'two/c.ts': "import { join } from 'node:path';\n",
      'index.ts': "import '../one/way';\n",
    });
    const graph = folderGraph(root);
    const cycles = folderCycles(graph);
    expect(cycles).toEqual(
      expect.arrayContaining([
        ['ai', 'letters'],
        ['x', 'y', 'z'],
      ]),
    );
    expect(cycles).toHaveLength(2);
    expect(describeCycle(graph, ['ai', 'letters'])).toEqual([
      `ai -> letters (${join('ai', 'a.ts')})`,
      `letters -> ai (${join('letters', 'b.ts')})`,
    ]);
    expect(importersOf(root, 'index.ts')).toEqual([join(root, 'one/way.ts')]);
  });
});
