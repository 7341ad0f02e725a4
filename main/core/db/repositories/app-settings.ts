import type { z } from 'zod';
import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';
import { Cached } from './cached';

/**
 * Small named settings that live with the user's data, each read through its own zod schema: a
 * value that no longer fits (an older shape, a hand-edited file) reads as absent, never as garbage.
 */
export class AppSettingsRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** Each key's stored text, kept in memory between writes of it (several are read for every letter; see Cached). */
  readonly #cached = new Map<string, Cached<string | null>>();

  #slot(key: string): Cached<string | null> {
    let slot = this.#cached.get(key);
    if (!slot) this.#cached.set(key, (slot = new Cached()));
    return slot;
  }

  async get<T extends z.ZodType>(key: string, schema: T): Promise<z.output<T> | undefined> {
    const stored = await this.#slot(key).read(
      async () =>
        (await this.db.get<{ value_json: string }>('SELECT value_json FROM app_settings WHERE key = ?', [key]))?.value_json ?? null,
    );
    if (stored === null) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.#slot(key).write(() =>
      this.db.run(
        `INSERT INTO app_settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        [key, JSON.stringify(value), this.clock.now().toISOString()],
      ),
    );
  }

  async delete(key: string): Promise<void> {
    await this.#slot(key).write(() => this.db.run('DELETE FROM app_settings WHERE key = ?', [key]));
  }
}
