import type { TFunction } from 'i18next';
import { errorCodeSchema, errorMessages, type AppErrorValue, type ErrorMessageKey } from '../../../shared/contract';
import type { Application } from '../../../shared/domain/application';

/**
 * A sentence with facts (a key and parameters) reads in the user's language with its numbers and
 * times; otherwise the core's English sentence is the most specific text in English, and other
 * languages get the code's translation.
 */
export function errorText(t: TFunction, language: string, error: AppErrorValue): string {
  if (error.key) return t(`errors.messages.${error.key}`, { ...error.params });
  if (language === 'en') return error.message;
  return t(`errors.codes.${error.code}`);
}

/** Why a letter did not go out, in the reader's language when the app kept the failure's code (older ones are English). */
export function failureText(t: TFunction, language: string, application: Pick<Application, 'lastError' | 'lastErrorDetail'>): string {
  const detail = application.lastErrorDetail;
  if (!detail || !errorCodeSchema.safeParse(detail.code).success) return application.lastError ?? '';
  const key = detail.key && Object.hasOwn(errorMessages, detail.key) ? (detail.key as ErrorMessageKey) : undefined;
  return errorText(t, language, {
    code: errorCodeSchema.parse(detail.code),
    message: application.lastError ?? '',
    ...(key && { key, params: detail.params ?? {} }),
  });
}
