import type { VacancyFilters, VacancySort, VacancyStatus } from '../../../../shared/domain';
import type { Row } from '../client';
import type { SqlValue } from '../worker/protocol';

/** What the Vacancies list asks for: statuses, words, an order, the filters, and the resume scores are kept for. */
export interface VacancyListOptions extends Partial<VacancyFilters> {
  statuses?: readonly VacancyStatus[];
  /** Already made safe for FTS (toMatchQuery); empty for none. */
  match?: string;
  sort?: VacancySort;
  /** The resume whose kept scores show (and sort); a score older than the resume's last change is not shown. */
  resume?: { hhId: string; updatedAt: string } | null;
  /** Now, for `days`. */
  now: Date;
  limit: number;
  offset: number;
}

/** The salary a vacancy reaches: its upper bound, or its lower one when it names none (currencies are not converted). */
const TOP_SALARY = 'coalesce(v.salary_to, v.salary_from)';
/** hh.ru's publication time, or when the app found it; ISO strings, compared as text (hh.ru's offset shifts it by hours at most). */
const WHEN = 'coalesce(v.published_at, v.first_seen_at)';

const ORDER: Record<VacancySort, string> = {
  date: 'v.first_seen_at DESC, v.id DESC',
  salary: `${TOP_SALARY} IS NULL, ${TOP_SALARY} DESC, v.first_seen_at DESC, v.id DESC`,
  score: 's.score IS NULL, s.score DESC, v.first_seen_at DESC, v.id DESC',
};

/**
 * SQLite's LIKE folds only ASCII letters: "сбер" would miss "Сбер". The words are tried as typed,
 * in lower and upper case and capitalised; `%` and `_` in them are matched literally.
 */
function nameLike(column: string, words: string): { sql: string; params: string[] } {
  const variants = [
    ...new Set([words, words.toLowerCase(), words.toUpperCase(), words.charAt(0).toUpperCase() + words.slice(1).toLowerCase()]),
  ];
  const escaped = variants.map((variant) => `%${variant.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { sql: `(${escaped.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`, params: escaped };
}

/** One condition per filter given, each with its parameters; nothing the user typed is ever spliced into the SQL. */
export function listConditions(options: VacancyListOptions): { where: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    parts.push(sql);
    params.push(...values);
  };
  const statuses = options.statuses ?? [];
  if (statuses.length) add(`v.status IN (${statuses.map(() => '?').join(',')})`, ...statuses);
  if (options.match) add('v.id IN (SELECT docid FROM vacancies_fts WHERE vacancies_fts MATCH ?)', options.match);
  if (options.searchId != null) add('v.found_by_search_id = ?', options.searchId);
  if (options.salaryFrom != null) add(`${TOP_SALARY} >= ?`, options.salaryFrom);
  if (options.area) {
    if (/^\d+$/.test(options.area)) add('v.area_id = ?', options.area);
    else {
      const like = nameLike('v.area_name', options.area);
      add(like.sql, ...like.params);
    }
  }
  if (options.employer) {
    if (/^\d+$/.test(options.employer)) add('v.employer_id = ?', options.employer);
    else {
      const like = nameLike('v.employer_name', options.employer);
      add(like.sql, ...like.params);
    }
  }
  if (options.days != null) add(`${WHEN} >= ?`, new Date(options.now.getTime() - options.days * 86_400_000).toISOString());
  if (options.since) add(`${WHEN} >= ?`, options.since);
  if (options.recommended) add('v.recommended_at IS NOT NULL');
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * One query for a page: each vacancy with its kept score (for the resume given), its newest letter
 * and its chat, so a row shows them without asking per row.
 */
export function listQuery(
  columns: string,
  options: VacancyListOptions,
): { page: string; pageParams: SqlValue[]; count: string; countParams: SqlValue[] } {
  const { where, params } = listConditions(options);
  const scoreJoin = 'LEFT JOIN vacancy_scores s ON s.vacancy_id = v.id AND s.resume_hh_id = ? AND s.scored_at >= ?';
  const scoreParams = [options.resume?.hhId ?? null, options.resume?.updatedAt ?? ''];
  const page = `SELECT ${columns}, v.recommended_at AS recommended_at, s.score AS kept_score,
      (SELECT max(a.id) FROM applications a WHERE a.vacancy_id = v.id) AS letter_id,
      (SELECT max(c.id) FROM chats c WHERE c.vacancy_id = v.id) AS chat_id
    FROM vacancies v ${scoreJoin} ${where}
    ORDER BY ${ORDER[options.sort ?? 'date']} LIMIT ? OFFSET ?`;
  return {
    page,
    pageParams: [...scoreParams, ...params, options.limit, options.offset],
    count: `SELECT count(*) AS n FROM vacancies v ${where}`,
    countParams: params,
  };
}

/** What a list row adds to the summary (see vacancySummarySchema). */
export const listExtras = (row: Row) => ({
  score: row.kept_score === null || row.kept_score === undefined ? null : Number(row.kept_score),
  letterId: row.letter_id === null || row.letter_id === undefined ? null : Number(row.letter_id),
  chatId: row.chat_id === null || row.chat_id === undefined ? null : Number(row.chat_id),
  recommended: row.recommended_at !== null && row.recommended_at !== undefined,
});
