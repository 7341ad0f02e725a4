/**
 * hh.ru's site as the app knows it: its hosts, the addresses the app opens or reads, the words its
 * pages use for success, and what "signed in" means. The only module (with requests.ts, which
 * builds the XHRs) that knows hh.ru's addresses: the Electron window, the headless session and the
 * features ask here. Every builder keeps a configured base URL's path, so an hh.ru served under a
 * path prefix (a proxy, a test fake) works as well as https://hh.ru.
 */

/** hh.ru and its regional sites; a host matches itself and its subdomains (api.hh.ru, spb.hh.ru, chatik.hh.ru). */
export const HH_HOSTS = ['hh.ru', 'hh.kz', 'hh.uz', 'headhunter.kg', 'headhunter.ge', 'rabota.by', 'hh1.az'] as const;

export const DEFAULT_SITE_URL = 'https://hh.ru';
export const DEFAULT_API_URL = 'https://api.hh.ru';

/** The site the app works with: HH_SITE_URL, else the OAuth base, else hh.ru. */
export const hhSiteUrlFrom = (env: { HH_SITE_URL?: string; HH_OAUTH_BASE_URL?: string }): string =>
  siteBase(env.HH_SITE_URL ?? env.HH_OAUTH_BASE_URL ?? DEFAULT_SITE_URL);

/** A base URL without its trailing slash, path kept: `https://proxy.test/hh/` -> `https://proxy.test/hh`. */
export function siteBase(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}

/** `path` (with its query) under `base`, keeping the base's own path. */
export const siteUrl = (base: string, path: string): string => `${siteBase(base)}/${path.replace(/^\/+/, '')}`;

const hostMatches = (host: string, allowed: string) => host === allowed || host.endsWith(`.${allowed}`);

/** Under the configured site: same origin, and inside its path when it has one. */
function isUnderSite(url: URL, base: string): boolean {
  try {
    const site = new URL(siteBase(base));
    if (url.origin !== site.origin || url.username || url.password) return false;
    const prefix = site.pathname.replace(/\/+$/, '');
    return !prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  } catch {
    return false;
  }
}

/**
 * An hh.ru page: https on one of hh.ru's hosts (no credentials in the URL, the default port), or
 * a page of a configured site (a proxy or a test fake stands in for hh.ru).
 */
export function isHhUrl(raw: string, configuredSites: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (configuredSites.some((site) => isUnderSite(url, site))) return true;
  if (url.protocol !== 'https:' || url.username || url.password || (url.port && url.port !== '443')) return false;
  const host = url.hostname.toLowerCase();
  return HH_HOSTS.some((allowed) => hostMatches(host, allowed));
}

/** The pages the app opens in its hh.ru window or reads with the user's session. */
export const sitePages = {
  /** The login form, back to the resumes page once signed in. */
  login: (base: string) => siteUrl(base, 'account/login?backurl=%2Fapplicant%2Fresumes'),
  /**
   * The older resume list. Since 2026 hh.ru often answers it with a redirect to the profile page
   * (`profile`), which also means "signed in"; only the login form means "not signed in".
   */
  resumes: (base: string) => siteUrl(base, 'applicant/resumes'),
  /** The stable, read-only resume list of 2026. */
  myResumes: (base: string) => siteUrl(base, 'applicant/my_resumes'),
  /** The applicant's profile (2026): the account, and the resume front end's widgets. */
  profile: (base: string) => siteUrl(base, 'applicant/profile/me'),
  /** hh.ru's vacancy search page (where a captcha met by an API search sends the user back to). */
  search: (base: string) => siteUrl(base, 'search/vacancy'),
  vacancy: (base: string, vacancyId: string) => siteUrl(base, `vacancy/${encodeURIComponent(vacancyId)}`),
  /** hh.ru's own response form for a vacancy (assisted apply). */
  responseForm: (base: string, vacancyId: string) =>
    siteUrl(base, `applicant/vacancy_response?vacancyId=${encodeURIComponent(vacancyId)}&startedWithQuestion=false&hhtmFrom=vacancy`),
  /** Where hh.ru's OAuth authorize page lives under the OAuth base. */
  oauthAuthorize: (base: string) => siteUrl(base, 'oauth/authorize'),
};

