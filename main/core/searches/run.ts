import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { Clock } from '../ports';

/** How many vacancies one run of a saved search takes in, newest first. */
const MAX_PER_RUN = 500;

/**
 * Runs a saved search on hh.ru and keeps what it finds (blacklisted employers left out). The
 * scheduler records the run and its next time (automation/scheduler.ts), for "Run now" as well.
 */
export async function runSearch(
  deps: { repositories: Repositories; gateway: HhGateway; clock: Clock },
  searchId: number,
  signal?: AbortSignal,
) {
  const { repositories, gateway, clock } = deps;
  const search = await repositories.savedSearches.get(searchId);
  if (!search) throw AppError.of('not_found', 'This saved search no longer exists.');
  const collected = await gateway.collectSearch(search.filters, { max: MAX_PER_RUN, now: clock.now(), ...(signal && { signal }) });
  const blacklisted = new Set((await repositories.employerBlacklist.list()).map((entry) => entry.employerId));
  const kept = collected.items.filter((vacancy) => !vacancy.employer.id || !blacklisted.has(vacancy.employer.id));
  const { added, updated } = await repositories.vacancies.upsertMany(kept, searchId);
  return { search, found: collected.found, added, updated };
}
