import { failureRecord, type Application, type Negotiation } from '../../../shared/domain';
import { formatErrorMessage } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';

export interface ReconcileDeps {
  repositories: Repositories;
  gateway: HhGateway;
}

/**
 * Letters in 'sending' whose answer the app never read (a crash, a lost answer): hh.ru's responses
 * say whether each arrived. Found: sent, with hh.ru's negotiation, the path that confirmed it, and
 * the vacancy applied. Not found: back to draft, to be sent again. Throws when hh.ru cannot be
 * asked; the letters then stay in 'sending'.
 */
export async function settleSending(deps: ReconcileDeps, applications: Application[]): Promise<Application[]> {
  const { repositories, gateway } = deps;
  const vacancies = new Map<number, string>();
  for (const application of applications) {
    const vacancy = await repositories.vacancies.get(application.vacancyId);
    if (vacancy) vacancies.set(application.id, vacancy.hhId);
  }
  const found = await responsesFor(gateway, new Set(vacancies.values()));
  const transport = gateway.servedBy('negotiations') ?? 'official';
  const settled: Application[] = [];
  for (const application of applications) {
    const hhId = vacancies.get(application.id);
    const negotiation = hhId === undefined ? undefined : found.get(hhId);
    if (negotiation) {
      await repositories.applications.transition(application.id, 'sending', 'sent', {
        transport,
        hhNegotiationId: negotiation.id,
        vacancyStatus: 'applied',
      });
      await repositories.auditLog.append({
        action: 'application.sent',
        target: `vacancy ${hhId}`,
        outcome: 'ok',
        details: `found on hh.ru after an interruption (via ${transport})`,
      });
    } else {
      await repositories.applications.transition(application.id, 'sending', 'draft', {
        lastError: failureRecord(formatErrorMessage('letters.interrupted'), { code: 'app_closing', key: 'letters.interrupted' }),
      });
    }
    const now = await repositories.applications.get(application.id);
    if (now) settled.push(now);
  }
  return settled;
}

/** Every page of the user's responses until each vacancy is found or the pages end. */
async function responsesFor(gateway: HhGateway, vacancyIds: Set<string>): Promise<Map<string, Negotiation>> {
  const found = new Map<string, Negotiation>();
  if (!vacancyIds.size) return found;
  for (let page = 0; ; page += 1) {
    const { items, pages } = await gateway.negotiations(page);
    for (const item of items)
      if (item.vacancyId && vacancyIds.has(item.vacancyId) && !found.has(item.vacancyId)) found.set(item.vacancyId, item);
    if (found.size === vacancyIds.size || !items.length || page + 1 >= pages) return found;
  }
}
