import type { Page, SkipReason, Vacancy, VacancyFacts, VacancyStatus, VacancySummary } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row } from '../client';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { bool, flag, int, json, text } from './rows';
import { listExtras, listQuery, type VacancyListOptions } from './vacancy-list';

/**
 * The HTML description is kept deflated (a BLOB): it is only shown, never searched (the plain text
 * is, through the full-text index), and hh.ru's Cyrillic HTML shrinks about fourfold; it was the
 * largest column of a vacancy. Rows written before stay text and read as they are.
 */
const packHtml = (html: string): Uint8Array | string => (html ? new Uint8Array(deflateRawSync(Buffer.from(html, 'utf8'))) : '');
const unpackHtml = (value: unknown): string => (value instanceof Uint8Array ? inflateRawSync(value).toString('utf8') : String(value ?? ''));

const SUMMARY_COLUMNS = `id, hh_id, title, employer_id, employer_name, salary_from, salary_to, salary_currency, salary_gross,
  area_id, area_name, url, published_at, key_skills_json, has_test, letter_required, archived, external_url,
  status, skip_reason, skip_detail, found_by_search_id, first_seen_at, updated_at`;
/** The same, of the list's `vacancies v` (it joins the scores). */
const SUMMARY_COLUMNS_OF_V = SUMMARY_COLUMNS.split(',')
  .map((name) => `v.${name.trim()}`)
  .join(', ');

/**
 * A vacancy as the engine and letters read it: everything, but the HTML description only when there is
 * no plain text (they work from the text; the HTML is for showing it). Half the bytes to decode.
 */
const WORK_COLUMNS = `${SUMMARY_COLUMNS}, description_text, raw_json,
  CASE WHEN trim(description_text) = '' THEN description_html ELSE '' END AS description_html`;

const toSummary = (row: Row): VacancySummary => ({
  id: Number(row.id),
  hhId: String(row.hh_id),
  title: String(row.title),
  employer: { id: text(row.employer_id), name: text(row.employer_name) },
  salary:
    row.salary_from === null && row.salary_to === null
      ? null
      : {
          from: int(row.salary_from),
          to: int(row.salary_to),
          currency: text(row.salary_currency),
          gross: row.salary_gross === null ? null : bool(row.salary_gross),
        },
  area: { id: text(row.area_id), name: text(row.area_name) },
  url: text(row.url),
  publishedAt: text(row.published_at),
  keySkills: json<string[]>(row.key_skills_json, []),
  hasTest: bool(row.has_test),
  letterRequired: bool(row.letter_required),
  archived: bool(row.archived),
  externalUrl: text(row.external_url),
  status: row.status as VacancyStatus,
  skip: row.skip_reason ? { reason: row.skip_reason as SkipReason, detail: text(row.skip_detail) } : null,
  foundBySearchId: int(row.found_by_search_id),
  firstSeenAt: String(row.first_seen_at),
  updatedAt: String(row.updated_at),
});

const toVacancy = (row: Row): Vacancy => ({
  ...toSummary(row),
  descriptionHtml: unpackHtml(row.description_html),
  descriptionText: String(row.description_text),
  raw: json<unknown>(row.raw_json, {}),
});

/**
 * hh.ru's raw copy without the description it carries (official API `description`, the website's
 * `description` and `branded_description`): the same text is kept in description_html already, and
 * a third copy of it was the largest part of a vacancy's row.
 */
const withoutDescription = (raw: unknown): unknown => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { description: _d, branded_description: _b, brandedDescription: _bd, ...rest } = raw as Record<string, unknown>;
  return rest;
};

const factParams = (facts: VacancyFacts) => ({
  $hh_id: facts.hhId,
  $title: facts.title,
  $employer_id: facts.employer.id,
  $employer_name: facts.employer.name,
  $salary_from: facts.salary?.from ?? null,
  $salary_to: facts.salary?.to ?? null,
  $salary_currency: facts.salary?.currency ?? null,
  $salary_gross: facts.salary?.gross === null || facts.salary?.gross === undefined ? null : flag(facts.salary.gross),
  $area_id: facts.area.id,
  $area_name: facts.area.name,
  $url: facts.url,
  $published_at: facts.publishedAt,
  $description_html: packHtml(facts.descriptionHtml),
  $description_text: facts.descriptionText,
  $key_skills_json: JSON.stringify(facts.keySkills),
  $has_test: flag(facts.hasTest),
  $letter_required: flag(facts.letterRequired),
  $archived: flag(facts.archived),
  $external_url: facts.externalUrl,
  $raw_json: JSON.stringify(withoutDescription(facts.raw ?? {})),
});

