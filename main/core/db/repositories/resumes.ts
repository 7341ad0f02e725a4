import { resumeInputSchema, type Resume, type ResumeInput } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import { Cached } from './cached';
import type { DatabaseClient, Row, Statement } from '../client';
import { sortBy } from './collate';
import { json, text } from './rows';

const toResume = (row: Row): Resume => ({
  id: Number(row.id),
  hhId: String(row.hh_id),
  hash: text(row.hash),
  title: String(row.title),
  raw: json<unknown>(row.raw_json, {}),
  updatedAt: String(row.updated_at),
});

// updated_at moves only when something hh.ru told us changed, so it says when the resume did.
const UPSERT = `INSERT INTO resumes (hh_id, hash, title, raw_json, updated_at) VALUES ($hh_id, $hash, $title, $raw, $now)
  ON CONFLICT(hh_id) DO UPDATE SET hash = excluded.hash, title = excluded.title, raw_json = excluded.raw_json,
    updated_at = CASE WHEN hash IS NOT excluded.hash OR title <> excluded.title OR raw_json <> excluded.raw_json
      THEN excluded.updated_at ELSE updated_at END`;

export class ResumeRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes the stored list equal hh.ru's, in one transaction: resumes missing from it are removed.
   * Pass only a complete, successful answer; an empty list empties the table.
   */
  async replaceAll(resumes: ResumeInput[]): Promise<{ added: number; updated: number; removed: number }> {
    const list = resumes.map((resume) => resumeInputSchema.parse(resume));
    const known = new Set((await this.db.all<{ hh_id: string }>('SELECT hh_id FROM resumes')).map((row) => row.hh_id));
    const incoming = [...new Set(list.map((resume) => resume.hhId))];
    const now = this.clock.now().toISOString();
    const statements: Statement[] = [
      {
        sql: `DELETE FROM resumes WHERE hh_id NOT IN (${incoming.map(() => '?').join(',')})`,
        params: incoming,
      },
      ...list.map((resume) => ({
        sql: UPSERT,
        params: { $hh_id: resume.hhId, $hash: resume.hash, $title: resume.title, $raw: JSON.stringify(resume.raw ?? {}), $now: now },
      })),
    ];
    await this.#list.write(() => this.db.batch(statements));
    const added = incoming.filter((id) => !known.has(id)).length;
    return { added, updated: incoming.length - added, removed: [...known].filter((id) => !incoming.includes(id)).length };
  }

  /** Read for every letter (the preferred resume): kept in memory between writes of the table (see Cached). */
  readonly #list = new Cached<Resume[]>();

  list(): Promise<Resume[]> {
    return this.#list.read(async () =>
      sortBy((await this.db.all('SELECT * FROM resumes ORDER BY id')).map(toResume), (resume) => resume.title),
    );
  }

  /** The full resume read for the list entry as it was at `forUpdatedAt`, or undefined when none or outdated. */
  async full(hhId: string, forUpdatedAt: string): Promise<unknown> {
    const row = await this.db.get<{ full_json: string | null }>('SELECT full_json FROM resumes WHERE hh_id = ? AND full_for = ?', [
      hhId,
      forUpdatedAt,
    ]);
    return row?.full_json ? json<unknown>(row.full_json, undefined) : undefined;
  }

  async saveFull(hhId: string, forUpdatedAt: string, full: unknown): Promise<void> {
    await this.#list.write(() =>
      this.db.run('UPDATE resumes SET full_json = ?, full_for = ? WHERE hh_id = ?', [JSON.stringify(full ?? {}), forUpdatedAt, hhId]),
    );
  }

  async getByHhId(hhId: string): Promise<Resume | undefined> {
    const row = await this.db.get('SELECT * FROM resumes WHERE hh_id = ?', [hhId]);
    return row ? toResume(row) : undefined;
  }
}
