/**
 * Quiet hours: no applications go out between `from` and `to` (local time of this machine, the
 * user's own clock), so an employer never gets a letter at 3 a.m. Searches and syncs still run.
 */
export interface QuietHours {
  enabled: boolean;
  /** "HH:MM", 24-hour. A range past midnight (23:00-08:00) wraps. */
  from: string;
  to: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, from: '23:00', to: '08:00' };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** When the quiet hours around `now` end, or null when `now` is not in them. */
export function quietUntil(now: Date, quiet: QuietHours): Date | null {
  if (!quiet.enabled) return null;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return null;
  const minute = now.getHours() * 60 + now.getMinutes();
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return null;
  const end = new Date(now);
  end.setHours(Math.floor(to / 60), to % 60, 0, 0);
  if (end <= now) end.setDate(end.getDate() + 1);
  return end;
}
