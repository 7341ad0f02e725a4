import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hhPagesSchema, type HhPageId, type HhPages } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';
import type { Notices } from '../notices';
import type { CoreEvents } from '../events';
import type { Clock, Logger } from '../ports';
import type { PageCheck } from './website/page-check';

const KEY = 'hh.pages';
/** What is kept between runs (whether a check is possible depends on the session of this run). */
const keptSchema = hhPagesSchema.omit({ supported: true });
const NOTICE = 'hh.pageChanged';

export interface HhPagesDeps {
  /** The website transport's check; absent without a website session. */
  check?: (signal?: AbortSignal) => Promise<PageCheck[]>;
  repositories: Repositories;
  notices: Notices;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
  /** Where the keys of a page the app did not understand are saved, for a bug report. */
  shapesDir: string;
}

/**
 * The health of hh.ru's pages: at sign-in, before scheduled runs (at most once an hour) and on the
 * user's demand, every page the app depends on is read and checked. A page not understood holds
 * Autopilot's sending with a notice naming it (letters for review go on being written), and its
 * keys (no values) are saved to a file the user can attach to a bug report.
 */
export class HhPageHealth {
  #running?: Promise<HhPages>;

  constructor(private readonly deps: HhPagesDeps) {}

  async status(): Promise<HhPages> {
    const kept = await this.deps.repositories.appSettings.get(KEY, keptSchema);
    return { supported: Boolean(this.deps.check), checkedAt: kept?.checkedAt ?? null, pages: kept?.pages ?? [] };
  }

  /**
   * Checks now; a check under way is joined, not doubled, unless `fresh` (the user's "Check the
   * pages"), which waits for it and checks again. hh.ru's captcha or sign-in goes on up.
   */
  async check(options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<HhPages> {
    if (options.fresh && this.#running) await this.#running.catch(() => undefined);
    this.#running ??= this.#run(options.signal).finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** Checks when the last check is older than `maxAgeMs`; a failure is logged, never thrown (the run goes on). */
  async checkIfStale(maxAgeMs: number, signal?: AbortSignal): Promise<void> {
    if (!this.deps.check) return;
    const { checkedAt } = await this.status();
    if (checkedAt && this.deps.clock.now().getTime() - Date.parse(checkedAt) < maxAgeMs) return;
    await this.check({ signal }).catch((err: unknown) =>
      this.deps.log.warn("could not check hh.ru's pages", { error: err instanceof Error ? err.message : String(err) }),
    );
  }

  /** The first page the last check did not understand: Autopilot sends nothing while there is one. */
  async changedPage(): Promise<HhPageId | null> {
    return (await this.status()).pages.find((page) => page.state === 'changed')?.page ?? null;
  }

  async #run(signal?: AbortSignal): Promise<HhPages> {
    if (!this.deps.check) return this.status();
    const checks = await this.deps.check(signal);
    const checkedAt = this.deps.clock.now().toISOString();
    const pages = await Promise.all(
      checks.map(async ({ keys, ...check }) => ({
        ...check,
        savedShape: check.state === 'changed' ? await this.#save(check.page, checkedAt, check.detail, keys) : null,
      })),
    );
    const result: HhPages = { supported: true, checkedAt, pages };
    await this.deps.repositories.appSettings.set(KEY, { checkedAt, pages });
    const changed = pages.find((page) => page.state === 'changed');
    if (changed) {
      this.deps.notices.raise({
        id: NOTICE,
        level: 'error',
        code: 'hh_page_changed_hold',
        message: `hh.ru changed its ${changed.page} page; sending is held until the app is updated. Its outline (no personal data) is saved in ${changed.savedShape ?? "the app's data folder"} for a bug report.`,
        params: { page: changed.page, file: changed.savedShape ?? '' },
        dismissible: false,
      });
    } else this.deps.notices.clear(NOTICE);
    this.deps.events.emit('hh.pagesChecked', result);
    return result;
  }

  /** The page's keys to `<data>/hh-pages/<page>.json`; null when the file cannot be written (logged). */
  async #save(page: HhPageId, checkedAt: string, detail: string | null, keys: unknown): Promise<string | null> {
    const file = join(this.deps.shapesDir, `${page}.json`);
    try {
      await mkdir(this.deps.shapesDir, { recursive: true });
      await writeFile(file, `${JSON.stringify({ page, checkedAt, notUnderstood: detail, keys }, null, 2)}\n`, { mode: 0o600 });
      return file;
    } catch (err) {
      this.deps.log.warn('could not save the outline of a changed hh.ru page', {
        page,
        error: err instanceof Error ? err.message : String(err),
      });
      return null;
    }
  }
}
