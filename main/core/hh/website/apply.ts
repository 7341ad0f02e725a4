import { HhError } from '../errors';
import { backoffDelay, type RetryPolicy } from '../http/retry';
import type { ApplyOutcome } from '../transport';
import { pageChanged } from './errors';
import { errorWord, parseApplyAnswer } from './parsers';
import { say } from '../../errors';

export interface ApplyAnswerContext {
  url: string;
  vacancyUrl: string;
}

const refusal = (status: number, word: string) => ({ status, type: 'website', value: word });

/** hh.ru's answer to the apply popup: applied, or the reason it was not (in the words of errors.ts). */
export function readApplyAnswer(status: number, body: unknown, context: ApplyAnswerContext): { outcome: ApplyOutcome; chatId: string | null } {
  const answer = parseApplyAnswer(body, context.url);
  if (answer.success === 'true' || answer.success === true) {
    return { outcome: { kind: 'applied', negotiationId: answer.topic_id ?? null }, chatId: answer.chat_id ?? null };
  }
  const word = errorWord(body);
  if (word === undefined) throw pageChanged(context.url, 'apply answer: neither success nor error', status);
  const hh = refusal(status, word);
  if (word === 'negotiations-limit-exceeded' || /limit/i.test(word)) {
    throw new HhError('hh_limit_exceeded', 'hh.ru allows about 200 applications in 24 hours, and the limit is reached. The app waits until a slot frees up.', hh, {
      next: { kind: 'retry_later' },
      retryable: true,
      details: { reason: word },
    });
  }
  if (word === 'test-required' || /test/i.test(word)) {
    throw new HhError('hh_needs_manual', 'This vacancy asks you to answer the employer\'s questions first. Open it and apply yourself.', hh, {
      next: { kind: 'open_in_browser', url: context.vacancyUrl },
      details: { reason: 'test_required' },
    });
  }
  if (word === 'alreadyApplied' || /already/i.test(word)) throw new HhError('hh_already_applied', 'You have already applied to this vacancy on hh.ru.', hh, { details: { reason: word } });
  // Not in the notes, but the site's wording for them is predictable enough to route them well.
  if (/letter/i.test(word)) {
    throw new HhError('hh_needs_manual', 'This vacancy requires a cover letter. Write one and send it yourself.', hh, { next: { kind: 'open_in_browser', url: context.vacancyUrl }, details: { reason: 'letter_required' } });
  }
  if (/archiv|not.?found|closed/i.test(word)) throw new HhError('hh_vacancy_gone', 'This vacancy is closed or no longer on hh.ru.', hh, { details: { reason: word } });
  throw new HhError('hh_bad_request', say('hh.refusedApplication', { reason: word }), hh, { details: { reason: word } });
}

const TRANSIENT = new Set(['hh_network', 'hh_timeout', 'hh_unavailable']);

export interface IdempotentApplyDeps {
  /** One POST of the popup form and hh.ru's reading of it. */
  attempt: () => Promise<{ outcome: ApplyOutcome; chatId: string | null }>;
  /** The response (topic id) hh.ru already has for this vacancy, or null: asked before any resend. */
  existing: () => Promise<string | null>;
  policy: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * Applying is not idempotent on hh.ru's side: a POST whose answer was lost (dropped connection,
 * timeout, 5xx) may have applied. So before sending again the app asks hh.ru's responses page
 * whether this vacancy already has one, and takes that as the answer. When that check itself
 * fails, the original error is thrown and nothing is resent; a later attempt meets hh.ru's
 * "already applied", which the app records as sent.
 */
export async function applyIdempotently(deps: IdempotentApplyDeps): Promise<{ outcome: ApplyOutcome; chatId: string | null }> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let n = 0; ; n += 1) {
    try {
      return await deps.attempt();
    } catch (err) {
      const code = err instanceof HhError ? err.code : undefined;
      // "Already applied" after a lost answer means the lost attempt went through.
      if (n > 0 && code === 'hh_already_applied') return { outcome: { kind: 'applied', negotiationId: await deps.existing().catch(() => null) }, chatId: null };
      if (!code || !TRANSIENT.has(code) || n >= deps.policy.retries || deps.signal?.aborted) throw err;
      let topic: string | null;
      try {
        topic = await deps.existing();
      } catch {
        throw err;
      }
      if (topic) return { outcome: { kind: 'applied', negotiationId: topic }, chatId: null };
      await sleep(backoffDelay(n, deps.policy));
    }
  }
}
