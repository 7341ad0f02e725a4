import type { Logger } from '../ports';

export const REDACTED = '[redacted]';

export interface Redactor {
  /** Remembers a secret so every later copy of it is hidden; values shorter than 6 are ignored. */
  addSecret(value: string | null | undefined): void;
  redactText(text: string): string;
  /** A redacted deep copy: strings, arrays, plain objects, Errors (same class, message and stack). */
  redact(value: unknown): unknown;
}

const MIN_SECRET_LENGTH = 6;
const MAX_DEPTH = 8;

/** Keys whose string values are secret wherever they appear (objects, JSON text, query strings). */
const sensitiveKey = /token|secret|passw|authorization|credential|api[-_]?key|cookie/i;
const sensitiveParam = String.raw`[\w.-]*(?:token|secret|passw|credential|api[-_]?key)[\w.-]*`;
const paramValue = String.raw`(?:(?!%26)[^&#\s"'<>])+`;
// A bare number is a count ("max_tokens=400"), not a secret; an OAuth code is hidden whatever it looks like.
const hideParam = (m: string, lead: string, key: string, eq: string, value: string) =>
  /^\d+$/.test(value) && key !== 'code' ? m : `${lead}${key}${eq}${REDACTED}`;

/** hh.ru's own session cookies (docs/hh/WEBSITE-NOTES.md): whoever holds them is signed in as the user. */
const hhCookie = String.raw`hhtoken|crypted_id|crypted_hhuid|hhuid|_xsrf|__ddg\w*|hhrole|hhul|regions`;

const patterns: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // A JWT is a credential wherever it stands (a Local API token: the app keeps only its id, so it cannot be told the token itself).
  [/\beyJ[\w-]{6,}\.eyJ[\w-]{6,}\.[\w-]{10,}/g, () => REDACTED],
  [/\b(Bearer|OAuth)\s+[\w\-.~+/]+=*/gi, (_m, scheme) => `${scheme} ${REDACTED}`],
  // A whole Cookie or Set-Cookie header: every value in it is someone's session.
  [/\b((?:Set-)?Cookie)(\s*:\s*)[^\r\n]+/gi, (_m, name, sep) => `${name}${sep}${REDACTED}`],
  [new RegExp(String.raw`\b(${hhCookie})=([^;,\s"']+)`, 'g'), (_m, name) => `${name}=${REDACTED}`],
  // token="...", api_key: ..., secret=... in plain text (a config dump, an error message).
  [
    new RegExp(String.raw`(^|[\s{(,;])(${sensitiveParam})(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&)}]+)`, 'gi'),
    // A bare number is a count ("prompt_tokens: 500"), not a secret.
    (m, lead, key, sep, value) =>
      /^\d+$/.test(value)
        ? m
        : `${lead}${key}${sep}${value.startsWith('"') ? `"${REDACTED}"` : value.startsWith("'") ? `'${REDACTED}'` : REDACTED}`,
  ],
  // Only base64-looking words, so "Basic settings" stays readable.
  [/\b(Basic)\s+([A-Za-z0-9+/]{8,}={0,2})(?![\w+/=])/gi, (m, scheme, b64) => (/[0-9+/=]|.[A-Z]/.test(b64) ? `${scheme} ${REDACTED}` : m)],
  // URLs, query strings and form bodies, also when URL-encoded inside another URL.
  [new RegExp(String.raw`(^|[?&#;\s,]|%26|%3F)(${sensitiveParam})(=|%3D)(${paramValue})`, 'gi'), hideParam],
  // An OAuth authorization code, but only as a parameter: "error code=500" in a sentence stays.
  [new RegExp(String.raw`(^|[?&#]|%26|%3F)(code)(=|%3D)(${paramValue})`, 'gi'), hideParam],
  // JSON that travels as text (a logged response body).
  [/("([\w.-]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, (m, head, key) => (sensitiveKey.test(key) ? `${head}"${REDACTED}"` : m)],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createRedactor(initial: Iterable<string> = []): Redactor {
  const secrets = new Set<string>();
  let known: RegExp | undefined;

  const addSecret = (value: string | null | undefined) => {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
    // The same secret also shows up URL-encoded in addresses and escaped inside JSON text,
    // and base64-encoded (a Basic header, a token in a cookie), with or without padding.
    const base64 = Buffer.from(value).toString('base64');
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), base64, base64.replace(/=+$/, '')]) {
      if (!secrets.has(form)) {
        secrets.add(form);
        known = undefined;
      }
    }
  };

  const redactText = (text: string) => {
    if (secrets.size > 0) {
      // Longest first, so a secret that contains another is hidden whole.
      known ??= new RegExp(
        [...secrets]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      text = text.replace(known, REDACTED);
    }
    for (const [pattern, replace] of patterns) text = text.replace(pattern, replace);
    return text;
  };

  const walk = (value: unknown, sensitive: boolean, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return sensitive ? REDACTED : redactText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof Date) return value;
    if (seen.has(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    const next = (item: unknown, key = '') => walk(item, sensitive || sensitiveKey.test(key), depth + 1, seen);
    // `seen` holds the path from the root only, so an object shared by two fields is copied twice, not called circular.
    seen.add(value);
    const copy = Array.isArray(value)
      ? value.map((item) => next(item))
      : value instanceof Error
        ? copyError(value, next)
        : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, next(item, key)]));
    seen.delete(value);
    return copy;
  };

  for (const value of initial) addSecret(value);
  return { addSecret, redactText, redact: (value) => walk(value, false, 0, new WeakSet()) };
}

/** Keeps the class (so an AppError stays an AppError) and every own field, message and stack included. */
function copyError(error: Error, next: (item: unknown, key: string) => unknown): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    if ('value' in descriptor) descriptor.value = next(descriptor.value, key);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}

/** Everything logged passes through the redactor: the message and every detail. */
export function redactingLogger(logger: Logger, redactor: Redactor): Logger {
  const wrap =
    (write: Logger['info']): Logger['info'] =>
    (message, details) =>
      write(redactor.redactText(message), details === undefined ? undefined : (redactor.redact(details) as Record<string, unknown>));
  return { info: wrap(logger.info.bind(logger)), warn: wrap(logger.warn.bind(logger)), error: wrap(logger.error.bind(logger)) };
}
