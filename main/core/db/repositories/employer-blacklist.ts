import { blacklistInputSchema, type BlacklistedEmployer, type BlacklistInput } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row } from '../client';
import { text } from './rows';

const toEntry = (row: Row): BlacklistedEmployer => ({
  employerId: String(row.employer_id),
  employerName: text(row.employer_name),
  reason: text(row.reason),
  createdAt: String(row.created_at),
});

export class EmployerBlacklistRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** Blocking an employer twice keeps the first date; a name or reason given again replaces the old one. */
  async add(input: BlacklistInput): Promise<BlacklistedEmployer> {
    const entry = blacklistInputSchema.parse(input);
    await this.db.run(
      `INSERT INTO employer_blacklist (employer_id, employer_name, reason, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(employer_id) DO UPDATE SET employer_name = coalesce(excluded.employer_name, employer_name),
         reason = coalesce(excluded.reason, reason)`,
      [entry.employerId, entry.employerName ?? null, entry.reason ?? null, this.clock.now().toISOString()],
    );
    return (await this.get(entry.employerId))!;
  }

  async remove(employerId: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM employer_blacklist WHERE employer_id = ?', [employerId])).changes > 0;
  }

  async get(employerId: string): Promise<BlacklistedEmployer | undefined> {
    const row = await this.db.get('SELECT * FROM employer_blacklist WHERE employer_id = ?', [employerId]);
    return row ? toEntry(row) : undefined;
  }

  /** Most recently blocked first. */
  async list(): Promise<BlacklistedEmployer[]> {
    return (await this.db.all('SELECT * FROM employer_blacklist ORDER BY created_at DESC, employer_id')).map(toEntry);
  }

  async has(employerId: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS found FROM employer_blacklist WHERE employer_id = ?', [employerId])) !== undefined;
  }
}
