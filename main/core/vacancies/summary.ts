import type { Vacancy, VacancySummary } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';

/** What the renderer sees of a vacancy in lists: no description, and never hh.ru's raw answer. */
export const toSummary = (vacancy: Vacancy): VacancySummary => {
  const { descriptionHtml: _h, descriptionText: _t, raw: _r, ...summary } = vacancy;
  return summary;
};

/** The vacancy, or a not_found the user can read. */
export async function requireVacancy(repositories: Repositories, id: number, options: { forWork?: boolean } = {}): Promise<Vacancy> {
  const vacancy = await repositories.vacancies.get(id, options);
  if (!vacancy) throw AppError.of('not_found', 'This vacancy is no longer in the app.');
  return vacancy;
}
