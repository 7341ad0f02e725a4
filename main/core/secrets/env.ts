import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors';
import { MIN_PASSPHRASE, VAULT_KEY_ENV } from './aes-cipher';

export type EnvRecord = Record<string, string | undefined>;

const envError = (message: string, issues?: { path: string; message: string }[]) => new AppError('invalid_input', message, issues);

const assignment = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Parses `.env` text: `KEY=VALUE`, optional `export `, `#` comments (inside an unquoted value only
 * after a space), '...' taken literally, "..." with \n \r \t \" \\ escapes; quoted values may span
 * lines. No `$VAR` expansion: a secret containing `$` must arrive unchanged. Errors name the line,
 * never its text, which may be a secret.
 */
export function parseEnv(text: string, source = '.env'): Record<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result: Record<string, string> = {};
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    const match = assignment.exec(line);
    if (!match) throw envError(`${source} line ${i + 1} is not KEY=VALUE.`);
    const [, key = '', rest = ''] = match;
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
      result[key] = rest.replace(/\s+#.*$/, '').trim();
      continue;
    }
    const first = i;
    let body = rest.slice(1);
    let end = closingQuote(body, quote);
    while (end < 0 && i + 1 < lines.length) {
      i += 1;
      body += `\n${lines[i]}`;
      end = closingQuote(body, quote);
    }
    if (end < 0) throw envError(`${source} line ${first + 1}: the value of ${key} has no closing ${quote}.`);
    if (!/^\s*(#.*)?$/.test(body.slice(end + 1)))
      throw envError(`${source} line ${i + 1}: unexpected text after the quoted value of ${key}.`);
    const value = body.slice(0, end);
    result[key] = quote === "'" ? value : value.replace(/\\(.)/g, (all, char: string) => escapes[char] ?? all);
  }
  return result;
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i += 1) {
    if (quote === '"' && body[i] === '\\') i += 1;
    else if (body[i] === quote) return i;
  }
  return -1;
}

/** Reads a `.env` file into a record; process.env is left alone. A missing file is an empty one. */
export async function loadEnvFile(path: string): Promise<Record<string, string>> {
  try {
    return parseEnv(await readFile(path, 'utf8'), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
}

const httpUrl = (example: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) address such as ${example}` });

const PORT = 'must be a port number from 0 to 65535';
const UPDATE_FEED = 'must be an https address, or http on this computer such as http://127.0.0.1:8080/updates/';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const appEnvSchema = z.object({
  HH_CLIENT_ID: z.string().optional(),
  HH_CLIENT_SECRET: z.string().optional(),
  HH_REDIRECT_URI: z.url({ error: 'must be the redirect address registered for your app at dev.hh.ru' }).optional(),
  HH_API_BASE_URL: httpUrl('https://api.hh.ru').optional(),
  HH_OAUTH_BASE_URL: httpUrl('https://hh.ru').optional(),
  /** hh.ru's website (a proxy may stand in); the website transport and the app's hh.ru window use it. */
  HH_SITE_URL: httpUrl('https://hh.ru').optional(),
  /** Headless: a Netscape cookies.txt export of a signed-in hh.ru browser session. */
  HH_COOKIES_FILE: z.string().optional(),
  // People often paste the whole header value; the key is what follows "Basic ".
  GIGACHAT_CREDENTIALS: z
    .string()
    .transform((value) => value.replace(/^Basic\s+/i, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the Authorization key from your GigaChat API project (a base64 string)'))
    .optional(),
  GIGACHAT_SCOPE: z
    .enum(['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'], {
      error: 'must be GIGACHAT_API_PERS (individuals), GIGACHAT_API_B2B or GIGACHAT_API_CORP',
    })
    .optional(),
  GIGACHAT_BASE_URL: httpUrl('https://gigachat.devices.sberbank.ru/api/v1').optional(),
  GIGACHAT_AUTH_URL: httpUrl('https://ngw.devices.sberbank.ru:9443/api/v2/oauth').optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: httpUrl('https://api.openai.com/v1').optional(),
  OPENAI_MODEL: z.string().optional(),
  [VAULT_KEY_ENV]: z
    .string()
    .min(MIN_PASSPHRASE, `must be at least ${MIN_PASSPHRASE} characters; generate one with: openssl rand -base64 32`)
    .optional(),
  AAA_DATA_DIR: z.string().optional(),
  AAA_PORT: z.coerce.number({ error: PORT }).int(PORT).min(0, PORT).max(65535, PORT).optional(),
  AAA_TOKEN: z.string().min(16, 'must be at least 16 characters (or leave it unset for a fresh random token)').optional(),
  /**
   * The desktop app's update feed instead of GitHub Releases: a folder with latest.yml, for testing a
   * build. Plain http only on this computer: elsewhere anyone on the way could swap the file and its sha512 together.
   */
  AAA_UPDATE_FEED_URL: z
    .url({ protocol: /^https?$/, error: UPDATE_FEED })
    // Refinements run after a failed format check too: an unparsable value is left to that check's message.
    .refine((url) => !URL.canParse(url) || new URL(url).protocol === 'https:' || LOOPBACK.has(new URL(url).hostname), UPDATE_FEED)
    .optional(),
});

export type AppEnv = z.infer<typeof appEnvSchema>;

/** Values of these are secrets: register them with the redactor before logging anything. */
export const secretEnvKeys = [
  'HH_CLIENT_ID',
  'HH_CLIENT_SECRET',
  'GIGACHAT_CREDENTIALS',
  'OPENAI_API_KEY',
  VAULT_KEY_ENV,
  'AAA_TOKEN',
] as const;

export const secretEnvValues = (env: AppEnv): string[] => secretEnvKeys.flatMap((key) => env[key] ?? []);

/** Picks and checks the app's variables; empty ones count as unset. Messages never repeat a value. */
export function readAppEnv(env: EnvRecord): AppEnv {
  const present = Object.fromEntries(Object.keys(appEnvSchema.shape).flatMap((key) => (env[key]?.trim() ? [[key, env[key].trim()]] : [])));
  const parsed = appEnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: `${issue.path.join('.')} ${issue.message}.`,
  }));
  throw envError(
    `Some settings in the environment or the .env file are not valid. ${issues.map((issue) => issue.message).join(' ')}`,
    issues,
  );
}

/** The `.env` file for developers and headless runs, overridden by the real environment. */
export async function loadAppEnv(envFile: string, processEnv: EnvRecord = process.env): Promise<AppEnv> {
  const fromProcess = Object.entries(processEnv).filter(([, value]) => value?.trim());
  return readAppEnv({ ...(await loadEnvFile(envFile)), ...Object.fromEntries(fromProcess) });
}