/**
 * The resume front end's own host (2026: it raises resumes): resume-profile-front.hh.ru for hh.ru,
 * the configured site itself for anything else (a proxy, a test fake), as for the chat server.
 */
export function resumeFrontOrigin(base: string): string {
  const host = new URL(siteBase(base)).hostname;
  return host === 'hh.ru' || host.endsWith('.hh.ru') ? 'https://resume-profile-front.hh.ru' : siteBase(base);
}

/** The profile page, where hh.ru now sends /applicant/resumes for signed-in users. */
export const isProfileUrl = (raw: string, base: string): boolean =>
  isHhUrl(raw, [base]) && /^\/applicant\/profile(\/|$)/.test(pathUnder(raw, base) ?? '');

const pathUnder = (raw: string, base: string): string | undefined => {
  try {
    const url = new URL(raw);
    const prefix = new URL(siteBase(base)).pathname.replace(/\/+$/, '');
    return prefix && url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname;
  } catch {
    return undefined;
  }
};

/** hh.ru's login and sign-up pages, under any base path (a relative address is read against `from`). */
export function isLoginUrl(raw: string, from?: string): boolean {
  try {
    return /(^|\/)account\/(login|signup)\b/i.test(new URL(raw, from).pathname);
  } catch {
    return false;
  }
}

/** A page only a signed-in applicant sees: where hh.ru lands the user after signing in. */
export const isApplicantUrl = (raw: string, base: string): boolean =>
  isHhUrl(raw, [base]) && (pathUnder(raw, base) ?? '').startsWith('/applicant/');

/** The response form of a vacancy (the only page where assisted apply fills the letter in). */
export function isResponseFormUrl(raw: string, base: string, vacancyId: string): boolean {
  if (!isHhUrl(raw, [base])) return false;
  const url = new URL(raw);
  return pathUnder(raw, base) === '/applicant/vacancy_response' && url.searchParams.get('vacancyId') === vacancyId;
}

/**
 * Where a vacancy's response form lives, for code that runs inside the page: a script checks it is
 * still there (origin, path, vacancy) before it fills the letter in or reads hh.ru's success words.
 */
export function responseFormLocation(base: string, vacancyId: string): { origin: string; pathname: string; vacancyId: string } {
  const url = new URL(sitePages.responseForm(base, vacancyId));
  return { origin: url.origin, pathname: url.pathname, vacancyId };
}

/** Where hh.ru sends the user after a response went through: the list of their responses. */
export const isResponsesUrl = (raw: string, base: string): boolean =>
  isHhUrl(raw, [base]) && (pathUnder(raw, base) ?? '').startsWith('/applicant/negotiations');

/** hh.ru's own words once a response went through (read only on the response form, never elsewhere). */
export const RESPONSE_SENT_TEXT = /Отклик отправлен|Вы откликнулись|Резюме доставлено|response sent/i;

/**
 * An hh.ru vacancy link (any regional host, or a configured site standing in for hh.ru) or its bare
 * number. A link elsewhere is not a vacancy, whatever its path says: example.com/vacancy/1 would
 * otherwise be read as hh.ru's vacancy 1. A link pasted without its scheme (hh.ru/vacancy/1) counts.
 */
export function vacancyIdFrom(input: string, configuredSites: readonly string[] = []): string | undefined {
  const bare = input.match(/^\s*(\d{3,})\s*$/)?.[1];
  if (bare) return bare;
  const trimmed = input.trim();
  const link = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  // http:// is read as https:// (the id is what matters; the app reads hh.ru over https whatever was pasted).
  const secure = link.replace(/^http:\/\//i, 'https://');
  if (!isHhUrl(secure, configuredSites) && !isHhUrl(link, configuredSites)) return undefined;
  return new URL(link).pathname.match(/\/vacancy\/(\d+)/)?.[1];
}
