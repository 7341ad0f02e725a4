import { z } from 'zod';
import type { Resume } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';

const KEY = 'profile.resume';

/**
 * hh.ru's own word that a resume is unfinished: hh.ru sends another resume in its place when one
 * applies with it (docs/hh/WEBSITE-NOTES.md, 2026), so the app never applies with one.
 */
export const isUnfinished = (resume: Pick<Resume, 'raw'>): boolean => {
  const status = resume.raw && typeof resume.raw === 'object' ? (resume.raw as { status?: unknown }).status : undefined;
  return status === 'not_finished' || (typeof status === 'object' && status !== null && (status as { id?: unknown }).id === 'not_finished');
};

/** The resume letters, scores and replies use when none is named: the one the user picked, else the first finished one. */
export async function preferredResume(repositories: Repositories): Promise<Resume | undefined> {
  const chosen = await repositories.appSettings.get(KEY, z.string());
  const picked = chosen ? await repositories.resumes.getByHhId(chosen) : undefined;
  if (picked) return picked;
  const list = await repositories.resumes.list();
  return list.find((r) => !isUnfinished(r)) ?? list[0];
}

export async function chosenResume(repositories: Repositories): Promise<string | null> {
  return (await preferredResume(repositories))?.hhId ?? null;
}

export async function chooseResume(repositories: Repositories, resumeHhId: string): Promise<boolean> {
  if (!(await repositories.resumes.getByHhId(resumeHhId))) return false;
  await repositories.appSettings.set(KEY, resumeHhId);
  return true;
}
