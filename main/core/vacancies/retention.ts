import { retentionSchema, type Retention } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';

const KEY = 'vacancies.retention';
export const DEFAULT_RETENTION: Retention = { days: 60 };
const DAY_MS = 24 * 60 * 60 * 1000;
/** Freeing less than this is not worth rewriting the whole file for (VACUUM). */
const COMPACT_FROM_BYTES = 4 * 1024 * 1024;

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
 * `days` ago loses its description and raw copy (VacancyRepository.trimOlderThan); once that frees a
 * few megabytes the file is compacted, so memory, open and checkpoint time stop growing with every
 * vacancy ever seen. Returns what it did, for the job's record.
 */
export async function keepBounded(deps: RetentionDeps): Promise<{ trimmed: number; freedBytes: number; compacted: boolean }> {
  const { days } = await retention(deps.repositories);
  const cutoff = new Date(deps.clock.now().getTime() - days * DAY_MS).toISOString();
  const { count, bytes } = await deps.repositories.vacancies.trimOlderThan(cutoff);
  const compacted = bytes >= COMPACT_FROM_BYTES;
  if (compacted) await deps.compact();
  if (count) deps.log.info('old vacancies trimmed', { count, bytes, compacted });
  return { trimmed: count, freedBytes: bytes, compacted };
}
