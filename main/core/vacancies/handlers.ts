import type { vacanciesChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { requireVacancy, toSummary } from './summary';

export function vacanciesHandlers(deps: { repositories: Repositories }): HandlersOf<typeof vacanciesChannels> {
  const { repositories } = deps;
  return {
    'vacancies.list': ({ statuses, query, limit, offset }) =>
      query ? repositories.vacancies.search(query, { limit, offset }) : repositories.vacancies.list({ statuses, limit, offset }),
    'vacancies.get': ({ id }) => requireVacancy(repositories, id),
    'vacancies.setStatus': async ({ id, status }) => {
      await repositories.vacancies.setStatus(id, status);
      return toSummary(await requireVacancy(repositories, id));
    },
  };
}
