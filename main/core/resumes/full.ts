import type { Resume } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';

/** The kept full copy for the resume's current version, or hh.ru's answer (then kept); hh.ru's failure is thrown. */
export async function readFullResume(
  deps: { repositories: Repositories; gateway: Pick<HhGateway, 'resume'> },
  resume: Resume,
): Promise<Resume> {
  const kept = await deps.repositories.resumes.full(resume.hhId, resume.updatedAt);
  if (kept !== undefined) return { ...resume, raw: kept };
  const full = await deps.gateway.resume(resume.hhId);
  await deps.repositories.resumes.saveFull(resume.hhId, resume.updatedAt, full);
  return { ...resume, raw: full };
}
