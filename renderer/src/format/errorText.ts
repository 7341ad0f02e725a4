import type { TFunction } from 'i18next';
import type { AppErrorValue } from '../../../shared/contract';

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
