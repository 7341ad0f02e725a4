import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/src/i18n/resources';
import { foreignWords } from '../../support/latin';

type Tree = { [key: string]: string | readonly string[] | Tree };

/** Every text, by its dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((item, index) => out.set(`${path}.${index}`, String(item)));
    else for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
  }
  return out;
}

describe('the interface texts', () => {
  const ru = leaves(resources.ru.translation as unknown as Tree);
  const en = leaves(resources.en.translation as unknown as Tree);

  it('exist in both languages, key for key', () => {
    expect([...ru.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !ru.has(key))).toEqual([]);
  });

  it('in Russian contain no Latin words outside names, formats and {{placeholders}}', () => {
    const problems: string[] = [];
    for (const [key, text] of ru) {
      const foreign = foreignWords(text);
      if (foreign.length) problems.push(`${key}: ${foreign.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
