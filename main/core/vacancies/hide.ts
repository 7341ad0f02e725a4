import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';
import { requireVacancy } from './summary';

/**
 * Sets a vacancy aside (ignored) and hides it on hh.ru too, so hh.ru stops showing it in searches.
 * hh.ru first: if it refuses, the user sees why and nothing changed here. Used by vacancies.hide and
 * by Letters' "skip the vacancy".
 */
export async function hideVacancy(deps: { repositories: Repositories; gateway: HhGateway }, id: number): Promise<void> {
  const { repositories, gateway } = deps;
  const vacancy = await requireVacancy(repositories, id);
  await gateway.hideVacancy(vacancy.hhId);
  await repositories.vacancies.setStatus(id, 'ignored');
  await repositories.auditLog.append({ action: 'vacancy.hidden', target: `vacancy ${vacancy.hhId}`, outcome: 'ok', details: '' });
}
