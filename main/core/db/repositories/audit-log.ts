import type { AuditEntry, NewAuditEntry, Page } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';

/**
 * Token operations, personal-data reads, applications and messages sent: one row each. Text is
 * redacted on the way in, so a caller quoting a failed request cannot write a token to disk.
 */
export class AuditLogRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
    private readonly redactText: (text: string) => string = (text) => text,
  ) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.run('INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, ?, ?, ?, ?)', [
      entry.at ?? this.clock.now().toISOString(),
      entry.action,
      this.redactText(entry.target),
      entry.outcome,
      this.redactText(entry.details),
    ]);
  }

  async list(options: { limit: number; offset: number; action?: string }): Promise<Page<AuditEntry>> {
    const where = options.action ? 'WHERE action = ?' : '';
    const filter = options.action ? [options.action] : [];
    const [items, count] = await Promise.all([
      // A vacancy is named by its title (as the user knows it), not hh.ru's number, when the app has it.
      this.db.all<AuditEntry>(
        `SELECT a.id, a.at, a.action, a.target, a.outcome, a.details, v.title AS targetName
           FROM (SELECT * FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?) a
           LEFT JOIN vacancies v ON a.target LIKE 'vacancy %' AND v.hh_id = substr(a.target, 9)
          ORDER BY a.at DESC, a.id DESC`,
        [...filter, options.limit, options.offset],
      ),
      this.db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`, filter),
    ]);
    return { items, total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
  }
}
