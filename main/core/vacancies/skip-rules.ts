import type { SavedSearch, SkipReason, Vacancy } from '../../../shared/domain';
import { appliedOnHh, closedOnHh, salaryModeOf } from '../hh/relations';

/** The words of hh.ru's "exclude words" field: comma- or space-separated. */
export const excludedWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[,;\s]+/)
    .map((word) => word.trim())
    .filter((word) => word.length >= 2);

/** The first excluded word in the title or the description (a word starting with it: "стажёр" catches "стажёра"). */
function excludedWordIn(vacancy: Vacancy, words: string[]): string | null {
  if (!words.length) return null;
  const own = new Set(`${vacancy.title}\n${vacancy.descriptionText}`.toLowerCase().split(/[^\p{L}\p{N}+#]+/u));
  return words.find((word) => [...own].some((candidate) => candidate.startsWith(word))) ?? null;
}

/**
 * "до 80 000 RUR" under a floor of 100 000: a vacancy whose top pay, in the search's currency, is
 * below the floor. The floor is monthly (as hh.ru's search filter): an hourly or per-shift salary is
 * not compared with it.
 */
function salaryBelow(vacancy: Vacancy, search: SavedSearch): string | null {
  const floor = search.filters.salary;
  const salary = vacancy.salary;
  if (!floor || !salary || salary.currency !== search.filters.currency || salaryModeOf(vacancy.raw) !== 'month') return null;
  const top = salary.to ?? salary.from;
  return top !== null && top < floor ? `${top} ${salary.currency}` : null;
}

export interface SkipContext {
  /** Employers the user blacklisted, by hh.ru id. */
  blacklisted: Set<string>;
  /** The search's excluded words (excludedWords). */
  excluded: string[];
  /** The app has sent (or is sending) a letter for this vacancy. */
  applied: boolean;
}

export interface Skip {
  status: 'ignored' | 'needs_manual' | 'applied';
  reason: SkipReason;
  detail: string | null;
}

/**
 * Why the app will not write to this vacancy by itself, or null. The rules run in this order and the
 * first one that holds is the stated reason (the user sees it on the vacancy).
 */
export function reasonToSkip(vacancy: Vacancy, search: SavedSearch, context: SkipContext): Skip | null {
  if (context.applied || appliedOnHh(vacancy.raw)) return { status: 'applied', reason: 'already_applied', detail: null };
  if (vacancy.archived) return { status: 'ignored', reason: 'archived', detail: null };
  if (closedOnHh(vacancy.raw)) return { status: 'ignored', reason: 'closed', detail: null };
  if (vacancy.employer.id && context.blacklisted.has(vacancy.employer.id))
    return { status: 'ignored', reason: 'blacklisted', detail: vacancy.employer.name };
  const word = excludedWordIn(vacancy, context.excluded);
  if (word) return { status: 'ignored', reason: 'excluded_word', detail: word };
  const pay = salaryBelow(vacancy, search);
  if (pay) return { status: 'ignored', reason: 'salary_below', detail: pay };
  if (vacancy.externalUrl) return { status: 'needs_manual', reason: 'employer_site', detail: vacancy.externalUrl };
  if (vacancy.hasTest) return { status: 'needs_manual', reason: 'test_required', detail: null };
  return null;
}
