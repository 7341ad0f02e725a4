/**
 * An RFC 6265 cookie jar, small enough to read: the rules a browser uses to decide which cookies go
 * with a request (domain, path, secure, expiry) and how a Set-Cookie answer changes the jar. The
 * headless hh.ru session runs on it; Electron has Chromium's own.
 */

export interface Cookie {
  name: string;
  value: string;
  /** Lower case, without a leading dot. */
  domain: string;
  /** true: only this exact host; false: the domain and its subdomains. */
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** ms since the epoch; null for a session cookie. */
  expires: number | null;
  /** For ordering: earlier cookies first among equal paths. */
  created: number;
}

const isIp = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

export function domainMatches(host: string, cookie: Pick<Cookie, 'domain' | 'hostOnly'>): boolean {
  const h = host.toLowerCase();
  if (h === cookie.domain) return true;
  return !cookie.hostOnly && !isIp(h) && h.endsWith(`.${cookie.domain}`);
}

export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** The directory of the request path: a cookie without Path applies there. */
export function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}

const isExpired = (cookie: Cookie, now: number) => cookie.expires !== null && cookie.expires <= now;

/** One parsed Set-Cookie header, or undefined when a browser would ignore it. */
export function parseSetCookie(header: string, requestUrl: URL, now: number): Cookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  if (!name) return undefined;
  const host = requestUrl.hostname.toLowerCase();
  let domain = host;
  let hostOnly = true;
  let path = defaultPath(requestUrl.pathname);
  let secure = false;
  let httpOnly = false;
  let expires: number | null = null;
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && val) {
      const wanted = val.replace(/^\./, '').toLowerCase();
      // A site may set cookies for itself and its parent domains, never for another site or a bare TLD.
      if (!domainMatches(host, { domain: wanted, hostOnly: false }) || (!wanted.includes('.') && wanted !== host)) return undefined;
      domain = wanted;
      hostOnly = false;
    } else if (key === 'path') {
      path = val.startsWith('/') ? val : defaultPath(requestUrl.pathname);
    } else if (key === 'secure') {
      secure = true;
    } else if (key === 'httponly') {
      httpOnly = true;
    } else if (key === 'max-age' && /^-?\d+$/.test(val)) {
      maxAge = Number(val);
    } else if (key === 'expires') {
      const at = Date.parse(val);
      if (!Number.isNaN(at)) expires = at;
    }
  }
  // Max-Age wins over Expires.
  if (maxAge !== undefined) expires = maxAge <= 0 ? 0 : now + maxAge * 1000;
  return { name, value, domain, hostOnly, path, secure, httpOnly, expires, created: now };
}

export class CookieJar {
  #cookies: Cookie[] = [];

  constructor(
    cookies: Cookie[] = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const cookie of cookies) this.set(cookie);
  }

  /** Adds or replaces (same name, domain and path, keeping its place and age); an expired cookie deletes its namesake. */
  set(cookie: Cookie): void {
    const index = this.#cookies.findIndex((c) => c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path);
    const expired = isExpired(cookie, this.now());
    if (index < 0) {
      if (!expired) this.#cookies.push(cookie);
    } else if (expired) {
      this.#cookies.splice(index, 1);
    } else {
      this.#cookies[index] = { ...cookie, created: this.#cookies[index]!.created };
    }
  }

  /** Applies an answer's Set-Cookie headers; true when the jar changed. */
  store(setCookies: readonly string[], requestUrl: string): boolean {
    const url = new URL(requestUrl);
    let changed = false;
    for (const header of setCookies) {
      const cookie = parseSetCookie(header, url, this.now());
      if (!cookie) continue;
      // A cookie sent over http must not replace a secure one (RFC 6265bis "leave secure cookies alone").
      if (
        url.protocol !== 'https:' &&
        (cookie.secure || this.#cookies.some((c) => c.secure && c.name === cookie.name && domainMatches(url.hostname, c)))
      )
        continue;
      this.set(cookie);
      changed = true;
    }
    return changed;
  }

  /** The cookies a browser would send to this URL, longest path first. */
  matching(requestUrl: string): Cookie[] {
    const url = new URL(requestUrl);
    const now = this.now();
    this.#cookies = this.#cookies.filter((c) => !isExpired(c, now));
    return this.#cookies
      .filter((c) => domainMatches(url.hostname, c) && pathMatches(url.pathname || '/', c.path) && (!c.secure || url.protocol === 'https:'))
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created);
  }

  /** The Cookie header for a request, or undefined when nothing matches. */
  header(requestUrl: string): string | undefined {
    const cookies = this.matching(requestUrl);
    return cookies.length ? cookies.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  get(name: string, requestUrl: string): string | undefined {
    return this.matching(requestUrl).find((c) => c.name === name)?.value;
  }

  all(): Cookie[] {
    const now = this.now();
    return this.#cookies.filter((c) => !isExpired(c, now)).map((c) => ({ ...c }));
  }

  /** Everything the jar holds becomes `cookies` (a cookies file read again). */
  replace(cookies: readonly Cookie[]): void {
    this.#cookies = [];
    for (const cookie of cookies) this.set(cookie);
  }

  clear(): void {
    this.#cookies = [];
  }
}
