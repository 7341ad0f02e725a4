import { formatErrorMessage, type AppErrorValue, type ErrorCode, type ErrorMessageKey, type ErrorParams } from '../../shared/contract';

/** A sentence with facts in it: translated by the renderer from its key and parameters. */
export interface Said {
  key: ErrorMessageKey;
  params: ErrorParams;
}

/** `say('letters.capReached', { cap: 20, at })`: a message the user reads in their own language. */
export const say = (key: ErrorMessageKey, params: ErrorParams = {}): Said => ({ key, params });

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
  readonly said?: Said;

  /** `message` is a plain English sentence, or a keyed one (`say(...)`) when it carries facts. */
  constructor(
    readonly code: ErrorCode,
    message: string | Said,
    readonly issues?: AppErrorValue['issues'],
    extra: AppErrorExtra = {},
  ) {
    super(
      typeof message === 'string' ? message : formatErrorMessage(message.key, message.params),
      extra.cause === undefined ? undefined : { cause: extra.cause },
    );
    this.name = 'AppError';
    this.next = extra.next;
    this.retryable = extra.retryable;
    this.details = extra.details;
    if (typeof message !== 'string') this.said = message;
  }

  /** The same kind of failure with a next step / retry hint, without the field issues. */
  static of(code: ErrorCode, message: string | Said, extra: AppErrorExtra = {}): AppError {
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
      ...(this.said && { key: this.said.key, params: this.said.params }),
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
    : new AppError(
        'internal',
        'Something went wrong inside the app. The details are in its log (Settings → About → Open the logs folder); please try again.',
      );
