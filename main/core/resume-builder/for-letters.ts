import { z } from 'zod';
import { APP_RESUME_FIELD, type ResumeText } from '../ai/text/resume-facts';
import type { Repositories } from '../db/repositories';

const KEY = 'letters.builtResume';

export const builtResumeChoiceSchema = z.object({ interviewId: z.number().int().positive(), mode: z.enum(['alongside', 'instead']) });
export type BuiltResumeChoice = z.infer<typeof builtResumeChoiceSchema>;

export async function builtResumeChoice(repositories: Repositories): Promise<BuiltResumeChoice | null> {
  const choice = await repositories.appSettings.get(KEY, builtResumeChoiceSchema);
  // A deleted or unfinished interview stops counting by itself.
  if (!choice || !(await repositories.interviews.get(choice.interviewId))?.markdown) return null;
  return choice;
}

export async function chooseBuiltResume(repositories: Repositories, choice: BuiltResumeChoice | null): Promise<void> {
  if (choice) await repositories.appSettings.set(KEY, choice);
  else await repositories.appSettings.delete(KEY);
}

/**
 * The resume a letter is written from, with the one built in the app beside it or in its place, as
 * the user chose. Without a choice the hh.ru resume is returned as it was.
 */
export async function withBuiltResume(repositories: Repositories, resume: ResumeText | null): Promise<ResumeText | null> {
  const choice = await builtResumeChoice(repositories);
  if (!choice) return resume;
  const interview = (await repositories.interviews.get(choice.interviewId))!;
  if (choice.mode === 'instead' || !resume) return { title: interview.title, raw: { [APP_RESUME_FIELD]: interview.markdown } };
  const raw = resume.raw && typeof resume.raw === 'object' ? (resume.raw as Record<string, unknown>) : {};
  return { title: resume.title, raw: { ...raw, [APP_RESUME_FIELD]: interview.markdown } };
}
