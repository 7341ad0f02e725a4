import { searchParams } from '../official/mappers';
import type { SearchQuery } from '../transport';
import { resumeFrontOrigin, sitePages } from './site';
import type { WebMethod } from './web-session';

/**
 * Every request the app sends to hh.ru's website, in one place: when the site changes a path, a
 * field or a header, this file changes. Sources: docs/hh/WEBSITE-NOTES.md; where the notes say
 * nothing, the comment at the builder says where the shape comes from.
 */
export interface SiteRequest {
  /** What the app was doing, for logs and errors ("vacancy search", "apply"). */
  name: string;
  method: WebMethod;
  url: string;
  headers: Record<string, string>;
  form?: Record<string, string>;
  multipart?: Record<string, string>;
  json?: unknown;
  /**
   * 'safe': may be sent again after a network error or a 5xx (reads; writes hh.ru deduplicates).
   * 'once': never resent by the client (applying: a second POST could apply twice).
   */
  resend: 'safe' | 'once';
}

export interface ApplyFields {
  vacancyId: string;
  resumeHash: string;
  letter: string;
}

export interface ChatMessageFields {
  chatId: string;
  text: string;
  idempotencyKey: string;
}

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** What the site's own scripts send with an XHR; `_xsrf` travels as this header (and as a form field where there is a form). */
const xhr = (xsrf: string, referer: string, origin: string, extra: Record<string, string> = {}) => ({
  Accept: 'application/json',
  'X-Requested-With': 'XMLHttpRequest',
  'X-Xsrftoken': xsrf,
  Referer: referer,
  Origin: origin,
  ...extra,
});

const page = (name: string, url: string): SiteRequest => ({ name, method: 'GET', url, headers: { ...HTML }, resend: 'safe' });

const withQuery = (base: string, params: Record<string, string | number | boolean | (string | number)[] | undefined>): string => {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url.toString();
};

/** The site shows 20, 50 or 100 vacancies a page; the smallest that holds what was asked for. */
export const sitePageSize = (perPage: number): number => [20, 50, 100].find((size) => size >= perPage) ?? 100;

/**
 * The API's query words (../official/mappers searchParams), where the site names two of them its own
 * way: per_page is items_on_page and period is search_period (seen in 2026 tools' search URLs).
 */
export function searchQueryWords(query: SearchQuery, resumeHash?: string) {
  const { per_page: _perPage, period, ...words } = searchParams(query);
  return { ...words, search_period: period, items_on_page: sitePageSize(query.perPage), ...(resumeHash && { resume: resumeHash }) };
}

