import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { Clock } from '../ports';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tools that kept accounts healthy used 5 to 40 a day; hh.ru's own ceiling is about 200. */
export const DEFAULT_DAILY_CAP = 20;
const settingsSchema = z.object({ dailyCap: z.number().int().min(1).max(200) });

/**
 * Applications in a rolling 24 hours, counted from what was actually sent (whichever path sent
 * it), so the official API and the website share one budget.
 */
export class DailyCap {
  constructor(
    private readonly repositories: Repositories,
    private readonly clock: Clock,
  ) {}

  async settings() {
    return (await this.repositories.appSettings.get('applying.settings', settingsSchema)) ?? { dailyCap: DEFAULT_DAILY_CAP };
  }

  async setSettings(settings: { dailyCap: number }) {
    await this.repositories.appSettings.set('applying.settings', settings);
    return this.status();
  }

  async status() {
    const settings = await this.settings();
    const now = this.clock.now().getTime();
    const sent = await this.repositories.applications.sentTimesSince(new Date(now - DAY_MS).toISOString());
    const remaining = Math.max(0, settings.dailyCap - sent.length);
    // The slot that frees first is the oldest send inside the window that is over the cap.
    const blocking = sent[sent.length - settings.dailyCap];
    const nextSlotAt = remaining === 0 && blocking ? new Date(Date.parse(blocking) + DAY_MS).toISOString() : null;
    return { settings, sentLast24h: sent.length, remaining, nextSlotAt };
  }
}
