import type { AppErrorValue, ErrorCode } from '../../shared/contract';

/** A failure the user can act on. Its message is shown as is, so write it for people. */
export interface AppErrorExtra {
  next?: AppErrorValue['next'];
  retryable?: boolean;
  details?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly next?: AppErrorValue['next'];
  readonly retryable?: boolean;
  readonly details?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AppErrorValue['issues'],
    extra: AppErrorExtra = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.next = extra.next;
    this.retryable = extra.retryable;
    this.details = extra.details;
  }

  /** The same kind of failure with a next step / retry hint, without the field issues. */
  static of(code: ErrorCode, message: string, extra: AppErrorExtra = {}): AppError {
    return new AppError(code, message, undefined, extra);
  }

  toValue(): AppErrorValue {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues && { issues: this.issues }),
      ...(this.next && { next: this.next }),
      ...(this.retryable !== undefined && { retryable: this.retryable }),
      ...(this.details && { details: this.details }),
    };
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
