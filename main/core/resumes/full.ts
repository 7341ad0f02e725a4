import type { Resume } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';
import type { Logger } from '../ports';

/**
 * The resume as letters need it: experience, skills and "about", not only the title the list has.
 * Read from hh.ru once per change of the resume (the list's updated_at) and kept; when hh.ru cannot
 * be asked, the letter is written from what the list had, and the failure is logged, not thrown.
 */
export async function fullResume(deps: { repositories: Repositories; gateway: HhGateway; log: Logger }, resume: Resume): Promise<Resume> {
  return (await fullResumeRead(deps, resume)).resume;
}

/** fullResume, and whether the full resume was there (`read` false: the letter is written from the list entry). */
export async function fullResumeRead(deps: { repositories: Repositories; gateway: HhGateway; log: Logger }, resume: Resume): Promise<{ resume: Resume; read: boolean }> {
  try {
    return { resume: await readFullResume(deps, resume), read: true };
  } catch (err) {
    deps.log.warn('the full resume could not be read; the letter uses the list entry', { error: err instanceof Error ? err.message : String(err) });
    return { resume, read: false };
  }
}

/** The kept full copy for the resume's current version, or hh.ru's answer (then kept); hh.ru's failure is thrown. */
export async function readFullResume(deps: { repositories: Repositories; gateway: Pick<HhGateway, 'resume'> }, resume: Resume): Promise<Resume> {
  const kept = await deps.repositories.resumes.full(resume.hhId, resume.updatedAt);
  if (kept !== undefined) return { ...resume, raw: kept };
  const full = await deps.gateway.resume(resume.hhId);
  await deps.repositories.resumes.saveFull(resume.hhId, resume.updatedAt, full);
  return { ...resume, raw: full };
}
