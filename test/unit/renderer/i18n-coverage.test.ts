import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/src/i18n/resources';

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

/**
 * Words a Russian text may keep in Latin letters: names of products and services, formats and
 * technical terms a Russian user reads in Latin too. Anything else in Latin is an untranslated text.
 */
const LATIN_OK = new Set(
  [
    'hh.ru',
    'hh',
    'ru',
    'dev.hh.ru',
    'api',
    'ai',
    'gigachat',
    'openai',
    'openrouter',
    'ollama',
    'lm',
    'studio',
    'sber',
    'sberbank',
    'telegram',
    'email',
    'e-mail',
    'github',
    'https',
    'http',
    'url',
    'oauth',
    'id',
    'client',
    'secret',
    'redirect',
    'uri',
    'cookies.txt',
    'cookies',
    'txt',
    'netscape',
    'json',
    'csv',
    'pdf',
    'macos',
    'windows',
    'linux',
    'gnome',
    'keyring',
    'kwallet',
    'keychain',
    'electron',
    'chromium',
    'chrome',
    'firefox',
    'appimage',
    'deb',
    'dmg',
    'nsis',
    'aaa_vault_key',
    'hh_cookies_file',
    'hh_client_id',
    'hh_client_secret',
    'hh_redirect_uri',
    'gigachat_credentials',
    'gigachat_scope',
    'openai_api_key',
    'openai_base_url',
    'openai_model',
    'gigachat_api_pers',
    'gigachat_api_b2b',
    'gigachat_api_corp',
    'env',
    'basic',
    'llama3.1',
    'gpt',
    'gpt-4o-mini',
    'mini',
    'ca',
    'pem',
    'tls',
    'ssl',
    'vk',
    'id.',
    'app',
    'localhost',
    'ctrl',
    'cmd',
    'enter',
    'esc',
    'hr',
    'it',
    'qa',
    'ceo',
    'php',
    'python',
    'react',
    'typescript',
    'ssr',
    'ok',
    'vacancy_title',
    'employer',
    'name',
    'resume_title',
    'skills',
    'key_skills',
    'matching_skills',
    'experience',
    'last_position',
    'last_company',
    'phone',
    'portfolio',
    'contacts',
    'foo',
    'bar',
    'v1',
    'x64',
    'arm64',
    'sql.js',
    'sqlite',
    'node.js',
    'npm',
    'vite',
    'zod',
    'utf-8',
    'markdown',
    'login',
    'proxy',
    // The product's name; the names other services give their own fields; search syntax; a language's own name.
    // Document formats and the send shortcut.
    'docx',
    'word',
    'ctrl+enter',
    // Commands a user types as they are (git pull, npm start) and the checksum an update is checked with.
    'git',
    'pull',
    'start',
    'sha512',
    'auto',
    'applier',
    'basic_text',
    'authorization',
    'key',
    'sk',
    'scope',
    'b2b',
    'base',
    'go',
    'english',
    'run',
    'preview',
    'or',
    'and',
    'not',
    'django',
  ].map((word) => word.toLowerCase()),
);

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
      const words =
        text
          .replace(/\{\{[^}]+\}\}|\{[a-z_]+\}/g, ' ')
          .replace(/(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}\/\S*/gi, ' ')
          .match(/[A-Za-z][A-Za-z0-9_.+-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
      // A domain (example.com, developers.sber.ru) is an address, not a word.
      const foreign = words.filter((word) => !/\.[a-z]{2,}$/i.test(word) && !LATIN_OK.has(word.toLowerCase()));
      if (foreign.length) problems.push(`${key}: ${foreign.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
