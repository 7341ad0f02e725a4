import type { AppErrorValue, ErrorCode } from '../../shared/contract';

/** A failure the user can act on. Its message is shown as is, so write it for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AppErrorValue['issues'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toValue(): AppErrorValue {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/**
 * Anything thrown that is not an AppError is a bug. Its own message may carry internals (paths,
 * tokens in URLs), so the user gets a fixed sentence and the log gets the details.
 */
export const toAppError = (err: unknown): AppError =>
  err instanceof AppError
    ? err
    : new AppError('internal', 'Something went wrong inside the app. The details are in the log; please try again.');
