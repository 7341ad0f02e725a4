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

/** Field problems by dotted path; `links.0` also counts for `links`. */
export function issuesByPath(error: AppErrorValue | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    map[issue.path] ??= issue.message;
    const head = issue.path.split('.')[0];
    if (head) map[head] ??= issue.message;
  }
  return map;
}

export function FieldError({ message }: { message?: string }) {
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}
