export type WebMethod = 'GET' | 'POST';

export interface WebRequestOptions {
  headers?: Record<string, string>;
  /** application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  /** multipart/form-data body (the adapter picks the boundary). */
  multipart?: Record<string, string>;
  /** application/json body. */
  json?: unknown;
  /** Default 'manual': the caller sees a 302 to /account/login or a captcha page instead of its content. */
  redirect?: 'manual' | 'follow';
  signal?: AbortSignal;
  /** The adapter aborts the request after this long (the caller's signal may end it sooner). */
  timeoutMs?: number;
}

export interface WebResponse {
  status: number;
  /** The final address (after redirects when 'follow'). */
  url: string;
  /** Lower-case names. Never `set-cookie`: cookies stay inside the session. */
  headers: Record<string, string>;
  text: string;
}

/**
 * The user's hh.ru website session: a cookie jar and a way to send requests with it. Electron backs
 * it with the 'persist:hh' partition (session.fetch), headless with a cookies.txt export.
 *
 * The adapter sends the session's cookies for the URL, keeps every Set-Cookie of the answer, and
 * rejects only when no answer arrived (network error, timeout, abort). Status codes, redirects and
 * their meaning (signed in or not, a captcha) are the core's business: see site.ts and site-client.ts,
 * which send every request through the website pacer.
 */
export interface WebSession {
  request(method: WebMethod, url: string, options?: WebRequestOptions): Promise<WebResponse>;
  /** The value of a cookie the session would send to hh.ru's site (e.g. `_xsrf`). */
  cookie(name: string): Promise<string | undefined>;
  /** Forgets every cookie (signing out). */
  clear(): Promise<void>;
  /** Reads the session's source again (headless: the cookies file the user may have exported anew). */
  reload?(): Promise<void>;
  /** Every cookie value the session holds: each one is the user's hh.ru session and must never be logged. */
  secretValues?(): Promise<string[]>;
}

/**
 * The session, telling `remember` every cookie value it holds before and after each request (a
 * renewed session cookie arrives in an answer), so logs and errors can hide them wherever they appear.
 */
export function rememberingCookies(session: WebSession, remember: (value: string) => void): WebSession {
  const tell = async () => {
    for (const value of (await session.secretValues?.()) ?? []) remember(value);
  };
  return {
    ...session,
    request: async (method, url, options) => {
      await tell();
      try {
        return await session.request(method, url, options);
      } finally {
        await tell();
      }
    },
    ...(session.reload && { reload: async () => (await session.reload!(), await tell()) }),
  };
}
