import type { Resume } from '../../../shared/domain';
import type { ResumeText } from '../ai/text/resume-facts';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { Logger } from '../ports';
import { withBuiltResume } from './built';
import { preferredResume } from './choice';
import { readFullResume } from './full';

export interface ResumeForAi {
  /** The hh.ru resume: the one named, else the user's pick (Settings → Profile), else the first finished one; null without any. */
  resume: Resume | null;
  /**
   * What the AI reads and what letters are checked against: the resume's full content (experience,
   * skills, "about"), with the resume built in the app beside it or in its place as the user chose.
   * Null only without either.
   */
  text: ResumeText | null;
  /** The full content could not be had (not kept, hh.ru not asked or failing): the AI reads the list entry. */
  unread: boolean;
}

export interface ResumeForAiDeps {
  repositories: Repositories;
  /** Without it (a check, the Letter lab's quick path) only the kept copy is read. */
  gateway?: Pick<HhGateway, 'resume'>;
  log?: Logger;
}

/**
 * The one answer to "which resume does the AI read": drafting, the Letter lab, the pipeline's and
 * the window's scoring, the kept score, chat replies and the fact check all ask here.
 *
 * With a gateway the full resume is read from hh.ru once per change of the resume (and kept); a
 * failure is logged and the list entry is used. Without one only the kept copy is read: checking a
 * letter never calls hh.ru.
 */
export async function resumeForAi(
  deps: ResumeForAiDeps,
  resumeHhId?: string | null,
  options: { ifGone?: 'throw' | 'none' } = {},
): Promise<ResumeForAi> {
  const { repositories } = deps;
  // A letter kept for a resume since deleted on hh.ru is still checked (against the built resume, if any).
  const resume =
    options.ifGone === 'none' && resumeHhId
      ? ((await repositories.resumes.getByHhId(resumeHhId)) ?? null)
      : await pickResume(repositories, resumeHhId);
  if (!resume) return { resume: null, text: await withBuiltResume(repositories, null), unread: false };
  const full = await fullContent(deps, resume);
  return {
    resume,
    text: await withBuiltResume(repositories, { title: resume.title, raw: full ?? resume.raw }),
    unread: full === undefined,
  };
}

/**
 * The hh.ru resume named, else the user's pick, else the first finished one; null without any.
 * A named resume the app does not know is an error the user can act on.
 */
export async function pickResume(repositories: Repositories, resumeHhId?: string | null): Promise<Resume | null> {
  if (!resumeHhId) return (await preferredResume(repositories)) ?? null;
  const resume = await repositories.resumes.getByHhId(resumeHhId);
  if (!resume) throw AppError.of('not_found', 'This resume is not among your resumes: refresh the hh.ru account and pick again.');
  return resume;
}

async function fullContent(deps: ResumeForAiDeps, resume: Resume): Promise<unknown> {
  if (!deps.gateway) return deps.repositories.resumes.full(resume.hhId, resume.updatedAt);
  try {
    return (await readFullResume({ repositories: deps.repositories, gateway: deps.gateway }, resume)).raw;
  } catch (err) {
    deps.log?.warn('the full resume could not be read; the AI reads the list entry', {
      error: err instanceof Error ? err.message : String(err),
    });
    return undefined;
  }
}

/** What scoring needs: the text the AI reads, under the hh.ru resume's id and version (a kept score is found again by them). */
export function scoringResume(forAi: ResumeForAi): (ResumeText & Pick<Resume, 'hhId' | 'updatedAt'>) | null {
  if (!forAi.resume || !forAi.text) return null;
  return { ...forAi.text, hhId: forAi.resume.hhId, updatedAt: forAi.resume.updatedAt };
}
