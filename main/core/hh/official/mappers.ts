import type { HhAccount, HhResume, Negotiation, NegotiationMessage, SearchFilters, VacancyFacts } from '../../../../shared/domain';
import { htmlToText } from '../../text/html';
import type { SearchQuery } from '../transport';

/** The fields of hh.ru's vacancy JSON the app reads (search items lack description and key_skills). */
export interface ApiVacancy {
  id: string;
  name: string;
  employer?: { id?: string | null; name?: string | null } | null;
  /** Deprecated by hh.ru in favour of salary_range; read only when salary_range is absent. */
  salary?: { from?: number | null; to?: number | null; currency?: string | null; gross?: boolean | null } | null;
  /** The salary with its mode (month, hour, shift, ...) and frequency. */
  salary_range?: {
    from?: number | null;
    to?: number | null;
    currency?: string | null;
    gross?: boolean | null;
    mode?: { id?: string | null } | null;
  } | null;
  area?: { id?: string | null; name?: string | null } | null;
  alternate_url?: string | null;
  apply_alternate_url?: string | null;
  published_at?: string | null;
  description?: string | null;
  key_skills?: { name: string }[] | null;
  has_test?: boolean | null;
  test?: { required?: boolean | null } | null;
  response_letter_required?: boolean | null;
  archived?: boolean | null;
  type?: { id?: string | null } | null;
  response_url?: string | null;
}

export function toVacancyFacts(v: ApiVacancy): VacancyFacts {
  const html = v.description ?? '';
  const pay = v.salary_range ?? v.salary;
  return {
    hhId: String(v.id),
    title: v.name,
    employer: { id: v.employer?.id ?? null, name: v.employer?.name ?? null },
    salary: pay ? { from: pay.from ?? null, to: pay.to ?? null, currency: pay.currency ?? null, gross: pay.gross ?? null } : null,
    area: { id: v.area?.id ?? null, name: v.area?.name ?? null },
    url: v.alternate_url ?? null,
    publishedAt: v.published_at ?? null,
    descriptionHtml: html,
    descriptionText: html ? htmlToText(html) : '',
    keySkills: (v.key_skills ?? []).map((skill) => skill.name),
    hasTest: Boolean(v.has_test),
    letterRequired: Boolean(v.response_letter_required),
    archived: Boolean(v.archived),
    externalUrl: v.type?.id === 'direct' ? (v.response_url ?? v.alternate_url ?? null) : null,
    raw: v,
  };
}

export const toAccount = (me: { id: string; first_name?: string | null; last_name?: string | null; email?: string | null }): HhAccount => ({
  id: String(me.id),
  firstName: me.first_name ?? '',
  lastName: me.last_name ?? '',
  email: me.email ?? null,
});

export const toResume = (r: {
  id: string;
  title?: string | null;
  status?: { id?: string } | null;
  can_publish_or_update?: boolean | null;
  next_publish_at?: string | null;
  alternate_url?: string | null;
}): HhResume => ({
  id: String(r.id),
  hash: String(r.id),
  title: r.title ?? '',
  status: r.status?.id ?? null,
  canPublish: Boolean(r.can_publish_or_update),
  nextPublishAt: r.next_publish_at ?? null,
  url: r.alternate_url ?? null,
});

export const toNegotiation = (n: {
  id: string;
  state?: { id?: string } | null;
  vacancy?: { id?: string } | null;
  resume?: { id?: string } | null;
  viewed_by_opponent?: boolean | null;
  has_updates?: boolean | null;
  updated_at?: string | null;
}): Negotiation => ({
  id: String(n.id),
  state: n.state?.id ?? 'unknown',
  vacancyId: n.vacancy?.id ?? null,
  resumeId: n.resume?.id ?? null,
  viewedByOpponent: Boolean(n.viewed_by_opponent),
  hasUpdates: Boolean(n.has_updates),
  updatedAt: n.updated_at ?? null,
});

export const toMessage = (m: {
  id: string;
  text?: string | null;
  created_at?: string | null;
  author?: { participant_type?: string } | null;
}): NegotiationMessage => ({
  id: String(m.id),
  author: m.author?.participant_type === 'applicant' ? 'me' : 'employer',
  text: m.text ?? '',
  createdAt: m.created_at ?? null,
  // The API's negotiation messages have no quick answers (docs/hh/openapi.yml): buttons live only in
  // the website's chats, which the API marks as the messages' successor.
  buttons: [],
});

const ORDER: Record<SearchFilters['orderBy'], string> = {
  relevance: 'relevance',
  publication_time: 'publication_time',
  salary_desc: 'salary_desc',
  salary_asc: 'salary_asc',
};

/** A saved search in hh.ru's query words (GET /vacancies). */
export function searchParams(query: SearchQuery): Record<string, string | number | boolean | (string | number)[] | undefined> {
  const f = query.filters;
  const areas = query.areas ?? f.areas;
  const window = query.dateFrom || query.dateTo;
  return {
    text: f.text || undefined,
    search_field: f.searchField.length ? f.searchField : undefined,
    area: areas.length ? areas : undefined,
    experience: f.experience.length ? f.experience : undefined,
    employment_form: f.employmentForm.length ? f.employmentForm : undefined,
    work_format: f.workFormat.length ? f.workFormat : undefined,
    schedule: f.schedule.length ? f.schedule : undefined,
    salary: f.salary ?? undefined,
    currency: f.salary ? f.currency : undefined,
    only_with_salary: f.onlyWithSalary || undefined,
    excluded_text: f.excludedText || undefined,
    // period and date_from/date_to may not be combined: a split window replaces the period.
    period: window ? undefined : (f.periodDays ?? undefined),
    date_from: query.dateFrom,
    date_to: query.dateTo,
    order_by: ORDER[f.orderBy],
    per_page: Math.min(query.perPage, 100),
    page: query.page,
  };
}
