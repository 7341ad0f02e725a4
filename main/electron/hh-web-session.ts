import type { WebRequestOptions, WebResponse, WebSession } from '../core/hh/website';
import { hhSession } from './hh-window-guard';

const encodeBody = (options: WebRequestOptions): { body?: BodyInit; headers: Record<string, string> } => {
  if (options.form)
    return { body: new URLSearchParams(options.form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
  if (options.json !== undefined) return { body: JSON.stringify(options.json), headers: { 'Content-Type': 'application/json' } };
  if (options.multipart) {
    const form = new FormData();
    for (const [key, value] of Object.entries(options.multipart)) form.append(key, value);
    return { body: form, headers: {} };
  }
  return { headers: {} };
};

/**
 * The window's cookies are the user's hh.ru session: requests go through the same partition
 * (session.fetch), so they carry the real cookies, DDoS-Guard's included. Whether they sign the
 * user in is the core's question (site.ts), asked through the website pacer; signing out clears them.
 */
export function createHhWebSession(siteUrl: string): WebSession {
  return {
    async request(method, url, options = {}): Promise<WebResponse> {
      const { body, headers } = encodeBody(options);
      const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
      const signal = options.signal && timeout ? AbortSignal.any([options.signal, timeout]) : (options.signal ?? timeout);
      const response = await hhSession().fetch(url, {
        method,
        headers: { ...headers, ...options.headers },
        body,
        redirect: options.redirect ?? 'manual',
        signal,
      });
      const answer: Record<string, string> = {};
      // Cookies stay in the session: never handed to the caller.
      response.headers.forEach((value, name) => name.toLowerCase() !== 'set-cookie' && (answer[name.toLowerCase()] = value));
      return { status: response.status, url: response.url || url, headers: answer, text: await response.text() };
    },
    async cookie(name) {
      const [found] = await hhSession().cookies.get({ url: siteUrl, name });
      return found?.value;
    },
    async clear() {
      const ses = hhSession();
      await ses.clearStorageData();
      await ses.clearCache();
    },
  };
}
