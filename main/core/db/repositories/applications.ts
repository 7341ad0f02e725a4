import { readFailure, type Application, type ApplicationState, type Page, type VacancyStatus } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row } from '../client';
import { int, text } from './rows';

/**
 * What counts against the user's own daily cap: applications the app itself sends. Those the user
 * sent with hh.ru's own button (assisted) or that hh.ru already had ('already') were not sent by the
 * app, so they take no slot (hh.ru's own 24-hour limit is tracked apart from the cap).
 */
const COUNTS_TOWARD_CAP = "coalesce(transport, '') NOT IN ('assisted', 'already')";

/** Where a vacancy stands once it was applied to (by the app, the user on hh.ru, or found so by a sync). */
export const APPLIED_STATUSES: readonly VacancyStatus[] = ['applied', 'viewed', 'invited', 'rejected'];
const APPLIED = APPLIED_STATUSES.map((status) => `'${status}'`).join(', ');

const toApplication = (row: Row): Application => ({
  id: Number(row.id),
  vacancyId: Number(row.vacancy_id),
  resumeHhId: text(row.resume_hh_id),
  letter: String(row.letter),
  state: row.state as ApplicationState,
  transport: text(row.transport),
  hhNegotiationId: text(row.hh_negotiation_id),
  attempts: int(row.attempts) ?? 0,
  ...readFailure(text(row.last_error)),
  createdAt: String(row.created_at),
  sentAt: text(row.sent_at),
  confirmation: (text(row.confirmation) as Application['confirmation']) ?? null,
  confirmedResumeHhId: text(row.confirmed_resume_hh_id),
  discardedAt: text(row.discarded_at),
  previousLetter: text(row.previous_letter),
});

/** A letter the user may still change, send or discard: not sent, not on its way, not discarded. */
const OPEN = "state IN ('draft', 'approved', 'failed') AND discarded_at IS NULL";

