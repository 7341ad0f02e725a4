import type { TFunction } from 'i18next';
import type { AppErrorValue } from '../../../shared/contract';

/** The core writes its sentences in English, the most specific text there is; other languages get the code's translation. */
export function errorText(t: TFunction, language: string, error: AppErrorValue): string {
  if (language === 'en' || error.code === 'invalid_input') return error.message;
  return t(`errors.codes.${error.code}`);
}
