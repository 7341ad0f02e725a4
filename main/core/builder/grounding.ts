import type { InterviewMessage, ResumeClaim } from '../../../shared/domain';
import { findUnsupportedClaims } from '../ai/text/grounding';
import { GAP_MARKER } from '../resumes/gaps';
import { ADDITIONAL, HEADINGS } from './questions';

/**
 * Every company, number, year and skill in the resume that none of the user's answers (nor the hh.ru
 * resume the interview started from) contains: what the model may have invented, for the user to check
 * before exporting. The interviewer's questions are not sources: a fact only counts when the user said it.
 */
export function unsupportedInResume(markdown: string, messages: InterviewMessage[], sourceText: string | null): ResumeClaim[] {
  const body = markdown
    .replace(GAP_MARKER, ' ')
    .replace(/^\s{0,3}#{1,6}\s*/gm, '\n')
    .replace(/[*_`>]+/g, ' ')
    .replace(/^\s*[-+]\s+/gm, '\n');
  const answers = messages.filter((m) => m.role === 'user').map((m) => m.text);
  const claims = findUnsupportedClaims(body, {
    resume: [...answers, sourceText ?? ''],
    profile: {},
    vacancy: { title: '', employer: { name: null }, descriptionText: '', keySkills: [] },
    // The resume's own section headings are the app's words, not claims.
    template: [...Object.values(HEADINGS).flatMap((headings) => Object.values(headings)), ...Object.values(ADDITIONAL)].join('\n'),
  });
  // «Фантом Софт» is one claim, not three: the words of a quoted name are not listed again.
  const names = claims.filter((claim) => claim.kind === 'employer' && /\s/.test(claim.text)).map((claim) => claim.text);
  return claims.filter(
    (claim) => !(claim.kind === 'employer' && names.some((name) => name !== claim.text && name.split(/\s+/).includes(claim.text))),
  );
}