// A vacancy seen again keeps its status, the search that first found it and its first-seen time.
const UPSERT = `INSERT INTO vacancies (hh_id, title, employer_id, employer_name, salary_from, salary_to, salary_currency,
  salary_gross, area_id, area_name, url, published_at, description_html, description_text, key_skills_json, has_test,
  letter_required, archived, external_url, raw_json, found_by_search_id, first_seen_at, updated_at)
VALUES ($hh_id, $title, $employer_id, $employer_name, $salary_from, $salary_to, $salary_currency, $salary_gross,
  $area_id, $area_name, $url, $published_at, $description_html, $description_text, $key_skills_json, $has_test,
  $letter_required, $archived, $external_url, $raw_json, $search_id, $now, $now)
ON CONFLICT(hh_id) DO UPDATE SET title = excluded.title, employer_id = excluded.employer_id,
  employer_name = excluded.employer_name, salary_from = excluded.salary_from, salary_to = excluded.salary_to,
  salary_currency = excluded.salary_currency, salary_gross = excluded.salary_gross, area_id = excluded.area_id,
  area_name = excluded.area_name, url = excluded.url, published_at = excluded.published_at,
  description_html = CASE WHEN excluded.description_html <> '' THEN excluded.description_html ELSE description_html END,
  description_text = CASE WHEN excluded.description_text <> '' THEN excluded.description_text ELSE description_text END,
  key_skills_json = excluded.key_skills_json, has_test = excluded.has_test, letter_required = excluded.letter_required,
  archived = excluded.archived, external_url = excluded.external_url, raw_json = excluded.raw_json,
  updated_at = excluded.updated_at`;

/** A row in the status log when the status really changes (the same status again is not news). */
const logChange = (id: number, status: VacancyStatus, at: string) => ({
  sql: 'INSERT INTO vacancy_status_log (vacancy_id, status, at) SELECT id, ?, ? FROM vacancies WHERE id = ? AND status <> ?',
  params: [status, at, id, status],
});

/** FTS4 query syntax would let a user's "C++" or quote break the query: match words, all required. */
export const toMatchQuery = (query: string): string =>
  query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => `${word}*`)
    .join(' ');