export class ApplicationRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** What hh.ru showed for a sent application when asked (see Application.confirmation). */
  async setConfirmation(id: number, confirmation: NonNullable<Application['confirmation']>, resumeHhId: string | null): Promise<void> {
    await this.db.run("UPDATE applications SET confirmation = ?, confirmed_resume_hh_id = ? WHERE id = ? AND state = 'sent'", [
      confirmation,
      resumeHhId,
      id,
    ]);
  }

  /** Sent applications hh.ru shows with another resume than the app used. */
  async countResumeMismatches(): Promise<number> {
    const row = await this.db.get<{ n: number }>("SELECT count(*) AS n FROM applications WHERE confirmation = 'resume_mismatch'");
    return Number(row?.n ?? 0);
  }

  /**
   * `templateId`: the letter template it was written with, for the dashboard's invitations per template.
   * `secondResume`: the user confirmed this letter as another application to a vacancy applied to.
   * One unsent letter per vacancy: when another draft got there first (two drafts started together),
   * nothing is inserted and that one is returned. `markDrafted`: a vacancy still 'found' becomes
   * 'drafted' in the same write, only if this letter was kept (one write, not two).
   */
  async createDraft(
    vacancyId: number,
    resumeHhId: string | null,
    letter: string,
    templateId: number | null = null,
    secondResume = false,
    markDrafted = false,
  ): Promise<Application> {
    const now = this.clock.now().toISOString();
    const insert = {
      sql: `INSERT INTO applications (vacancy_id, resume_hh_id, letter, state, template_id, second_resume, created_at)
       SELECT $vacancy, $resume, $letter, 'draft', $template, $second, $now
       WHERE NOT EXISTS (SELECT 1 FROM applications WHERE vacancy_id = $vacancy AND state NOT IN ('sending', 'sent') AND discarded_at IS NULL)`,
      params: {
        $vacancy: vacancyId,
        $resume: resumeHhId,
        $letter: letter,
        $template: templateId,
        $second: secondResume ? 1 : 0,
        $now: now,
      },
    };
    const [kept] = markDrafted
      ? await this.db.batch([
          insert,
          // changes(): the statement before, in order, in one transaction (also on replay).
          {
            sql: "INSERT INTO vacancy_status_log (vacancy_id, status, at) SELECT id, 'drafted', $now FROM vacancies WHERE changes() > 0 AND id = $vacancy AND status = 'found'",
            params: { $vacancy: vacancyId, $now: now },
          },
          {
            sql: "UPDATE vacancies SET status = 'drafted', skip_reason = NULL, skip_detail = NULL, updated_at = $now WHERE changes() > 0 AND id = $vacancy",
            params: { $vacancy: vacancyId, $now: now },
          },
        ])
      : [await this.db.run(insert.sql, insert.params)];
    if ((kept?.changes ?? 0) > 0) return (await this.get(kept!.lastInsertRowid))!;
    const unsent = (await this.forVacancy(vacancyId)).find((a) => a.state !== 'sending' && a.state !== 'sent' && !a.discardedAt);
    if (!unsent) throw new Error(`no draft for vacancy ${vacancyId} was kept`);
    return unsent;
  }

  /** Letters drafted and applications sent within [from, to), for the dashboard. */
  async activityBetween(
    from: string,
    to: string,
  ): Promise<{
    drafted: { vacancyId: number; at: string }[];
    sent: { vacancyId: number; templateId: number | null; at: string; transport: string | null }[];
  }> {
    const [drafted, sent] = await Promise.all([
      this.db.all<{ vacancy_id: number; created_at: string }>(
        'SELECT vacancy_id, created_at FROM applications WHERE created_at >= ? AND created_at < ?',
        [from, to],
      ),
      this.db.all<{ vacancy_id: number; template_id: number | null; sent_at: string; transport: string | null }>(
        "SELECT vacancy_id, template_id, sent_at, transport FROM applications WHERE state = 'sent' AND sent_at >= ? AND sent_at < ?",
        [from, to],
      ),
    ]);
    return {
      drafted: drafted.map((row) => ({ vacancyId: Number(row.vacancy_id), at: String(row.created_at) })),
      sent: sent.map((row) => ({
        vacancyId: Number(row.vacancy_id),
        templateId: row.template_id === null ? null : Number(row.template_id),
        at: String(row.sent_at),
        transport: row.transport,
      })),
    };
  }

  async get(id: number): Promise<Application | undefined> {
    const row = await this.db.get('SELECT * FROM applications WHERE id = ?', [id]);
    return row ? toApplication(row) : undefined;
  }

  async forVacancy(vacancyId: number): Promise<Application[]> {
    return (await this.db.all('SELECT * FROM applications WHERE vacancy_id = ? ORDER BY id', [vacancyId])).map(toApplication);
  }

  async listByState(state: ApplicationState, limit = 100): Promise<Application[]> {
    return (await this.db.all('SELECT * FROM applications WHERE state = ? ORDER BY created_at, id LIMIT ?', [state, limit])).map(
      toApplication,
    );
  }

  /**
   * The user's edit (`keepPrevious` false) ends what an undo of the last rewrite could bring back; an
   * AI rewrite the user accepted (`keepPrevious` true) keeps the text it replaces for one undo.
   */
  async updateLetter(id: number, letter: string, options: { keepPrevious?: boolean } = {}): Promise<boolean> {
    const result = await this.db.run(
      `UPDATE applications SET previous_letter = CASE WHEN $keep = 1 THEN letter ELSE NULL END, letter = $letter WHERE id = $id AND ${OPEN}`,
      { $keep: options.keepPrevious ? 1 : 0, $letter: letter, $id: id },
    );
    return result.changes > 0;
  }

  /** The text before the last rewrite back in place (one undo); false when there is none or the letter is no longer open. */
  async revertLetter(id: number): Promise<boolean> {
    const result = await this.db.run(
      `UPDATE applications SET letter = previous_letter, previous_letter = NULL WHERE id = ? AND previous_letter IS NOT NULL AND ${OPEN}`,
      [id],
    );
    return result.changes > 0;
  }

  /** The user discards an unsent letter: it leaves the lists and is never sent (reserveSending skips it). */
  async discard(id: number): Promise<boolean> {
    const result = await this.db.run(`UPDATE applications SET discarded_at = ? WHERE id = ? AND ${OPEN}`, [
      this.clock.now().toISOString(),
      id,
    ]);
    return result.changes > 0;
  }

  /**
   * A discarded letter back, in the state it had; refused while the vacancy has another open letter
   * (one unsent letter per vacancy), e.g. one the user drafted since.
   */
  async restore(id: number): Promise<boolean> {
    const result = await this.db.run(
      `UPDATE applications SET discarded_at = NULL WHERE id = ? AND discarded_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM applications o WHERE o.vacancy_id = applications.vacancy_id AND o.id <> applications.id
           AND o.state NOT IN ('sending', 'sent') AND o.discarded_at IS NULL)`,
      [id],
    );
    return result.changes > 0;
  }

  /**
   * Moves an application from one state to the next only if it is still in the expected one, so two
   * workers can never both send it: the second finds the row already changed. 'sending' is entered
   * only from 'draft' or 'approved' (the daily cap's reservation is `reserveSending`). A letter put back
   * after an interrupted send goes to 'draft': 'approved' is kept for old rows and never entered by the app.
   *
   * `vacancyStatus` is set on the application's vacancy in the same write, and only if the
   * application moved: a crash can never leave a letter sent with its vacancy still 'drafted'.
   */
  async transition(
    id: number,
    from: ApplicationState,
    to: ApplicationState,
    extra: { transport?: string; hhNegotiationId?: string; lastError?: string | null; vacancyStatus?: VacancyStatus } = {},
  ): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const move = {
      sql: `UPDATE applications SET state = $to,
         transport = coalesce($transport, transport),
         hh_negotiation_id = coalesce($nid, hh_negotiation_id),
         last_error = CASE WHEN $to = 'sent' THEN NULL WHEN $to = 'failed' OR $error IS NOT NULL THEN $error ELSE last_error END,
         attempts = attempts + CASE WHEN $to = 'sending' THEN 1 ELSE 0 END,
         sent_at = CASE WHEN $to = 'sent' THEN $now ELSE sent_at END
       WHERE id = $id AND state = $from AND ($to != 'sending' OR $from IN ('draft', 'approved'))`,
      params: {
        $id: id,
        $from: from,
        $to: to,
        $transport: extra.transport ?? null,
        $nid: extra.hhNegotiationId ?? null,
        $error: extra.lastError ?? null,
        $now: now,
      },
    };
    if (!extra.vacancyStatus) return (await this.db.run(move.sql, move.params)).changes > 0;
    const [moved] = await this.db.batch([
      move,
      // changes(): the rows the UPDATE above changed (the statements run in order, in one transaction, also on replay).
      {
        // The engine's reason for setting the vacancy aside no longer holds once a letter moved it on.
        sql: 'UPDATE vacancies SET status = $status, skip_reason = NULL, skip_detail = NULL, updated_at = $now WHERE changes() > 0 AND id = (SELECT vacancy_id FROM applications WHERE id = $id)',
        params: { $status: extra.vacancyStatus, $now: now, $id: id },
      },
      // The dashboard's record of when it got there, unless the log already says so.
      {
        sql: `INSERT INTO vacancy_status_log (vacancy_id, status, at)
          SELECT v.id, $status, $now FROM vacancies v WHERE v.id = (SELECT vacancy_id FROM applications WHERE id = $id) AND v.status = $status
            AND coalesce((SELECT status FROM vacancy_status_log WHERE vacancy_id = v.id ORDER BY id DESC LIMIT 1), '') <> $status`,
        params: { $status: extra.vacancyStatus, $now: now, $id: id },
      },
    ]);
    return (moved?.changes ?? 0) > 0;
  }

  /** Newest first; `states` empty means all. Discarded letters are listed only when asked for, and then only they. */
  async listPage(options: { states: ApplicationState[]; limit: number; offset: number; discarded?: boolean }): Promise<Page<Application>> {
    const states = options.states.length ? ` AND state IN (${options.states.map(() => '?').join(',')})` : '';
    const where = `WHERE discarded_at IS ${options.discarded ? 'NOT NULL' : 'NULL'}${states}`;
    const [rows, count] = await Promise.all([
      this.db.all(`SELECT * FROM applications ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, [
        ...options.states,
        options.limit,
        options.offset,
      ]),
      this.db.get<{ n: number }>(`SELECT count(*) AS n FROM applications ${where}`, options.states),
    ]);
    return { items: rows.map(toApplication), total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
  }

  /**
   * Takes a slot of the daily cap and moves the letter to 'sending' in one statement, so concurrent
   * sends cannot all pass a cap check made before any of them moved. Letters in 'sending' count as
   * taken slots (their answer is not known yet); resolves once the reservation is on disk.
   *
   * The same statement keeps one application per vacancy: no other letter of the vacancy may be in
   * 'sending', none may be sent with the same resume, and one sent with another resume (or a vacancy
   * hh.ru shows as applied to) stops it unless the user confirmed this letter as a second resume.
   * Checked here, not only before the AI wrote the letter: two letters drafted together both passed
   * that earlier check.
   */
  async reserveSending(id: number, cap: { max: number; since: string }): Promise<boolean> {
    const result = await this.db.run(
      `UPDATE applications SET state = 'sending', attempts = attempts + 1
       WHERE id = $id AND state IN ('draft', 'approved') AND discarded_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM applications o WHERE o.vacancy_id = applications.vacancy_id AND o.id <> applications.id
           AND (o.state = 'sending' OR (o.state = 'sent' AND (applications.second_resume = 0 OR o.resume_hh_id IS applications.resume_hh_id))))
         AND (applications.second_resume = 1 OR (SELECT status FROM vacancies WHERE id = applications.vacancy_id) NOT IN (${APPLIED}))
         AND (SELECT count(*) FROM applications
              WHERE (state = 'sending' OR (state = 'sent' AND sent_at > $since)) AND ${COUNTS_TOWARD_CAP}) < $max`,
      { $id: id, $since: cap.since, $max: cap.max },
    );
    return result.changes > 0;
  }

  /** The user confirmed this unsent letter as a second application to its vacancy, with another resume. */
  async confirmSecondResume(id: number): Promise<void> {
    await this.db.run("UPDATE applications SET second_resume = 1 WHERE id = ? AND state IN ('draft', 'approved', 'failed')", [id]);
  }

  /**
   * Why `reserveSending` would refuse this letter for its vacancy: another letter of it in flight,
   * one sent with the same resume, or an application the user did not confirm a second one for.
   */
  async vacancyConflict(id: number): Promise<{ kind: 'in_flight' | 'same_resume' | 'unconfirmed'; resumes: string[] } | null> {
    const self = await this.get(id);
    if (!self) return null;
    const others = (await this.forVacancy(self.vacancyId)).filter((a) => a.id !== id && (a.state === 'sending' || a.state === 'sent'));
    const resumes = others.map((a) => a.resumeHhId ?? '?');
    if (others.some((a) => a.state === 'sending')) return { kind: 'in_flight', resumes };
    if (others.some((a) => a.resumeHhId === self.resumeHhId)) return { kind: 'same_resume', resumes };
    const row = await this.db.get<{ second_resume: number; status: string }>(
      'SELECT a.second_resume, v.status FROM applications a JOIN vacancies v ON v.id = a.vacancy_id WHERE a.id = ?',
      [id],
    );
    if (Number(row?.second_resume) === 1) return null;
    if (others.length || APPLIED_STATUSES.includes(String(row?.status) as VacancyStatus)) return { kind: 'unconfirmed', resumes };
    return null;
  }

  /** The daily cap's taken slots, oldest first: a letter still 'sending' is counted as sent `now`. */
  async capSlotsSince(since: string, now: string): Promise<string[]> {
    const rows = await this.db.all<{ at: string }>(
      `SELECT CASE WHEN state = 'sending' THEN $now ELSE sent_at END AS at FROM applications
       WHERE (state = 'sending' OR (state = 'sent' AND sent_at > $since)) AND ${COUNTS_TOWARD_CAP} ORDER BY at`,
      { $since: since, $now: now },
    );
    return rows.map((row) => row.at);
  }

  /** When each application of the rolling window was sent (by any path), oldest first. */
  async sentTimesSince(since: string): Promise<string[]> {
    // Strictly after: a send exactly 24 hours old has left the window, as the cap's "next slot" time promises.
    const rows = await this.db.all<{ sent_at: string }>(
      "SELECT sent_at FROM applications WHERE state = 'sent' AND sent_at > ? ORDER BY sent_at",
      [since],
    );
    return rows.map((row) => row.sent_at);
  }

  /** Applications a crash left in 'sending': hh.ru must be asked before any retry. */
  async stuckSending(): Promise<Application[]> {
    return (await this.db.all("SELECT * FROM applications WHERE state = 'sending' ORDER BY id")).map(toApplication);
  }
}
