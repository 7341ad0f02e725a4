import type { InterviewLanguage } from '../../../shared/domain';

/** What marks a gap the user has to fill in the finished resume. */
export const GAP: Record<InterviewLanguage, string> = { ru: 'уточните', en: 'fill in' };

/** A whole gap marker, "[уточните: период]", in either language: it asks for a fact and claims none. */
export const GAP_MARKER = new RegExp(`\\[(?:${Object.values(GAP).join('|')})[^\\]]*\\]`, 'giu');
