/**
 * What hh.ru says of the user and a vacancy, read from the vacancy as hh.ru gave it (`raw`): the
 * official API's JSON, or a website card or vacancy page (with the page-level marks merged in by
 * website/parsers.ts). Sources: docs/hh/WEBSITE-NOTES.md.
 */

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/**
 * The website's marks for "you applied": hh.ru does not document the words (older cards said
 * "response"); any label about a response, an invitation or a rejection means an application exists.
 */
const APPLIED_LABEL = /respon|invit|discard|reject|applied/i;

/**
 * Whether hh.ru says the user has already applied to this vacancy: the official API lists the user's
 * `relations` to a vacancy (a response, an invitation or a rejection, whichever resume it was sent
 * with); the website marks it in `userLabels` (the card's own, or the page's `userLabelsForVacancies`
 * and `applicantVacancyResponseStatuses`, merged in by the parsers).
 */
export function appliedOnHh(raw: unknown): boolean {
  const card = obj(raw);
  const relations = Array.isArray(card.relations) ? card.relations : [];
  const labels = Array.isArray(card.userLabels) ? card.userLabels : [];
  return (
    relations.some((relation) => relation === 'got_response' || relation === 'got_invitation' || relation === 'got_rejection') ||
    labels.some((label) => typeof label === 'string' && APPLIED_LABEL.test(label))
  );
}

/** Closed for applications though not archived: the website's `closedForApplicants`, or a status that is not active. */
export function closedOnHh(raw: unknown): boolean {
  const card = obj(raw);
  return card.closedForApplicants === true || obj(card.status).active === false;
}

/**
 * How the salary is counted: 'month' unless hh.ru says otherwise (the API's `salary_range.mode.id`:
 * month, hour, shift, fly_in_fly_out; the website's `compensation.mode`: MONTH, HOUR, SHIFT, ...).
 */
export function salaryModeOf(raw: unknown): string {
  const card = obj(raw);
  const mode = obj(obj(card.salary_range).mode).id ?? obj(card.compensation).mode;
  return typeof mode === 'string' && mode ? mode.toLowerCase() : 'month';
}
