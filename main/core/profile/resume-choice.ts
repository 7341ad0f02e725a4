import { z } from 'zod';
import type { Resume } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';

const KEY = 'profile.resume';

/** The resume letters, scores and replies use when none is named: the one the user picked, else the first. */
export async function preferredResume(repositories: Repositories): Promise<Resume | undefined> {
  const chosen = await repositories.appSettings.get(KEY, z.string());
  return (chosen ? await repositories.resumes.getByHhId(chosen) : undefined) ?? (await repositories.resumes.list())[0];
}

export async function chosenResume(repositories: Repositories): Promise<string | null> {
  return (await preferredResume(repositories))?.hhId ?? null;
}

export async function chooseResume(repositories: Repositories, resumeHhId: string): Promise<boolean> {
  if (!(await repositories.resumes.getByHhId(resumeHhId))) return false;
  await repositories.appSettings.set(KEY, resumeHhId);
  return true;
}
