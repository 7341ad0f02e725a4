import {
  interviewSectionSchema,
  resumeClaimSchema,
  type Interview,
  type InterviewLanguage,
  type InterviewMessage,
  type InterviewSection,
  type InterviewSummary,
  type Page,
  type ResumeClaim,
} from '../../../../shared/domain';
import { z } from 'zod';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row, Statement } from '../client';
import { bool, flag, json, text } from './rows';

const sections = z.array(interviewSectionSchema).catch([]);
const claims = z.array(resumeClaimSchema).catch([]);

const toSummary = (row: Row): InterviewSummary => ({
  id: Number(row.id),
  title: String(row.title),
  language: row.language === 'en' ? 'en' : 'ru',
  status: row.status === 'finished' ? 'finished' : 'active',
  covered: sections.parse(json(row.covered_json, [])),
  sourceResumeHhId: text(row.source_resume_hh_id),
  answers: Number(row.answers ?? 0),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

const toMessage = (row: Row): InterviewMessage => ({
  id: Number(row.id),
  role: row.role === 'user' ? 'user' : 'assistant',
  text: String(row.text),
  section: interviewSectionSchema
    .nullable()
    .catch(null)
    .parse(row.section ?? null),
  followUp: bool(row.follow_up),
  createdAt: String(row.created_at),
});

const SUMMARY = `SELECT interviews.*, (SELECT count(*) FROM interview_messages m WHERE m.interview_id = interviews.id AND m.role = 'user') AS answers FROM interviews`;

export interface NewInterviewMessage {
  role: 'assistant' | 'user';
  text: string;
  section?: InterviewSection | null;
  followUp?: boolean;
}

/** Resume interviews and their messages: one row per session, one per question and answer. */
export class InterviewRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  async create(input: {
    title: string;
    language: InterviewLanguage;
    sourceResumeHhId: string | null;
    sourceText: string | null;
    first: NewInterviewMessage;
  }): Promise<Interview> {
    const now = this.clock.now().toISOString();
    const { lastInsertRowid } = await this.db.run(
      'INSERT INTO interviews (title, language, source_resume_hh_id, source_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [input.title, input.language, input.sourceResumeHhId, input.sourceText, now, now],
    );
    await this.db.batch([this.#insertMessage(lastInsertRowid, input.first, now)]);
    return (await this.get(lastInsertRowid))!;
  }

  async list(options: { limit: number; offset: number }): Promise<Page<InterviewSummary>> {
    const total = Number((await this.db.get<{ n: number }>('SELECT count(*) AS n FROM interviews'))?.n ?? 0);
    const rows = await this.db.all(`${SUMMARY} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`, [options.limit, options.offset]);
    return { items: rows.map(toSummary), total, limit: options.limit, offset: options.offset };
  }

  async get(id: number): Promise<Interview | undefined> {
    const row = await this.db.get(`${SUMMARY} WHERE interviews.id = ?`, [id]);
    if (!row) return undefined;
    const messages = (await this.db.all('SELECT * FROM interview_messages WHERE interview_id = ? ORDER BY id', [id])).map(toMessage);
    return {
      ...toSummary(row),
      messages,
      markdown: text(row.markdown),
      unsupported: claims.parse(json(row.unsupported_json, [])),
      sourceText: text(row.source_text),
    };
  }

  /** Only a finished interview's title and resume: what letters read, without its messages. */
  async resume(id: number): Promise<{ title: string; markdown: string } | undefined> {
    const row = await this.db.get<{ title: string; markdown: string | null }>('SELECT title, markdown FROM interviews WHERE id = ?', [id]);
    return row?.markdown ? { title: row.title, markdown: row.markdown } : undefined;
  }

  async delete(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM interviews WHERE id = ?', [id])).changes > 0;
  }

  /** The user's answer and the next question, with what the answers now cover, in one transaction. */
  async addTurn(id: number, messages: NewInterviewMessage[], covered: InterviewSection[]): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.batch([
      ...messages.map((message) => this.#insertMessage(id, message, now)),
      { sql: 'UPDATE interviews SET covered_json = ?, updated_at = ? WHERE id = ?', params: [JSON.stringify(covered), now, id] },
    ]);
  }

  /** The resume as written on finishing or as the user edited it, with the facts no answer backs. */
  async saveResume(id: number, markdown: string, unsupported: ResumeClaim[], title?: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.run(
      `UPDATE interviews SET status = 'finished', markdown = ?, unsupported_json = ?, title = coalesce(?, title), updated_at = ? WHERE id = ?`,
      [markdown, JSON.stringify(unsupported), title ?? null, now, id],
    );
  }

  #insertMessage(id: number, message: NewInterviewMessage, now: string): Statement {
    return {
      sql: 'INSERT INTO interview_messages (interview_id, role, text, section, follow_up, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      params: [id, message.role, message.text, message.section ?? null, flag(message.followUp ?? false), now],
    };
  }
}
