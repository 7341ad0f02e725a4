import i18next from 'i18next';
import { issueTexts } from '../../format/issueText';
import type { AppErrorValue, Result } from '../../../../shared/contract';

/**
 * Errors a card shows next to its own fields (AI failures and invalid input) instead of the app's
 * banner; anything else goes to `report`.
 */
export const isInlineError = (error: AppErrorValue): boolean => error.code === 'invalid_input' || error.code.startsWith('ai_');

/** The failure, or undefined when the call worked or was reported elsewhere. */
export function inlineFailure<T>(result: Result<T>, report: (result: Result<T>) => boolean): AppErrorValue | undefined {
  if (result.ok) return undefined;
  if (isInlineError(result.error)) return result.error;
  report(result);
  return undefined;
}

/** Field problems by dotted path, in the reader's language; `links.0` also counts for `links`. */
export const issuesByPath = (error: AppErrorValue | undefined): Record<string, string> => issueTexts(i18next.t, error);

export function FieldError({ message }: { message?: string }) {
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}
