import { z } from 'zod';
import type { ApplyingSettings } from '../../../shared/contract';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { Clock } from '../ports';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Tools that kept accounts healthy used 5 to 40 a day; hh.ru's own ceiling is about 200. */
export const DEFAULT_DAILY_CAP = 50;
export const DEFAULT_SETTINGS: ApplyingSettings = { dailyCap: DEFAULT_DAILY_CAP, perRunCap: 20, pauseMinSeconds: 10, pauseMaxSeconds: 25 };

/** Each field on its own, so settings saved before a field existed read with its default. */
const storedSchema = z.object({
  dailyCap: z.number().int().min(1).max(200).catch(DEFAULT_SETTINGS.dailyCap),
  perRunCap: z.number().int().min(1).max(200).catch(DEFAULT_SETTINGS.perRunCap),
  pauseMinSeconds: z.number().int().min(2).max(3600).catch(DEFAULT_SETTINGS.pauseMinSeconds),
  pauseMaxSeconds: z.number().int().min(2).max(3600).catch(DEFAULT_SETTINGS.pauseMaxSeconds),
});
const hhLimitSchema = z.object({ until: z.string() });
const SETTINGS_KEY = 'applying.settings';
const HH_LIMIT_KEY = 'applying.hhLimitUntil';

/**
 * The applying budget: the user's own cap on applications the app sends in a rolling 24 hours
 * (whichever path sent them, so the API and the website share it), the pause between
 * applications, and hh.ru's own 24-hour limit once hh.ru has said it is reached.
 */
export class DailyCap {
  constructor(
    private readonly repositories: Repositories,
    private readonly clock: Clock,
  ) {}

  async settings(): Promise<ApplyingSettings> {
    return (await this.repositories.appSettings.get(SETTINGS_KEY, storedSchema)) ?? DEFAULT_SETTINGS;
  }

  async setSettings(changes: Partial<ApplyingSettings>) {
    const settings = { ...(await this.settings()), ...changes };
    if (settings.pauseMinSeconds > settings.pauseMaxSeconds) {
      throw AppError.of('invalid_input', 'The shortest pause between applications cannot be longer than the longest.', {
        next: { kind: 'fix_input' },
      });
    }
    await this.repositories.appSettings.set(SETTINGS_KEY, settings);
    return this.status();
  }

  /** The start of the rolling window now: sends after it count. */
  windowStart(): string {
    return new Date(this.clock.now().getTime() - DAY_MS).toISOString();
  }

  /**
   * hh.ru refused with its 24-hour limit. hh.ru frees a slot 24 hours after the oldest application
   * in its window; the oldest the app knows of is no younger than hh.ru's, so that time (or a day
   * from now, when the app knows of none) is when trying again can make sense.
   */
  async recordHhLimit(): Promise<string> {
    const now = this.clock.now().getTime();
    const [oldest] = await this.repositories.applications.sentTimesSince(this.windowStart());
    const until = new Date(oldest ? Math.min(Date.parse(oldest) + DAY_MS, now + DAY_MS) : now + DAY_MS).toISOString();
    await this.repositories.appSettings.set(HH_LIMIT_KEY, { until });
    return until;
  }

  /** While hh.ru's own limit holds, the time it ends; else null. */
  async hhLimitedUntil(): Promise<string | null> {
    const stored = await this.repositories.appSettings.get(HH_LIMIT_KEY, hhLimitSchema);
    return stored && Date.parse(stored.until) > this.clock.now().getTime() ? stored.until : null;
  }

  async status() {
    const settings = await this.settings();
    const now = this.clock.now();
    const taken = await this.repositories.applications.capSlotsSince(this.windowStart(), now.toISOString());
    const hhLimitedUntil = await this.hhLimitedUntil();
    const ownRemaining = Math.max(0, settings.dailyCap - taken.length);
    // The slot that frees first is the oldest send inside the window that is over the cap.
    const blocking = taken[taken.length - settings.dailyCap];
    const ownNextSlot = ownRemaining === 0 && blocking ? new Date(Date.parse(blocking) + DAY_MS).toISOString() : null;
    const nextSlotAt =
      [ownNextSlot, hhLimitedUntil]
        .filter((at): at is string => at !== null)
        .sort()
        .at(-1) ?? null;
    return { settings, sentLast24h: taken.length, remaining: hhLimitedUntil ? 0 : ownRemaining, nextSlotAt, hhLimitedUntil };
  }
}
