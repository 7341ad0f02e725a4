import type { AppErrorValue } from '../../../shared/contract';
import { AppError, say } from '../errors';
import type { UpdateFailure } from './port';

/**
 * A failed check or download as the user reads it: what happened and what the app does next.
 * The updater's own words (addresses, paths, stack traces) stay in the log.
 */
export function failureToError(failure: UpdateFailure): AppErrorValue {
  const version = failure.version ?? '?';
  switch (failure.kind) {
    case 'checksum':
      return AppError.of('update_refused', say('updates.checksum', { version })).toValue();
    case 'signature':
      return AppError.of('update_refused', say('updates.signature', { version })).toValue();
    case 'network':
      return AppError.of(
        'update_failed',
        'The update server could not be reached. Check the internet connection and press Check now; with automatic updates on, the app also tries again within an hour.',
        {
          next: { kind: 'retry_later' },
          retryable: true,
        },
      ).toValue();
    case 'feed':
      return AppError.of(
        'update_failed',
        'The update server did not describe a version the app can use. Try Check now later; if this stays, download the app again from its site.',
        {
          next: { kind: 'retry_later' },
          retryable: true,
        },
      ).toValue();
    case 'other':
      return AppError.of(
        'update_failed',
        'The update could not be downloaded or started. The details are in the log; try Check now later.',
        {
          next: { kind: 'retry_later' },
          retryable: true,
        },
      ).toValue();
  }
}
