import type { TFunction } from 'i18next';
import type { JobReport, RunProgress } from '../../../shared/contract';
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
    return progress.until
      ? t(`automation.progress.waitingUntil.${what}`, { time: time(progress.until) })
      : t(`automation.progress.waiting.${what}`);
  }
  const chats = progress.job === 'sync:chats' && (progress.phase === 'reading' || progress.phase === 'drafting');
  const phase = chats
    ? t(`automation.progress.chatPhases.${progress.phase as 'reading' | 'drafting'}`)
    : t(`automation.progress.phases.${progress.phase}`);
  return progress.total > 0 ? t('automation.progress.counted', { phase, done: progress.done, total: progress.total }) : phase;
}

/** The whole line: "«Python»: writing letters 3 of 12". */
export function progressLine(
  t: TFunction,
  progress: RunProgress,
  searchNames: ReadonlyMap<number, string> | undefined,
  time: (iso: string) => string,
): string {
  return t('automation.progress.line', { job: jobLabel(t, progress.job, searchNames), step: progressStep(t, progress, time) });
}

/** Why a run stopped early: the engine's own words, or an error code the app already translates. */
function stopReason(t: TFunction, code: string): string {
  if (code === 'paused' || code === 'quiet_hours' || code === 'daily_limit' || code === 'page_changed')
    return t(`settings.automation.jobs.messages.stopReasons.${code}`);
  const key = knownKey('errors.codes', code);
  return key ? t(key) : code;
}

/**
 * A run's record (a key with facts, main/core/automation/reports.ts) in the user's language, or
 * undefined for a failure whose only words are the error's own sentence.
 */
export function jobMessageText(t: TFunction, report: JobReport): string | undefined {
  const say = 'settings.automation.jobs.messages';
  const p = report.params;
  const n = (key: string) => Number(p[key] ?? 0);
  switch (report.key) {
    case 'found':
      return t(`${say}.found`, { added: n('added'), found: n('found') });
    case 'searchCancelled':
      return t(`${say}.searchCancelled`, { added: n('added'), found: n('found'), drafted: n('drafted'), sent: n('sent') });
    case 'searchDone': {
      const parts = [
        t(`${say}.searchDone`, {
          added: n('added'),
          found: n('found'),
          skipped: n('skipped'),
          drafted: n('drafted'),
          sent: n('sent'),
          manual: n('needsManual'),
        }),
      ];
      if (n('heldBack')) parts.push(`, ${t(`${say}.heldBack`, { count: n('heldBack') })}`);
      if (p.stoppedBy) parts.push(`; ${t(`${say}.stopped`, { reason: stopReason(t, String(p.stoppedBy)) })}`);
      return parts.join('');
    }
    case 'sync': {
      const line = t(`${say}.sync`, {
        chats: n('chats'),
        messages: n('messages'),
        people: n('people'),
        invitations: n('invitations'),
        drafts: n('drafts'),
      });
      return n('answered') ? `${line}, ${t(`${say}.botsAnswered`, { count: n('answered') })}` : line;
    }
    case 'syncBaseline':
      return t(`${say}.syncBaseline`, { chats: n('chats') });
    case 'raised':
      return t(`${say}.raised`, { count: n('count') });
    case 'notSignedIn':
    case 'apiChecked':
    case 'noApiSignIn':
    case 'checkpoint':
    case 'cancelled':
      return t(`${say}.${report.key}`);
    case 'failed': {
      // The failure's own sentence with its facts when it has one, else what its code means.
      const facts = Object.fromEntries(
        Object.entries(p).flatMap(([name, value]) => (name.startsWith('p.') ? [[name.slice(2), value]] : [])),
      );
      const sentence = typeof p.key === 'string' ? knownKey('errors.messages', p.key) : undefined;
      if (sentence) return t(sentence, facts);
      const key = typeof p.code === 'string' ? knownKey('errors.codes', p.code) : undefined;
      return key ? t(key) : undefined;
    }
  }
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
  const base = t(`vacancies.skip.${reason}`);
  if (reason === 'employer_site') return detail && /^https?:\/\//i.test(detail) ? { text: base, link: detail } : { text: base };
  if (!detail) return { text: base };
  if (reason === 'score_below') {
    // "20: Другой стек" (the score, then the model's reason).
    const scored = /^(\d{1,3}):\s*([\s\S]*)$/.exec(detail);
    if (scored) {
      const score = t('vacancies.skip.score', { score: Number(scored[1]) });
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
    parts.push(claim.kind === 'employer' ? t('letters.unsupported.employer', { text: claim.text }) : claim.text);
  }
  return parts.join(', ');
}
