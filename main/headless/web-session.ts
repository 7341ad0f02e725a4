import { readFile } from 'node:fs/promises';
import { AppError, say } from '../core/errors';
import { writeAtomically } from '../core/files/atomic-write';
import { siteBase } from '../core/hh/website/site';
import { CookieJar, type Cookie } from '../core/hh/website/cookie-jar';
import { parseCookiesTxt, serializeCookiesTxt } from '../core/hh/website/cookies-txt';
import type { WebMethod, WebRequestOptions, WebResponse, WebSession } from '../core/hh/website/web-session';
import type { Logger } from '../core/ports';

/**
 * The hh.ru website session without Electron: Node's fetch with a cookie jar loaded from a
 * cookies.txt export of the browser where the user signed in to hh.ru.
 */

export interface HeadlessWebSessionOptions {
  /** hh.ru's site, e.g. https://hh.ru (a test fake may stand in). */
  siteUrl: string;
  /** A Netscape cookies.txt export with the signed-in hh.ru cookies. */
  cookiesFile: string;
  /** Save cookies hh.ru sets (a renewed _xsrf, a refreshed session) back to the file, atomically. Default false. */
  writeBack?: boolean;
  /**
   * The cookies were issued to the user's browser, and hh.ru's DDoS protection looks at the agent
   * that presents them: default a desktop Chrome's.
   */
  userAgent?: string;
  /** For requests that do not set their own (default 20 s). */
  timeoutMs?: number;
  log?: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface HeadlessWebSession extends WebSession {
  /** Resolves once every pending write-back has reached the disk. */
  flush(): Promise<void>;
}

const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/** Reads and parses a cookies.txt file; a line the app cannot read is named in the error. */
export async function loadCookiesFile(path: string, now = Date.now()): Promise<Cookie[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw AppError.of('invalid_input', say('hh.cookiesFileUnreadable', { path, reason: (err as NodeJS.ErrnoException).code ?? 'error' }), {
      cause: err,
    });
  }
  return parseCookiesTxt(text, path, now);
}

function encodeBody(options: WebRequestOptions): { body?: string | FormData; contentType?: string } {
  if (options.form)
    return { body: new URLSearchParams(options.form).toString(), contentType: 'application/x-www-form-urlencoded; charset=UTF-8' };
  if (options.multipart) {
    const form = new FormData();
    for (const [key, value] of Object.entries(options.multipart)) form.append(key, value);
    // fetch writes the multipart Content-Type with its boundary.
    return { body: form };
  }
  if (options.json !== undefined) return { body: JSON.stringify(options.json), contentType: 'application/json' };
  return {};
}

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name.toLowerCase() !== 'set-cookie') headers[name.toLowerCase()] = value;
  });
  return headers;
}

export async function createHeadlessWebSession(options: HeadlessWebSessionOptions): Promise<HeadlessWebSession> {
  const now = options.now ?? Date.now;
  const jar = new CookieJar(await loadCookiesFile(options.cookiesFile, now()), now);
  const fetchImpl = options.fetch ?? fetch;
  const site = `${siteBase(options.siteUrl)}/`;
  let writes: Promise<void> = Promise.resolve();

  const save = () => {
    if (!options.writeBack) return;
    // One write at a time, each with the jar as it is then: the last write holds the newest cookies.
    writes = writes.then(() =>
      writeAtomically(options.cookiesFile, serializeCookiesTxt(jar.all())).catch((err: unknown) =>
        options.log?.warn('could not save the hh.ru cookies file', { code: (err as NodeJS.ErrnoException).code ?? 'error' }),
      ),
    );
  };

  const request = async (method: WebMethod, url: string, requestOptions: WebRequestOptions = {}): Promise<WebResponse> => {
    const timeout = AbortSignal.timeout(requestOptions.timeoutMs ?? options.timeoutMs ?? 20_000);
    const signal = requestOptions.signal ? AbortSignal.any([requestOptions.signal, timeout]) : timeout;
    let current = url;
    let currentMethod: string = method;
    let encoded = encodeBody(requestOptions);
    for (let hop = 0; ; hop += 1) {
      const headers = new Headers({ 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' });
      for (const [name, value] of Object.entries(requestOptions.headers ?? {})) headers.set(name, value);
      if (encoded.contentType && !headers.has('content-type')) headers.set('content-type', encoded.contentType);
      const cookie = jar.header(current);
      if (cookie) headers.set('cookie', cookie);
      // Redirects are followed here, not by fetch, so that each hop's cookies are kept and sent.
      const response = await fetchImpl(current, { method: currentMethod, headers, body: encoded.body, redirect: 'manual', signal });
      if (jar.store(response.headers.getSetCookie(), current)) save();
      const location = response.headers.get('location');
      if (requestOptions.redirect === 'follow' && location && REDIRECTS.has(response.status) && hop < MAX_REDIRECTS) {
        await response.body?.cancel();
        current = new URL(location, current).toString();
        if (response.status === 303 || (currentMethod === 'POST' && (response.status === 301 || response.status === 302))) {
          currentMethod = 'GET';
          encoded = {};
        }
        continue;
      }
      return { status: response.status, url: current, headers: headersOf(response), text: await response.text() };
    }
  };

  return {
    request,
    async cookie(name) {
      return jar.get(name, site);
    },
    async secretValues() {
      return jar.all().map((cookie) => cookie.value);
    },
    /** The user may export cookies.txt again while the app runs: "Sign in" reads it anew. */
    async reload() {
      await writes;
      jar.replace(await loadCookiesFile(options.cookiesFile, now()));
    },
    /** Signing out forgets the cookies (and empties the file when writing back). */
    async clear() {
      jar.clear();
      save();
      await writes;
    },
    flush: () => writes,
  };
}
