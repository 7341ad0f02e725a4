import { builtResumeForLettersSchema } from '../../../shared/contract';
import type { z } from 'zod';
import { APP_RESUME_FIELD, type ResumeText } from '../ai/text/resume-facts';
import type { Repositories } from '../db/repositories';
import { GAP_MARKER } from './gaps';

const KEY = 'letters.builtResume';

export type BuiltResumeChoice = z.infer<typeof builtResumeForLettersSchema>;

/** The built resume letters use, with its text; null without a choice or once its interview is gone or unwritten. */
async function chosen(repositories: Repositories): Promise<(BuiltResumeChoice & { title: string; markdown: string }) | null> {
  const choice = await repositories.appSettings.get(KEY, builtResumeForLettersSchema);
  if (!choice) return null;
  const resume = await repositories.interviews.resume(choice.interviewId);
  return resume ? { ...choice, ...resume } : null;
}

export async function builtResumeChoice(repositories: Repositories): Promise<BuiltResumeChoice | null> {
  const built = await chosen(repositories);
  return built ? { interviewId: built.interviewId, mode: built.mode } : null;
}

export async function chooseBuiltResume(repositories: Repositories, choice: BuiltResumeChoice | null): Promise<void> {
  if (choice) await repositories.appSettings.set(KEY, choice);
  else await repositories.appSettings.delete(KEY);
}

/** "[уточните: период]" asks the user for a fact; a letter must not be written around the question. */
const withoutGaps = (markdown: string) =>
  markdown
    .replace(GAP_MARKER, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * The resume a letter is written from, with the one built in the app beside it or in its place, as
 * the user chose. Without a choice the hh.ru resume is returned as it was.
 */
export async function withBuiltResume(repositories: Repositories, resume: ResumeText | null): Promise<ResumeText | null> {
  const built = await chosen(repositories);
  if (!built) return resume;
  const text = withoutGaps(built.markdown);
  if (built.mode === 'instead' || !resume) return { title: built.title, raw: { [APP_RESUME_FIELD]: text } };
  const raw = resume.raw && typeof resume.raw === 'object' ? (resume.raw as Record<string, unknown>) : {};
  return { title: resume.title, raw: { ...raw, [APP_RESUME_FIELD]: text } };
}
