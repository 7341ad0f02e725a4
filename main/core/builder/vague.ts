import type { InterviewSection } from '../../../shared/domain';

const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

/**
 * Whether an answer is too thin to write from: a few words, or a job or project told without a
 * single number (no dates, no results). Deterministic, so the follow-up does not depend on the model
 * noticing; the model only words the question.
 */
export function isVague(answer: string, section: InterviewSection): boolean {
  const count = words(answer).length;
  if (section === 'experience' || section === 'projects') return count < 25 && !/\d/.test(answer);
  if (section === 'skills' || section === 'languages') return count < 2;
  return count < 3;
}
