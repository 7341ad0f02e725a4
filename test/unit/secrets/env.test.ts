import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { loadAppEnv, loadEnvFile, parseEnv, readAppEnv, secretEnvValues } from '../../../main/core/secrets';

const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an error');
};

describe('parseEnv', () => {
  it('reads plain, exported, quoted and commented lines', () => {
    const text = [
      '\uFEFF# a comment',
      '',
      'PLAIN=value',
      'export EXPORTED = spaced value  ',
      'WITH_HASH=abc#def',
      'INLINE=abc # a comment',
      'EMPTY=',
      'EQUALS=a=b==',
      "SINGLE='literal \\n $HOME # not a comment'",
      'DOUBLE="line1\\nline2\\t\\"q\\" \\\\ \\x" # trailing comment',
      'DOLLAR=pa$$word$HOME',
      'MULTI="first',
      'second"',
      "  INDENTED='x'",
      'PLAIN=last wins',
    ].join('\r\n');
    expect(parseEnv(text)).toEqual({
      PLAIN: 'last wins',
      EXPORTED: 'spaced value',
      WITH_HASH: 'abc#def',
      INLINE: 'abc',
      EMPTY: '',
      EQUALS: 'a=b==',
      SINGLE: 'literal \\n $HOME # not a comment',
      DOUBLE: 'line1\nline2\t"q" \\ \\x',
      DOLLAR: 'pa$$word$HOME',
      MULTI: 'first\nsecond',
      INDENTED: 'x',
    });
  });

  it('names the line of a malformed entry without echoing its text', () => {
    const error = errorOf(() => parseEnv('OK=1\nthis is sk-secret-value\n', 'dev.env'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('dev.env line 2 is not KEY=VALUE.');
    expect(errorOf(() => parseEnv('1BAD=x')).message).toContain('line 1');
  });

  it('reports an unterminated quote and text after a closing quote', () => {
    expect(errorOf(() => parseEnv('A=1\nKEY="never closed\nB=2')).message).toBe('.env line 2: the value of KEY has no closing ".');
    expect(errorOf(() => parseEnv("KEY='a' b")).message).toBe('.env line 1: unexpected text after the quoted value of KEY.');
  });
});

describe('loadEnvFile', () => {
  it('reads a file without touching process.env, and treats a missing file as empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aaa-env-'));
    const path = join(dir, '.env');
    await writeFile(path, 'AAA_TEST_ONLY_VARIABLE=from-file\n');
    expect(await loadEnvFile(path)).toEqual({ AAA_TEST_ONLY_VARIABLE: 'from-file' });
    expect(process.env.AAA_TEST_ONLY_VARIABLE).toBeUndefined();
    expect(await loadEnvFile(join(dir, 'missing.env'))).toEqual({});
  });
});

describe('readAppEnv', () => {
  it('returns the typed settings and ignores unrelated or empty variables', () => {
    const env = readAppEnv({
      HH_CLIENT_ID: 'CLIENTID123',
      HH_REDIRECT_URI: 'http://127.0.0.1:8910/oauth/callback',
      HH_API_BASE_URL: 'https://api.hh.ru',
      GIGACHAT_CREDENTIALS: 'Basic ZGVtbzpzZWNyZXQ=',
      GIGACHAT_SCOPE: 'GIGACHAT_API_PERS',
      OPENAI_BASE_URL: ' https://api.openai.com/v1 ',
      AAA_PORT: '8080',
      AAA_DATA_DIR: '',
      PATH: '/usr/bin',
    });
    expect(env).toEqual({
      HH_CLIENT_ID: 'CLIENTID123',
      HH_REDIRECT_URI: 'http://127.0.0.1:8910/oauth/callback',
      HH_API_BASE_URL: 'https://api.hh.ru',
      GIGACHAT_CREDENTIALS: 'ZGVtbzpzZWNyZXQ=',
      GIGACHAT_SCOPE: 'GIGACHAT_API_PERS',
      OPENAI_BASE_URL: 'https://api.openai.com/v1',
      AAA_PORT: 8080,
    });
    expect(readAppEnv({})).toEqual({});
  });

  it('lists every invalid variable with what is expected, never its value', () => {
    const error = errorOf(() =>
      readAppEnv({
        GIGACHAT_SCOPE: 'PERSONAL',
        OPENAI_BASE_URL: 'ftp://sk-not-a-url',
        AAA_PORT: '70000',
        AAA_VAULT_KEY: 'tooshort',
        AAA_TOKEN: 'abc',
        GIGACHAT_CREDENTIALS: 'not base64!',
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Some settings in the environment or the \.env file are not valid\./);
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual([
      'AAA_PORT',
      'AAA_TOKEN',
      'AAA_VAULT_KEY',
      'GIGACHAT_CREDENTIALS',
      'GIGACHAT_SCOPE',
      'OPENAI_BASE_URL',
    ]);
    expect(error.message).toContain('GIGACHAT_SCOPE must be GIGACHAT_API_PERS (individuals), GIGACHAT_API_B2B or GIGACHAT_API_CORP.');
    expect(error.message).toContain('OPENAI_BASE_URL must be an http(s) address such as https://api.openai.com/v1.');
    expect(error.message).toContain('AAA_PORT must be a port number from 0 to 65535.');
    expect(error.message).toContain('AAA_VAULT_KEY must be at least 16 characters');
    expect(error.message).not.toMatch(/tooshort|sk-not-a-url|PERSONAL/);
    expect(errorOf(() => readAppEnv({ AAA_PORT: 'eighty' })).message).toContain('AAA_PORT must be a port number');
  });

  it('takes an update feed over https, or over http on this computer only', () => {
    expect(readAppEnv({ AAA_UPDATE_FEED_URL: 'http://127.0.0.1:8080/updates/' }).AAA_UPDATE_FEED_URL).toBe(
      'http://127.0.0.1:8080/updates/',
    );
    expect(readAppEnv({ AAA_UPDATE_FEED_URL: 'https://updates.example.ru/aaa/' }).AAA_UPDATE_FEED_URL).toBe(
      'https://updates.example.ru/aaa/',
    );
    for (const address of ['http://updates.example.ru/aaa/', 'file:///tmp/feed', 'not a url']) {
      expect(errorOf(() => readAppEnv({ AAA_UPDATE_FEED_URL: address })).message).toContain(
        'AAA_UPDATE_FEED_URL must be an https address, or http on this computer',
      );
    }
  });

  it('names which values are secrets', () => {
    const env = readAppEnv({
      HH_CLIENT_SECRET: 'hh-secret-1',
      OPENAI_API_KEY: 'sk-abcdef',
      OPENAI_MODEL: 'gpt-4o-mini',
      HH_REDIRECT_URI: 'http://localhost/cb',
    });
    expect(secretEnvValues(env).sort()).toEqual(['hh-secret-1', 'sk-abcdef']);
  });
});

describe('loadAppEnv', () => {
  it('lets the process environment win over the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aaa-env-'));
    const path = join(dir, '.env');
    await writeFile(path, 'OPENAI_MODEL=from-file\nOPENAI_API_KEY=file-key-123\nAAA_PORT=1234\n');
    const env = await loadAppEnv(path, { OPENAI_MODEL: 'from-process', AAA_PORT: '', OTHER: 'x' });
    expect(env).toEqual({ OPENAI_MODEL: 'from-process', OPENAI_API_KEY: 'file-key-123', AAA_PORT: 1234 });
  });
});
