import type { AuditEntry, NewAuditEntry, Page } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';

/**
 * Token operations, personal-data reads, applications and messages sent: one row each. Callers
 * pass text that has already been through the redactor; this repository stores what it is given.
 */
export class AuditLogRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.run('INSERT INTO audit_log (at, action, target, outcome, details) VALUES (?, ?, ?, ?, ?)', [
      entry.at ?? this.clock.now().toISOString(),
      entry.action,
      entry.target,
      entry.outcome,
      entry.details,
    ]);
  }

  async list(options: { limit: number; offset: number; action?: string }): Promise<Page<AuditEntry>> {
    const where = options.action ? 'WHERE action = ?' : '';
    const filter = options.action ? [options.action] : [];
    const [items, count] = await Promise.all([
      this.db.all<AuditEntry>(`SELECT id, at, action, target, outcome, details FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, [
        ...filter,
        options.limit,
        options.offset,
      ]),
      this.db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`, filter),
    ]);
    return { items, total: Number(count?.n ?? 0), limit: options.limit, offset: options.offset };
  }
}
