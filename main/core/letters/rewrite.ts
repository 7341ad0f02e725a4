import type { ApplicationView } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';
import { resumeForAi } from '../resumes/for-ai';
import { requireVacancy } from '../vacancies/summary';
import { fullVacancy } from '../vacancies/full';
import { refusals } from './refusals';
import { letterWithTitle } from './set-aside';
import type { LetterService } from './service';
import { writeLetter } from './writing';

export interface RewriteDeps {
  repositories: Repositories;
  gateway: HhGateway;
  provider: () => Promise<TextProvider>;
  letters: Pick<LetterService, 'view' | 'update'>;
}

export interface Rewritten {
  letter: string;
  validation: ApplicationView['validation'];
  source: 'ai' | 'template';
}

const OPEN = new Set(['draft', 'approved', 'failed']);

/**
 * A new text for an unsent letter, written from the same vacancy, resume, profile and template as
 * a draft (with the AI: from the letter as it stands and the user's short wish), and checked as the
 * letter would be, facts included. Nothing is kept: the user reads it first, and accepting it is
 * letters.update with keepPrevious, so the text it replaces can come back once (letters.revert).
 * Without AI the template is filled again; a wish then has no one to follow it, and says so.
 */
export async function rewriteLetter(deps: RewriteDeps, applicationId: number, wish: string): Promise<Rewritten> {
  const { repositories } = deps;
  const { application, title } = await letterWithTitle(repositories, applicationId);
  if (application.discardedAt) throw refusals.discarded(title);
  if (!OPEN.has(application.state)) throw refusals.notOpen(title);
  const provider = await deps.provider();
  if (provider.kind === 'template' && wish.trim()) throw refusals.rewriteNeedsAi(wish.trim());
  const vacancy = await fullVacancy(deps, await requireVacancy(repositories, application.vacancyId, { forWork: true }));
  const [{ text: resume }, profile, template] = await Promise.all([
    resumeForAi(deps, application.resumeHhId, { ifGone: 'none' }),
    repositories.profile.get(),
    repositories.letterTemplates.getDefault(),
  ]);
  const written = await writeLetter({ provider, vacancy, resume, profile, template, rewrite: { current: application.letter, wish } });
  // The check a letter gets when opened (the fact check against what it was written from), on the new text.
  const { validation } = await deps.letters.view({ ...application, letter: written.letter }, { vacancy, template, profile });
  return { letter: written.letter, validation, source: written.source };
}

/** The text before the last accepted rewrite back in place: one undo. */
export async function revertLetter(deps: Pick<RewriteDeps, 'repositories' | 'letters'>, applicationId: number): Promise<ApplicationView> {
  const { repositories } = deps;
  const { application, title } = await letterWithTitle(repositories, applicationId);
  if (application.discardedAt) throw refusals.discarded(title);
  if (!(await repositories.applications.revertLetter(applicationId))) {
    throw OPEN.has(application.state) ? refusals.nothingToRevert(title) : refusals.notOpen(title);
  }
  return deps.letters.view((await repositories.applications.get(applicationId))!);
}
