/**
 * Whether hh.ru says the user has already applied to this vacancy, from the vacancy as hh.ru gave it
 * (`raw`): the official API lists the user's `relations` to a vacancy (a response, an invitation or
 * a rejection all mean an application exists, whichever resume it was sent with); the website's
 * search card carries `userLabels` with "response" (docs/hh/WEBSITE-NOTES.md).
 */
export function appliedOnHh(raw: unknown): boolean {
  const card = raw && typeof raw === 'object' ? (raw as { relations?: unknown; userLabels?: unknown }) : {};
  const relations = Array.isArray(card.relations) ? card.relations : [];
  const labels = Array.isArray(card.userLabels) ? card.userLabels : [];
  return relations.some((relation) => relation === 'got_response' || relation === 'got_invitation' || relation === 'got_rejection') || labels.includes('response');
}
