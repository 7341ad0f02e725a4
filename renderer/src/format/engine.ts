import type { TFunction } from 'i18next';
import type { RunProgress } from '../../../shared/contract';
import type { UnsupportedClaim } from '../../../shared/domain/letter';
import type { VacancySkip } from '../../../shared/domain/vacancy';
import { knownKey } from '../i18n/knownKey';

/**
 * The engine's words (job ids, run steps, skip reasons, unsupported claims) as the user reads them.
 * Plain functions of `t` so the texts are tested without a page.
 */

/** Fixed jobs by id; `search:<id>` is named after the saved search. i18next reads ':' as a namespace, hence the keys. */
const FIXED_JOBS = { 'sync:chats': 'syncChats', backup: 'backup', 'hh:token': 'hhToken', 'raise:resumes': 'raiseResumes' } as const;

/** The saved search a job runs, or undefined for the other jobs. */
export function searchIdOf(job: string): number | undefined {
  const match = /^search:(\d+)$/.exec(job);
  return match ? Number(match[1]) : undefined;
}

/** «Python», "Statuses and chats"; an unknown job keeps its id rather than vanish. */
export function jobLabel(t: TFunction, job: string, searchNames: ReadonlyMap<number, string> | undefined): string {
  const searchId = searchIdOf(job);
  if (searchId !== undefined) {
    const name = searchNames?.get(searchId);
    return name ? t('automation.jobs.search', { name }) : t('automation.jobs.searchNumber', { id: searchId });
  }
  const key = Object.hasOwn(FIXED_JOBS, job) ? FIXED_JOBS[job as keyof typeof FIXED_JOBS] : undefined;
  return key ? t(`automation.jobs.${key}`) : job;
}

/** "writing letters 3 of 12", "pause between applications until 14:05:20". `time` formats the `until`. */
export function progressStep(t: TFunction, progress: Omit<RunProgress, 'job'> & { job?: string }, time: (iso: string) => string): string {
  if (progress.phase === 'waiting') {
    const what = progress.waitingFor ?? 'pause';
    return progress.until ? t(`automation.progress.waitingUntil.${what}`, { time: time(progress.until) }) : t(`automation.progress.waiting.${what}`);
  }
  const chats = progress.job === 'sync:chats' && (progress.phase === 'reading' || progress.phase === 'drafting');
  const phase = chats ? t(`automation.progress.chatPhases.${progress.phase as 'reading' | 'drafting'}`) : t(`automation.progress.phases.${progress.phase}`);
  return progress.total > 0 ? t('automation.progress.counted', { phase, done: progress.done, total: progress.total }) : phase;
}

/** The whole line: "«Python»: writing letters 3 of 12". */
export function progressLine(t: TFunction, progress: RunProgress, searchNames: ReadonlyMap<number, string> | undefined, time: (iso: string) => string): string {
  return t('automation.progress.line', { job: jobLabel(t, progress.job, searchNames), step: progressStep(t, progress, time) });
}

/**
 * The core records each run as an English line ("3 new of 12; 2 set aside, ..."), written in
 * main/core/automation/index.ts. Until it records them as a key with facts (as errors do), the lines
 * it writes are read back here into the user's language; a line not recognised is shown as written,
 * and test/integration/automation/job-messages.test.ts fails when the core's wording moves away.
 */
const FIXED_MESSAGES = {
  'checkpoint written': 'checkpoint',
  'no API sign-in': 'noApiSignIn',
  'API sign-in checked': 'apiChecked',
  'skipped: not signed in to hh.ru': 'notSignedIn',
  'cancelled by you': 'cancelled',
} as const;

const FOUND = /^(\d+) new of (\d+)$/;
const CANCELLED = /^(\d+) new of (\d+); cancelled by you after (\d+) letters drafted, (\d+) sent$/;
const SEARCH_DONE =
  /^(\d+) new of (\d+); (\d+) set aside, (\d+) letters drafted, (\d+) sent(?:, (\d+) kept for your review \(claims your resume does not back\))?, (\d+) for you to apply by hand(?:; stopped: ([a-z_]+))?$/;
const SYNC = /^(\d+) responses with news, (\d+) new messages \((\d+) from people\), (\d+) invitations, (\d+) reply drafts(?:, (\d+) bot questions answered)?$/;
const RAISED = /^(\d+) resumes raised$/;

