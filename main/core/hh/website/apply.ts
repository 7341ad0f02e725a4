import { HhError } from '../errors';
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
export function readApplyAnswer(
  status: number,
  body: unknown,
  context: ApplyAnswerContext,
): { outcome: ApplyOutcome; chatId: string | null } {
  const answer = parseApplyAnswer(body, context.url);
  if (answer.success === 'true' || answer.success === true) {
    return { outcome: { kind: 'applied', negotiationId: answer.topic_id ?? null }, chatId: answer.chat_id ?? null };
  }
  const word = errorWord(body);
  if (word === undefined) throw pageChanged(context.url, 'apply answer: neither success nor error', status);
  const hh = refusal(status, word);
  if (word === 'negotiations-limit-exceeded' || /limit/i.test(word)) {
    throw new HhError(
      'hh_limit_exceeded',
      'hh.ru allows about 200 applications in 24 hours, and the limit is reached. The app waits until a slot frees up.',
      hh,
      {
        next: { kind: 'retry_later' },
        retryable: true,
        details: { reason: word },
      },
    );
  }
  if (word === 'test-required' || /test/i.test(word)) {
    throw new HhError(
      'hh_needs_manual',
      "This vacancy asks you to answer the employer's questions first. Open it and apply yourself.",
      hh,
      {
        next: { kind: 'open_in_browser', url: context.vacancyUrl },
        details: { reason: 'test_required' },
      },
    );
  }
  if (word === 'alreadyApplied' || /already/i.test(word))
    throw new HhError('hh_already_applied', 'You have already applied to this vacancy on hh.ru.', hh, { details: { reason: word } });
  // Not in the notes, but the site's wording for them is predictable enough to route them well.
  if (/letter/i.test(word)) {
    throw new HhError('hh_needs_manual', 'This vacancy requires a cover letter. Write one and send it yourself.', hh, {
      next: { kind: 'open_in_browser', url: context.vacancyUrl },
      details: { reason: 'letter_required' },
    });
  }
  if (/archiv|not.?found|closed/i.test(word))
    throw new HhError('hh_vacancy_gone', 'This vacancy is closed or no longer on hh.ru.', hh, { details: { reason: word } });
  throw new HhError('hh_bad_request', say('hh.refusedApplication', { reason: word }), hh, { details: { reason: word } });
}
