import { AppError, say } from '../../errors';
import type { Cookie } from './cookie-jar';

/**
 * The Netscape cookies.txt format browsers' "export cookies" extensions and curl write: one cookie
 * per line, seven tab-separated fields (domain, includeSubdomains, path, secure, expiry in seconds,
 * name, value); `#HttpOnly_` before the domain marks an HttpOnly cookie; other `#` lines are comments.
 */

/** A line the app cannot read. Names the file and the line, never the line's content (it holds cookie values). */
export class CookiesFileError extends AppError {
  constructor(
    readonly source: string,
    readonly line: number,
    problem: string,
  ) {
    super('invalid_input', say('hh.cookiesFileLine', { path: source, line, problem }), undefined, { details: { line: String(line) } });
    this.name = 'CookiesFileError';
  }
}

const FIELDS = 'domain, includeSubdomains, path, secure, expiry, name, value';
const HTTP_ONLY = '#HttpOnly_';

const flag = (text: string): boolean | undefined => {
  const upper = text.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
};

export function parseCookiesTxt(text: string, source = 'cookies.txt', now = Date.now()): Cookie[] {
  const cookies: Cookie[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    let line = rawLine;
    let httpOnly = false;
    if (line.startsWith(HTTP_ONLY)) {
      httpOnly = true;
      line = line.slice(HTTP_ONLY.length);
    } else if (line.startsWith('#') || line.trim() === '') {
      return;
    }
    const fields = line.split('\t');
    // Some exporters drop the tab before an empty value.
    if (fields.length === 6) fields.push('');
    if (fields.length !== 7)
      throw new CookiesFileError(source, lineNo, `expected 7 tab-separated fields (${FIELDS}), found ${fields.length}`);
    const [domainField, subdomainsField, path, secureField, expiryField, name, value] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const domain = domainField.trim().toLowerCase();
    if (!domain || /\s/.test(domain)) throw new CookiesFileError(source, lineNo, 'the domain field is empty or has spaces');
    const includeSubdomains = flag(subdomainsField.trim());
    if (includeSubdomains === undefined) throw new CookiesFileError(source, lineNo, 'the includeSubdomains field must be TRUE or FALSE');
    const secure = flag(secureField.trim());
    if (secure === undefined) throw new CookiesFileError(source, lineNo, 'the secure field must be TRUE or FALSE');
    if (!path.startsWith('/')) throw new CookiesFileError(source, lineNo, 'the path field must start with /');
    const expiry = expiryField.trim();
    if (!/^-?\d+(\.\d+)?$/.test(expiry))
      throw new CookiesFileError(source, lineNo, 'the expiry field must be a number of seconds since 1970 (0 for a session cookie)');
    if (!name) throw new CookiesFileError(source, lineNo, 'the name field is empty');
    const seconds = Number(expiry);
    cookies.push({
      name,
      value,
      domain: domain.replace(/^\./, ''),
      hostOnly: !(includeSubdomains || domain.startsWith('.')),
      path,
      secure,
      httpOnly,
      expires: seconds > 0 ? Math.round(seconds * 1000) : null,
      created: now + index,
    });
  });
  return cookies;
}

export function serializeCookiesTxt(cookies: readonly Cookie[]): string {
  const lines = cookies.map((c) =>
    [
      `${c.httpOnly ? HTTP_ONLY : ''}${c.hostOnly ? c.domain : `.${c.domain}`}`,
      c.hostOnly ? 'FALSE' : 'TRUE',
      c.path,
      c.secure ? 'TRUE' : 'FALSE',
      String(c.expires === null ? 0 : Math.floor(c.expires / 1000)),
      c.name,
      c.value,
    ].join('\t'),
  );
  return [
    '# Netscape HTTP Cookie File',
    '# Your hh.ru session, written by AI Auto Applier: keep this file private.',
    '',
    ...lines,
    '',
  ].join('\n');
}
