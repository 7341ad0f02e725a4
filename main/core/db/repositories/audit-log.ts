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
      this.db.all<AuditEntry>(
        `SELECT id, at, action, target, outcome, details FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
        [...filter, options.limit, options.offset],
      ),
      this.db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`, filter),
    ]);
    return { items, total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
  }
}