/** Why a run stopped early: the engine's own words, or an error code the app already translates. */
function stopReason(t: TFunction, code: string): string {
  if (code === 'paused' || code === 'quiet_hours' || code === 'daily_limit') return t(`settings.automation.jobs.messages.stopReasons.${code}`);
  const key = knownKey('errors.codes', code);
  return key ? t(key) : code;
}

/** A run's record line in the user's language, or undefined when it is not one the app knows (a failure's own sentence). */
export function jobMessageText(t: TFunction, message: string): string | undefined {
  const fixed = Object.hasOwn(FIXED_MESSAGES, message) ? FIXED_MESSAGES[message as keyof typeof FIXED_MESSAGES] : undefined;
  if (fixed) return t(`settings.automation.jobs.messages.${fixed}`);
  const say = 'settings.automation.jobs.messages';
  let m = FOUND.exec(message);
  if (m) return t(`${say}.found`, { added: Number(m[1]), found: Number(m[2]) });
  m = CANCELLED.exec(message);
  if (m) return t(`${say}.searchCancelled`, { added: Number(m[1]), found: Number(m[2]), drafted: Number(m[3]), sent: Number(m[4]) });
  m = SEARCH_DONE.exec(message);
  if (m) {
    const [, added, found, skipped, drafted, sent, held, manual, stopped] = m;
    const parts = [t(`${say}.searchDone`, { added: Number(added), found: Number(found), skipped: Number(skipped), drafted: Number(drafted), sent: Number(sent), manual: Number(manual) })];
    if (held) parts.push(`, ${t(`${say}.heldBack`, { count: Number(held) })}`);
    if (stopped) parts.push(`; ${t(`${say}.stopped`, { reason: stopReason(t, stopped) })}`);
    return parts.join('');
  }
  m = SYNC.exec(message);
  if (m) {
    const [, chats, messages, people, invitations, drafts, answered] = m;
    const line = t(`${say}.sync`, { chats: Number(chats), messages: Number(messages), people: Number(people), invitations: Number(invitations), drafts: Number(drafts) });
    return answered ? `${line}, ${t(`${say}.botsAnswered`, { count: Number(answered) })}` : line;
  }
  m = RAISED.exec(message);
  if (m) return t(`${say}.raised`, { count: Number(m[1]) });
  return undefined;
}

export interface SkipText {
  text: string;
  /** The employer's own site, for `employer_site`. */
  link?: string;
}

/**
 * Why the engine set a vacancy aside, with the fact behind it: "Excluded word: стажёр", "Pay under
 * your floor: 60 000 ₽", "AI fit 20 of 100: Другой стек". `money` formats an amount in a currency.
 */
export function skipText(t: TFunction, skip: VacancySkip, money: (value: number, currency: string) => string): SkipText {
  const { reason, detail } = skip;
  const base = t(`work.vacancies.skip.${reason}`);
  if (reason === 'employer_site') return detail && /^https?:\/\//i.test(detail) ? { text: base, link: detail } : { text: base };
  if (!detail) return { text: base };
  if (reason === 'score_below') {
    // "20: Другой стек" (the score, then the model's reason).
    const scored = /^(\d{1,3}):\s*([\s\S]*)$/.exec(detail);
    if (scored) {
      const score = t('work.vacancies.skip.score', { score: Number(scored[1]) });
      return { text: scored[2] ? `${score}: ${scored[2]}` : score };
    }
  }
  if (reason === 'salary_below') {
    // "60000 RUR": the vacancy's top pay in the search's currency.
    const pay = /^(\d+)\s+([A-Z]{3})$/.exec(detail);
    if (pay) return { text: `${base}: ${money(Number(pay[1]), pay[2]!)}` };
  }
  return { text: `${base}: ${detail}` };
}

/** «Газпромнефть», 7, Kubernetes: employers quoted, numbers, years and skills as they are. */
export function claimsList(t: TFunction, claims: readonly UnsupportedClaim[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const claim of claims) {
    if (seen.has(`${claim.kind}:${claim.text}`)) continue;
    seen.add(`${claim.kind}:${claim.text}`);
    parts.push(claim.kind === 'employer' ? t('work.letters.unsupported.employer', { text: claim.text }) : claim.text);
  }
  return parts.join(', ');
}
