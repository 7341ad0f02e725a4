import type { Vacancy } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import { appliedOnHh, closedOnHh } from '../hh/relations';

export interface FullVacancyDeps {
  repositories: Repositories;
  gateway: Pick<HhGateway, 'vacancy'>;
}

/**
 * The vacancy in full: search results carry a snippet, not the description, and a letter written
 * from them would be written blind. Read from hh.ru once (the official API or its page) and kept;
 * a vacancy hh.ru has closed meanwhile is set aside as gone, and the error goes on. The one way a
 * vacancy is read in full: the pipeline, drafting by hand, opening a vacancy and adding one by link.
 */
export async function fullVacancy(deps: FullVacancyDeps, vacancy: Vacancy, signal?: AbortSignal): Promise<Vacancy> {
  if (vacancy.descriptionText.trim()) return vacancy;
  try {
    await deps.repositories.vacancies.upsertMany([await deps.gateway.vacancy(vacancy.hhId, signal)]);
  } catch (err) {
    if (err instanceof AppError && err.code === 'hh_vacancy_gone')
      await deps.repositories.vacancies.setSkipped(vacancy.id, 'ignored', 'gone');
    throw err;
  }
  return (await deps.repositories.vacancies.get(vacancy.id)) ?? vacancy;
}

/** Statuses in which hh.ru's own marks still decide what the app does with a vacancy. */
const UNDECIDED = new Set<Vacancy['status']>(['found', 'drafted', 'queued']);

/**
 * What hh.ru says of the vacancy that the app has not acted on yet: applied to already (outside the
 * app too), or closed for applications. The vacancy is set aside with that reason; the reason is returned.
 */
export async function settleHhMarks(repositories: Repositories, vacancy: Vacancy): Promise<'already_applied' | 'closed' | null> {
  if (!UNDECIDED.has(vacancy.status)) return null;
  if (appliedOnHh(vacancy.raw)) {
    await repositories.vacancies.setSkipped(vacancy.id, 'applied', 'already_applied');
    return 'already_applied';
  }
  if (closedOnHh(vacancy.raw)) {
    await repositories.vacancies.setSkipped(vacancy.id, 'ignored', 'closed');
    return 'closed';
  }
  return null;
}
