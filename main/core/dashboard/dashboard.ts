import type { Dashboard } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import type { Notices } from '../notices';
import type { Clock } from '../ports';

const DAY_MS = 24 * 3_600_000;

/** The user's local calendar day of an ISO time, as YYYY-MM-DD (the machine's time zone is the user's). */
const localDay = (iso: string | Date) => {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** Local midnight `days - 1` days before now: "today" is one day, "7 days" ends today. */
function periodStart(now: Date, days: number): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  start.setDate(start.getDate() - (days - 1));
  return start;
}

/** The invitations a group of sent applications led to so far. */
const reached = (statuses: Set<string> | undefined, status: 'viewed' | 'invited') =>
  Boolean(statuses && (statuses.has('invited') || (status === 'viewed' && (statuses.has('viewed') || statuses.has('rejected')))));

/**
 * The dashboard's numbers for the last `days` local days. Counts are per vacancy; the funnel and the
 * invitation rates follow the applications sent in the period to wherever they got since.
 */
export async function dashboard(
  deps: { repositories: Repositories; clock: Clock; notices: Notices },
  days: 1 | 7 | 30,
): Promise<Dashboard> {
  const { repositories } = deps;
  const now = deps.clock.now();
  const start = periodStart(now, days);
  const from = start.toISOString();
  // Up to a minute ahead: a write stamped a moment after this read began still counts.
  const to = new Date(now.getTime() + 60_000).toISOString();
  const [seen, activity, changes, templates, searches, counts, drafts, unread] = await Promise.all([
    repositories.vacancies.seenBetween(from, to),
    repositories.applications.activityBetween(from, to),
    repositories.vacancies.statusChanges(from, to),
    repositories.letterTemplates.list(),
    repositories.savedSearches.list(),
    repositories.vacancies.countByStatus(),
    repositories.applications.listPage({ states: ['draft'], limit: 1, offset: 0 }),
    repositories.chats.list({ limit: 1, offset: 0, unreadOnly: true }),
  ]);
  const sentVacancies = [...new Set(activity.sent.map((a) => a.vacancyId))];
  const histories = await repositories.vacancies.histories(sentVacancies);
  const changed = (status: string) => new Set(changes.filter((c) => c.status === status).map((c) => c.vacancyId));

  const dates: string[] = [];
  for (let time = start.getTime(); dates.length < days; time += DAY_MS) dates.push(localDay(new Date(time + 12 * 3_600_000)));
  const perDay = new Map(dates.map((date) => [date, { date, found: 0, sent: 0, invited: 0 }]));
  for (const vacancy of seen) perDay.get(localDay(vacancy.firstSeenAt))!.found += 1;
  for (const sent of activity.sent) {
    const day = perDay.get(localDay(sent.at));
    if (day) day.sent += 1;
  }
  for (const change of changes) {
    const day = perDay.get(localDay(change.at));
    if (day && change.status === 'invited') day.invited += 1;
  }

  const rates = <K extends number | null>(keyOf: (sent: (typeof activity.sent)[number]) => K, nameOf: (key: K) => string) => {
    const groups = new Map<K, Set<number>>();
    for (const sent of activity.sent) groups.set(keyOf(sent), (groups.get(keyOf(sent)) ?? new Set()).add(sent.vacancyId));
    return [...groups].map(([id, vacancies]) => ({
      id,
      name: nameOf(id),
      sent: vacancies.size,
      invited: [...vacancies].filter((v) => reached(histories.get(v)?.statuses, 'invited')).length,
    }));
  };
  const templateName = new Map(templates.map((t) => [t.id, t.name]));
  const searchName = new Map(searches.map((s) => [s.id, s.name]));
  const stopped = deps.notices.list().find((notice) => notice.id === 'hh.stopped');
  const totals = {
    found: seen.length,
    drafted: new Set(activity.drafted.map((d) => d.vacancyId)).size,
    sent: sentVacancies.length,
    viewed: changed('viewed').size,
    invited: changed('invited').size,
    rejected: changed('rejected').size,
  };
  return {
    days,
    from,
    totals,
    funnel: {
      found: totals.found,
      drafted: totals.drafted,
      sent: totals.sent,
      viewed: sentVacancies.filter((v) => reached(histories.get(v)?.statuses, 'viewed')).length,
      invited: sentVacancies.filter((v) => reached(histories.get(v)?.statuses, 'invited')).length,
    },
    perDay: [...perDay.values()],
    // Names are the user's; null is "no template" (letters from before templates were recorded, or the built-in one).
    byTemplate: rates(
      (sent) => sent.templateId,
      (id) => (id === null ? '' : (templateName.get(id) ?? '')),
    ),
    bySearch: rates(
      (sent) => histories.get(sent.vacancyId)?.searchId ?? null,
      (id) => (id === null ? '' : (searchName.get(id) ?? '')),
    ),
    needsYou: {
      lettersToReview: drafts.total,
      unreadChats: unread.total,
      applyByHand: counts.needs_manual ?? 0,
      captcha: stopped?.code === 'hh_captcha',
      signedOut: Boolean(stopped && stopped.code !== 'hh_captcha'),
    },
  };
}
