import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchQuery } from '../../../../main/core/hh/transport';
import { WebsiteTransport, type WebSession, type WebsiteTransportOptions } from '../../../../main/core/hh/website';
import { silentLogger, type Logger } from '../../../../main/core/ports';
import { createHeadlessWebSession, type HeadlessWebSession } from '../../../../main/headless/web-session';
import { startFakeHhSite, type FakeHhSite, type FakeHhSiteOptions } from '../../../fakes/hh-site/server';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

export interface SiteWorld {
  site: FakeHhSite;
  session: HeadlessWebSession;
  /** What the transport handed to the session, in order (pacing is read from the pacer, not from here). */
  sent: { method: string; url: string }[];
  transport: WebsiteTransport;
  cookiesFile: string;
  logs: LogLine[];
  log: Logger;
  close(): Promise<void>;
}

export const memoryLogger = (logs: LogLine[]): Logger => ({
  info: (message, details) => void logs.push({ level: 'info', message, details }),
  warn: (message, details) => void logs.push({ level: 'warn', message, details }),
  error: (message, details) => void logs.push({ level: 'error', message, details }),
});

/** A signed-out "browser": a cookies file with no hh.ru cookies. */
export async function emptyCookiesFile(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'hh-empty-')), 'cookies.txt');
  await writeFile(file, '# Netscape HTTP Cookie File\n\n');
  return file;
}

/**
 * The fake hh.ru website, a headless web session on a cookies file exported from it, and the
 * website transport on top, with fast pacing and retries unless a test asks otherwise.
 */
export async function startSiteWorld(
  options: { site?: FakeHhSiteOptions; transport?: Partial<WebsiteTransportOptions>; signedIn?: boolean; writeBack?: boolean } = {},
): Promise<SiteWorld> {
  const site = await startFakeHhSite(options.site);
  const cookiesFile = options.signedIn === false ? await emptyCookiesFile() : await site.cookiesTxt();
  const logs: LogLine[] = [];
  const log = memoryLogger(logs);
  const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile, writeBack: options.writeBack, log });
  const sent: SiteWorld['sent'] = [];
  const spied: HeadlessWebSession = {
    ...session,
    request: (method, url, requestOptions) => {
      sent.push({ method, url });
      return session.request(method, url, requestOptions);
    },
  };
  const transport = new WebsiteTransport({
    session: spied,
    siteUrl: site.url,
    log,
    minIntervalMs: 0,
    timeoutMs: 2_000,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...options.transport,
  });
  return { site, session: spied, sent, transport, cookiesFile, logs, log, close: () => site.close() };
}

export const searchQuery = (text = '', perPage = 20, page = 0): SearchQuery => ({
  filters: {
    text,
    searchField: [],
    areas: [],
    experience: [],
    employmentForm: [],
    workFormat: [],
    schedule: [],
    salary: null,
    currency: 'RUR',
    onlyWithSalary: false,
    excludedText: '',
    periodDays: null,
    orderBy: 'publication_time',
  },
  page,
  perPage,
});

/** Everything a thrown error carries, as text: for checking nothing secret is in it. */
export function everythingIn(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const e = current as Error & { toValue?: () => unknown; hh?: unknown; details?: unknown };
    parts.push(
      String(e.message),
      String(e.stack),
      JSON.stringify(e.toValue?.() ?? null),
      JSON.stringify(e.hh ?? null),
      JSON.stringify(e.details ?? null),
    );
    current = e.cause;
  }
  return parts.join('\n');
}

/** The core's signed-in check (site.ts, through a site client) for a bare session, asked afresh. */
export const signedIn = (session: WebSession, siteUrl: string): Promise<boolean> =>
  new WebsiteTransport({ session, siteUrl, log: silentLogger, minIntervalMs: 0 }).isSignedIn({ fresh: true });
