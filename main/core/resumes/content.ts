import type { Resume } from '../../../shared/domain';
import type { ResumeContent } from '../../../shared/contract';
import { resumeFacts } from '../ai/text/resume-facts';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import { readFullResume } from './full';
import type { HhGateway } from '../hh/gateway';
import { preferredResume } from './choice';

export interface ResumeContentDeps {
  repositories: Repositories;
  gateway: Pick<HhGateway, 'resume'>;
  /** Reads the account's resume list from hh.ru again (hh.refresh), so a renamed or new resume shows. */
  refreshList(): Promise<void>;
}

const content = (resume: Resume, full: unknown): ResumeContent => ({
  resumeHhId: resume.hhId,
  title: resume.title,
  updatedAt: resume.updatedAt,
  facts: resumeFacts({ title: resume.title, raw: full }),
});

async function pick(repositories: Repositories, resumeHhId: string | null): Promise<Resume | undefined> {
  if (!resumeHhId) return preferredResume(repositories);
  const resume = await repositories.resumes.getByHhId(resumeHhId);
  if (!resume) throw AppError.of('not_found', 'This resume is not among your resumes: refresh the hh.ru account and pick again.');
  return resume;
}

/**
 * What letters are written from, as the user can check it: the copy kept for the resume's current
 * version, read from hh.ru (and kept) only when there is none. Null without any resume.
 */
export async function resumeContent(
  deps: Pick<ResumeContentDeps, 'repositories' | 'gateway'>,
  resumeHhId: string | null,
): Promise<ResumeContent | null> {
  const resume = await pick(deps.repositories, resumeHhId);
  if (!resume) return null;
  return content(resume, (await readFullResume(deps, resume)).raw);
}

/**
 * After the user edited the resume on hh.ru: the list and the resume itself are read again and the
 * new copy replaces the kept one, so the next letter uses it. A failure leaves the kept copy as it was.
 */
export async function refreshResume(deps: ResumeContentDeps, resumeHhId: string): Promise<ResumeContent> {
  await deps.refreshList();
  const resume = await pick(deps.repositories, resumeHhId);
  if (!resume) throw AppError.of('not_found', 'This resume is not among your resumes: refresh the hh.ru account and pick again.');
  const full = await deps.gateway.resume(resume.hhId);
  await deps.repositories.resumes.saveFull(resume.hhId, resume.updatedAt, full);
  return content(resume, full);
}