export const siteRequests = {
  /** Any page sets the `_xsrf` cookie; the home page is the lightest way to get one. */
  home: (site: string) => page('home page', `${site}/`),

  /** 2026: the resume list (with the owner's id on each resume). Also the signed-in check. */
  myResumes: (site: string) => page('resume list', sitePages.myResumes(site)),

  /** Older: identity, resumes, the chat participant id and the chat server's origin; 2026: a redirect to the profile. */
  resumes: (site: string) => page('resumes page', sitePages.resumes(site)),

  /** 2026: the account (names, email) and the resume front end's widgets. */
  profile: (site: string) => page('profile page', sitePages.profile(site)),

  /** A resume's own page: `applicantResume` (2026) or `resume` (older); see resume-page.ts. */
  resume: (site: string, hash: string) => page('resume page', `${site}/resume/${encodeURIComponent(hash)}`),

  search: (site: string, query: SearchQuery, resumeHash?: string) =>
    page(resumeHash ? 'recommended vacancies' : 'vacancy search', withQuery(`${site}/search/vacancy`, searchQueryWords(query, resumeHash))),

  vacancy: (site: string, id: string) => page('vacancy page', sitePages.vacancy(site, id)),

  negotiations: (site: string, pageNo: number) => page('responses page', withQuery(`${site}/applicant/negotiations`, { page: pageNo })),

  /** The browser's own popup form, field for field. */
  apply: (site: string, fields: ApplyFields, xsrf: string): SiteRequest => ({
    name: 'apply',
    method: 'POST',
    url: `${site}/applicant/vacancy_response/popup`,
    headers: xhr(xsrf, `${site}/vacancy/${encodeURIComponent(fields.vacancyId)}`, site, {
      'X-Hhtmfrom': 'vacancy',
      'X-Hhtmsource': 'vacancy_response',
    }),
    form: {
      _xsrf: xsrf,
      vacancy_id: fields.vacancyId,
      resume_hash: fields.resumeHash,
      letter: fields.letter,
      ignore_postponed: 'true',
      incomplete: 'false',
      lux: 'true',
      withoutTest: 'no',
      mark_applicant_visible_in_vacancy_country: 'false',
    },
    resend: 'once',
  }),

  /**
   * Raising a resume as hh.ru's own profile page does it in 2026: JSON `{hash}` to the resume front
   * end. 200 = raised, 409 = raised too recently, 403 = refused.
   */
  touchResumeProfile: (site: string, hash: string, xsrf: string): SiteRequest => ({
    name: 'raise resume',
    method: 'POST',
    url: `${resumeFrontOrigin(site)}/profile/shards/resume/touch`,
    headers: xhr(xsrf, `${site}/`, site, { 'X-Hhtmsource': 'applicant_profile' }),
    json: { hash },
    resend: 'safe',
  }),

  /** Raising a resume the older way (still answered in 2026-06); the analytics labels are the resume list's (as hh-ai-responder sends them). */
  touchResume: (site: string, hash: string, xsrf: string): SiteRequest => ({
    name: 'raise resume',
    method: 'POST',
    url: `${site}/applicant/resumes/touch`,
    headers: xhr(xsrf, `${site}/applicant/resumes`, site, { 'X-Hhtmfrom': 'resume_list', 'X-Hhtmsource': 'resume_list' }),
    multipart: { resume: hash, undirectable: 'true' },
    // Raising twice in a row is harmless: hh.ru answers the second with its 4-hour rule.
    resend: 'safe',
  }),

  /**
   * Assumption (the notes are silent): the "hide this vacancy / this company" menu posts here, form
   * fields `vacancyId` / `employerId` and `_xsrf` (a 2026 hh.ru browser extension does the same).
   * Hiding twice is harmless.
   */
  hideVacancy: (site: string, vacancyId: string, xsrf: string): SiteRequest => ({
    name: 'hide vacancy',
    method: 'POST',
    url: `${site}/applicant/blacklist/vacancy/add`,
    headers: xhr(xsrf, `${site}/vacancy/${encodeURIComponent(vacancyId)}`, site),
    form: { vacancyId, _xsrf: xsrf },
    resend: 'safe',
  }),

  hideEmployer: (site: string, employerId: string, xsrf: string): SiteRequest => ({
    name: 'hide employer',
    method: 'POST',
    url: `${site}/applicant/blacklist/employer/add`,
    headers: xhr(xsrf, `${site}/employer/${encodeURIComponent(employerId)}`, site),
    form: { employerId, _xsrf: xsrf },
    resend: 'safe',
  }),

  chats: (chatik: string, pageNo: number, xsrf: string): SiteRequest => ({
    name: 'chat list',
    method: 'GET',
    url: withQuery(`${chatik}/chatik/api/chats`, { filterUnread: false, filterHasTextMessage: false, page: pageNo }),
    headers: xhr(xsrf, `${chatik}/`, chatik),
    resend: 'safe',
  }),

  chatData: (chatik: string, chatId: string, applicantId: string, xsrf: string): SiteRequest => ({
    name: 'chat messages',
    method: 'GET',
    url: withQuery(`${chatik}/chatik/api/chat_data`, { chatId, applicantId }),
    headers: xhr(xsrf, `${chatik}/chat/${encodeURIComponent(chatId)}`, chatik),
    resend: 'safe',
  }),

  /** Safe to resend: hh.ru shows one message per idempotency key, and a retry reuses the key. */
  sendChatMessage: (chatik: string, fields: ChatMessageFields, xsrf: string): SiteRequest => ({
    name: 'send chat message',
    method: 'POST',
    url: `${chatik}/chatik/api/send`,
    headers: xhr(xsrf, `${chatik}/chat/${encodeURIComponent(fields.chatId)}`, chatik),
    json: {
      chatId: /^\d+$/.test(fields.chatId) ? Number(fields.chatId) : fields.chatId,
      text: fields.text,
      idempotencyKey: fields.idempotencyKey,
    },
    resend: 'safe',
  }),
};
