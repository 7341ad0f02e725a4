import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { Clock } from '../ports';

/** How many vacancies one run of a saved search takes in, newest first. */
const MAX_PER_RUN = 500;

/** Runs a saved search on hh.ru and keeps what it finds (blacklisted employers left out). */
export async function runSearch(deps: { repositories: Repositories; gateway: HhGateway; clock: Clock }, searchId: number) {
  const { repositories, gateway, clock } = deps;
  const search = await repositories.savedSearches.get(searchId);
  if (!search) throw AppError.of('not_found', 'This saved search no longer exists.');
  const job = `search:${searchId}`;
  await repositories.jobRuns.markStarted(job, clock.now());
  try {
    const collected = await gateway.collectSearch(search.filters, { max: MAX_PER_RUN, now: clock.now() });
    const blacklisted = new Set((await repositories.employerBlacklist.list()).map((entry) => entry.employerId));
    const kept = collected.items.filter((vacancy) => !vacancy.employer.id || !blacklisted.has(vacancy.employer.id));
    const { added, updated } = await repositories.vacancies.upsertMany(kept, searchId);
    const next = new Date(clock.now().getTime() + search.intervalHours * 60 * 60 * 1000);
    await repositories.jobRuns.markFinished(job, 'ok', `${added} new of ${collected.found}`, next);
    return { found: collected.found, added, updated };
  } catch (err) {
    await repositories.jobRuns.markFinished(job, 'failed', err instanceof Error ? err.message : String(err), null);
    throw err;
  }
}