export class VacancyRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** Stores vacancies from hh.ru in one transaction; returns how many were new. */
  async upsertMany(given: VacancyFacts[], searchId: number | null = null): Promise<{ added: number; updated: number }> {
    // hh.ru pages can overlap: the same vacancy twice in one call is one vacancy (the later copy wins).
    const list = [...new Map(given.map((facts) => [facts.hhId, facts])).values()];
    if (list.length === 0) return { added: 0, updated: 0 };
    const known = new Set(
      (
        await this.db.all<{ hh_id: string }>(
          `SELECT hh_id FROM vacancies WHERE hh_id IN (${list.map(() => '?').join(',')})`,
          list.map((v) => v.hhId),
        )
      ).map((row) => row.hh_id),
    );
    const now = this.clock.now().toISOString();
    // hh.ru's page size: each message to the worker stays small, so the main thread never stalls on one.
    for (let start = 0; start < list.length; start += 100) {
      const chunk = list.slice(start, start + 100);
      await this.db.batch(chunk.map((facts) => ({ sql: UPSERT, params: { ...factParams(facts), $search_id: searchId, $now: now } })));
    }
    const added = list.filter((v) => !known.has(v.hhId)).length;
    return { added, updated: list.length - added };
  }

  /** `forWork`: as the engine and letters read it (no HTML when there is plain text, see WORK_COLUMNS). */
  async get(id: number, options: { forWork?: boolean } = {}): Promise<Vacancy | undefined> {
    const row = await this.db.get(`SELECT ${options.forWork ? WORK_COLUMNS : '*'} FROM vacancies WHERE id = ?`, [id]);
    return row ? toVacancy(row) : undefined;
  }

  /** Several at once, by id (a page of letters): one query, as the engine and letters read them. */
  async getMany(ids: number[], options: { forWork?: boolean } = {}): Promise<Map<number, Vacancy>> {
    const unique = [...new Set(ids)];
    const found = new Map<number, Vacancy>();
    // SQLite's default limit on bound parameters is 999; a page is at most 200.
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = await this.db.all(
        `SELECT ${options.forWork ? WORK_COLUMNS : '*'} FROM vacancies WHERE id IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      );
      for (const row of rows) {
        const vacancy = toVacancy(row);
        found.set(vacancy.id, vacancy);
      }
    }
    return found;
  }

  async getByHhId(hhId: string): Promise<Vacancy | undefined> {
    const row = await this.db.get('SELECT * FROM vacancies WHERE hh_id = ?', [hhId]);
    return row ? toVacancy(row) : undefined;
  }

  /** What a saved search found that nobody has looked at yet, oldest first (the order they will be written to). */
  /**
   * Retention: vacancies set aside or closed (found and never acted on, ignored, needing the user,
   * failed, rejected, or archived on hh.ru) whose last change is before `cutoff` lose their
   * description and hh.ru's raw copy; the row (title, employer, salary, status, dates) stays, so the
   * lists, the statistics and "never apply twice" are unchanged. Opening one reads it from hh.ru
   * again. Returns how many were trimmed and about how many bytes that freed.
   */
  async trimOlderThan(cutoff: string): Promise<{ count: number; bytes: number }> {
    const where = `updated_at < $cutoff
      AND (status IN ('found', 'ignored', 'needs_manual', 'failed', 'rejected') OR archived = 1)
      AND (description_html <> '' OR description_text <> '' OR raw_json <> '{}')`;
    const before = await this.db.get<{ n: number; bytes: number }>(
      `SELECT count(*) AS n, coalesce(sum(length(CAST(description_html AS BLOB)) + length(CAST(description_text AS BLOB)) + length(CAST(raw_json AS BLOB))), 0) AS bytes FROM vacancies WHERE ${where}`,
      { $cutoff: cutoff },
    );
    if (!before?.n) return { count: 0, bytes: 0 };
    const { changes } = await this.db.run(
      `UPDATE vacancies SET description_html = '', description_text = '', raw_json = '{}' WHERE ${where}`,
      { $cutoff: cutoff },
    );
    return { count: changes, bytes: Number(before.bytes) };
  }

  /**
   * Merges the full-text index into one segment: FTS4 keeps what trimmed and changed rows deleted
   * in older segments until a merge, so before the file is compacted this gives that space back.
   */
  async optimizeSearchIndex(): Promise<void> {
    await this.db.run("INSERT INTO vacancies_fts(vacancies_fts) VALUES ('optimize')");
  }

  /** As the engine reads them (see WORK_COLUMNS). */
  async foundBySearch(searchId: number, limit: number): Promise<Vacancy[]> {
    const rows = await this.db.all(
      `SELECT ${WORK_COLUMNS} FROM vacancies WHERE found_by_search_id = ? AND status = 'found' ORDER BY first_seen_at, id LIMIT ?`,
      [searchId, limit],
    );
    return rows.map(toVacancy);
  }

  /**
   * The Vacancies list: newest first unless `sort` says otherwise; `statuses` empty means all; `query`
   * words must all appear (as in `search`); each filter given narrows it. Each row carries its kept
   * score for `resume`, its letter and its chat (vacancy-list.ts).
   */
  async list(options: Omit<VacancyListOptions, 'now' | 'match'> & { query?: string; now?: Date }): Promise<Page<VacancySummary>> {
    const match = options.query ? toMatchQuery(options.query) : '';
    if (options.query && !match) return { items: [], total: 0, limit: options.limit, offset: options.offset };
    const { page, pageParams, count, countParams } = listQuery(SUMMARY_COLUMNS_OF_V, {
      ...options,
      match,
      now: options.now ?? this.clock.now(),
    });
    const [rows, counted] = await Promise.all([this.db.all(page, pageParams), this.db.get<{ n: number }>(count, countParams)]);
    return {
      items: rows.map((row) => ({ ...toSummary(row), ...listExtras(row) })),
      total: Number(counted?.n ?? 0),
      limit: options.limit,
      offset: options.offset,
    };
  }

  /** Marks vacancies hh.ru recommended (vacancies.recommended), so the list can show only them. */
  async markRecommended(hhIds: string[]): Promise<void> {
    const now = this.clock.now().toISOString();
    for (let start = 0; start < hhIds.length; start += 500) {
      const chunk = hhIds.slice(start, start + 500);
      await this.db.run(`UPDATE vacancies SET recommended_at = ? WHERE hh_id IN (${chunk.map(() => '?').join(',')})`, [now, ...chunk]);
    }
  }

  /**
   * Words in title, employer or description; every word must appear (prefix match). Newest first.
   * `statuses` (empty means all) narrows the matches, as the status chips do beside the search box.
   */
  async search(query: string, options: { statuses?: VacancyStatus[]; limit: number; offset: number }): Promise<Page<VacancySummary>> {
    const match = toMatchQuery(query);
    const statuses = options.statuses ?? [];
    if (!match) return { items: [], total: 0, limit: options.limit, offset: options.offset };
    if (statuses.length) {
      // The status lives in the table, not the index: page over the matching rows that have it.
      const inStatuses = `status IN (${statuses.map(() => '?').join(',')})`;
      const matching = 'id IN (SELECT docid FROM vacancies_fts WHERE vacancies_fts MATCH ?)';
      const [rows, count] = await Promise.all([
        this.db.all(`SELECT ${SUMMARY_COLUMNS} FROM vacancies WHERE ${matching} AND ${inStatuses} ORDER BY id DESC LIMIT ? OFFSET ?`, [
          match,
          ...statuses,
          options.limit,
          options.offset,
        ]),
        this.db.get<{ n: number }>(`SELECT count(*) AS n FROM vacancies WHERE ${matching} AND ${inStatuses}`, [match, ...statuses]),
      ]);
      return { items: rows.map(toSummary), total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
    }
    const [rows, count] = await Promise.all([
      this.db.all(
        // A page of ids straight from the index (newest rows have the highest ids), then only those rows.
        `SELECT ${SUMMARY_COLUMNS} FROM vacancies WHERE id IN
           (SELECT docid FROM vacancies_fts WHERE vacancies_fts MATCH ? ORDER BY docid DESC LIMIT ? OFFSET ?)
         ORDER BY id DESC`,
        [match, options.limit, options.offset],
      ),
      this.db.get<{ n: number }>('SELECT count(*) AS n FROM vacancies_fts WHERE vacancies_fts MATCH ?', [match]),
    ]);
    return { items: rows.map(toSummary), total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
  }

  async setStatus(id: number, status: VacancyStatus): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const [, result] = await this.db.batch([
      logChange(id, status, now),
      // A status set by the user or a sync replaces the engine's reason for setting it aside.
      {
        sql: 'UPDATE vacancies SET status = ?, skip_reason = NULL, skip_detail = NULL, updated_at = ? WHERE id = ?',
        params: [status, now, id],
      },
    ]);
    return (result?.changes ?? 0) > 0;
  }

  /** The engine sets a vacancy aside (ignored, or for the user to apply by hand) and says why. */
  async setSkipped(
    id: number,
    status: 'ignored' | 'needs_manual' | 'applied',
    reason: SkipReason,
    detail: string | null = null,
  ): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const [, result] = await this.db.batch([
      logChange(id, status, now),
      {
        sql: 'UPDATE vacancies SET status = ?, skip_reason = ?, skip_detail = ?, updated_at = ? WHERE id = ?',
        params: [status, reason, detail, now, id],
      },
    ]);
    return (result?.changes ?? 0) > 0;
  }

  /** How many vacancies reached each status within [from, to) (each vacancy once per status). */
  async statusChanges(from: string, to: string): Promise<{ vacancyId: number; status: VacancyStatus; at: string }[]> {
    const rows = await this.db.all<{ vacancy_id: number; status: VacancyStatus; at: string }>(
      'SELECT vacancy_id, status, min(at) AS at FROM vacancy_status_log WHERE at >= ? AND at < ? GROUP BY vacancy_id, status',
      [from, to],
    );
    return rows.map((row) => ({ vacancyId: Number(row.vacancy_id), status: row.status, at: String(row.at) }));
  }

  /** For each vacancy: the search that found it and every status it ever reached (the dashboard's cohorts). */
  async histories(ids: number[]): Promise<Map<number, { searchId: number | null; statuses: Set<VacancyStatus> }>> {
    const out = new Map<number, { searchId: number | null; statuses: Set<VacancyStatus> }>();
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const rows = await this.db.all<{
        id: number;
        found_by_search_id: number | null;
        status: VacancyStatus;
        logged: VacancyStatus | null;
      }>(
        `SELECT v.id, v.found_by_search_id, v.status, l.status AS logged FROM vacancies v LEFT JOIN vacancy_status_log l ON l.vacancy_id = v.id
         WHERE v.id IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      );
      for (const row of rows) {
        const entry = out.get(Number(row.id)) ?? { searchId: int(row.found_by_search_id), statuses: new Set<VacancyStatus>() };
        entry.statuses.add(row.status);
        if (row.logged) entry.statuses.add(row.logged);
        out.set(Number(row.id), entry);
      }
    }
    return out;
  }

  /** Vacancies first seen within [from, to), with the search that found them. */
  async seenBetween(from: string, to: string): Promise<{ id: number; firstSeenAt: string; searchId: number | null }[]> {
    const rows = await this.db.all<{ id: number; first_seen_at: string; found_by_search_id: number | null }>(
      'SELECT id, first_seen_at, found_by_search_id FROM vacancies WHERE first_seen_at >= ? AND first_seen_at < ?',
      [from, to],
    );
    return rows.map((row) => ({ id: Number(row.id), firstSeenAt: String(row.first_seen_at), searchId: int(row.found_by_search_id) }));
  }

  async countByStatus(): Promise<Partial<Record<VacancyStatus, number>>> {
    const rows = await this.db.all<{ status: VacancyStatus; n: number }>('SELECT status, count(*) AS n FROM vacancies GROUP BY status');
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }
}
