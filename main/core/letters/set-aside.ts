import type { ApplicationView } from '../../../shared/contract';
import type { Application } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import { hideVacancy } from '../vacancies/hide';
import { refusals } from './refusals';
import type { LetterService } from './service';

export interface SetAsideDeps {
  repositories: Repositories;
  gateway: HhGateway;
  letters: Pick<LetterService, 'view'>;
}

/** The letter and its vacancy's title (what every refusal names). */
export async function letterWithTitle(
  repositories: Repositories,
  applicationId: number,
): Promise<{ application: Application; title: string }> {
  const application = await repositories.applications.get(applicationId);
  if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
  const vacancy = await repositories.vacancies.get(application.vacancyId);
  return { application, title: vacancy?.title ?? String(application.vacancyId) };
}

const reread = async (deps: SetAsideDeps, id: number) => deps.letters.view((await deps.repositories.applications.get(id))!);

/**
 * The user discards an unsent letter (draft or failed): it leaves the lists at once and is never
 * sent. Its vacancy stays where it was (drafted), and a run takes only vacancies still 'found', so
 * no run writes it another letter until the user asks: Write letter, or bringing the vacancy back.
 * Discarding one already discarded answers as if it had just been done.
 */
export async function discardLetter(deps: SetAsideDeps, applicationId: number): Promise<ApplicationView> {
  const { repositories } = deps;
  const { application, title } = await letterWithTitle(repositories, applicationId);
  if (!application.discardedAt) {
    if (!(await repositories.applications.discard(applicationId))) throw refusals.notOpen(title);
    await repositories.auditLog.append({ action: 'letter.discarded', target: `application ${applicationId}`, outcome: 'ok', details: '' });
  }
  return reread(deps, applicationId);
}

/** Undo of discard: the letter back in the state it had, unless its vacancy got another unsent letter meanwhile. */
export async function restoreLetter(deps: SetAsideDeps, applicationId: number): Promise<ApplicationView> {
  const { repositories } = deps;
  const { application, title } = await letterWithTitle(repositories, applicationId);
  if (application.discardedAt) {
    if (!(await repositories.applications.restore(applicationId))) throw refusals.newerLetter(title);
    await repositories.auditLog.append({ action: 'letter.restored', target: `application ${applicationId}`, outcome: 'ok', details: '' });
  }
  return reread(deps, applicationId);
}

/**
 * The user does not want this vacancy: it is set aside (ignored; with `hideOnHh`, hidden on hh.ru
 * too, which goes first so a refusal changes nothing) and its letter discarded, in one action.
 */
export async function skipVacancy(deps: SetAsideDeps, applicationId: number, options: { hideOnHh: boolean }): Promise<ApplicationView> {
  const { repositories } = deps;
  const { application, title } = await letterWithTitle(repositories, applicationId);
  if (!application.discardedAt && (application.state === 'sending' || application.state === 'sent')) throw refusals.notOpen(title);
  if (options.hideOnHh) await hideVacancy(deps, application.vacancyId);
  else await repositories.vacancies.setStatus(application.vacancyId, 'ignored');
  return discardLetter(deps, applicationId);
}
