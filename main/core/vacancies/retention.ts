import { z } from 'zod';
import { retentionSchema, type Retention } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';

const KEY = 'vacancies.retention';
export const DEFAULT_RETENTION: Retention = { days: 60 };
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Rewriting the whole file (VACUUM) is worth it once this much was trimmed since the last time: a
 * trimmed row leaves space inside its page that only a rewrite gives back (about monthly at 100 new
 * vacancies a day; without it a year's file was 100 MB larger than its data).
 */
const COMPACT_FROM_BYTES = 16 * 1024 * 1024;
const UNCOMPACTED_KEY = 'vacancies.retention.uncompacted';

export interface RetentionDeps {
  repositories: Repositories;
  clock: Clock;
  log: Logger;
  /** Rewrites the database without its free pages (VACUUM), then a checkpoint: the file and its memory shrink. */
  compact: () => Promise<void>;
}

export async function retention(repositories: Repositories): Promise<Retention> {
  return (await repositories.appSettings.get(KEY, retentionSchema)) ?? DEFAULT_RETENTION;
}

export async function setRetention(repositories: Repositories, next: Retention): Promise<Retention> {
  const value = retentionSchema.parse(next);
  await repositories.appSettings.set(KEY, value);
  return value;
}

/**
 * Keeps the database bounded (run daily with the checkpoint): what was set aside or closed more than
 * `days` ago loses its description and raw copy (VacancyRepository.trimOlderThan); once that has freed
 * 16 MB since the last time the file is compacted, so memory, open and checkpoint time stop growing with every
 * vacancy ever seen. Returns what it did, for the job's record.
 */
export async function keepBounded(deps: RetentionDeps): Promise<{ trimmed: number; freedBytes: number; compacted: boolean }> {
  const { days } = await retention(deps.repositories);
  const cutoff = new Date(deps.clock.now().getTime() - days * DAY_MS).toISOString();
  const { count, bytes } = await deps.repositories.vacancies.trimOlderThan(cutoff);
  const uncompacted = ((await deps.repositories.appSettings.get(UNCOMPACTED_KEY, z.number())) ?? 0) + bytes;
  const compacted = uncompacted >= COMPACT_FROM_BYTES;
  if (compacted) {
    await deps.repositories.vacancies.optimizeSearchIndex();
    await deps.compact();
  }
  if (bytes || compacted) await deps.repositories.appSettings.set(UNCOMPACTED_KEY, compacted ? 0 : uncompacted);
  if (count) deps.log.info('old vacancies trimmed', { count, bytes, compacted });
  return { trimmed: count, freedBytes: bytes, compacted };
}
