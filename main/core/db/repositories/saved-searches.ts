import { savedSearchInputSchema, searchFiltersSchema, type SavedSearch, type SavedSearchInput } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient, Row } from '../client';
import { sortBy } from './collate';
import { bool, flag, json } from './rows';

const toSearch = (row: Row): SavedSearch => ({
  id: Number(row.id),
  name: String(row.name),
  filters: searchFiltersSchema.parse(json(row.filters_json, {})),
  intervalHours: Number(row.interval_hours),
  active: bool(row.active),
  mode: row.mode as SavedSearch['mode'],
  minScore: row.min_score === null || row.min_score === undefined ? null : Number(row.min_score),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

export class SavedSearchRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  async create(input: SavedSearchInput): Promise<SavedSearch> {
    const search = savedSearchInputSchema.parse(input);
    const now = this.clock.now().toISOString();
    const { lastInsertRowid } = await this.db.run(
      'INSERT INTO saved_searches (name, filters_json, interval_hours, active, mode, min_score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [search.name, JSON.stringify(search.filters), search.intervalHours, flag(search.active), search.mode, search.minScore, now, now],
    );
    return (await this.get(lastInsertRowid))!;
  }

  async update(id: number, input: SavedSearchInput): Promise<SavedSearch | undefined> {
    const search = savedSearchInputSchema.parse(input);
    const result = await this.db.run(
      'UPDATE saved_searches SET name = ?, filters_json = ?, interval_hours = ?, active = ?, mode = ?, min_score = ?, updated_at = ? WHERE id = ?',
      [
        search.name,
        JSON.stringify(search.filters),
        search.intervalHours,
        flag(search.active),
        search.mode,
        search.minScore,
        this.clock.now().toISOString(),
        id,
      ],
    );
    return result.changes ? this.get(id) : undefined;
  }

  async get(id: number): Promise<SavedSearch | undefined> {
    const row = await this.db.get('SELECT * FROM saved_searches WHERE id = ?', [id]);
    return row ? toSearch(row) : undefined;
  }

  async list(): Promise<SavedSearch[]> {
    return sortBy((await this.db.all('SELECT * FROM saved_searches ORDER BY id')).map(toSearch), (search) => search.name);
  }

  /** Its job record (last run, next due time) goes with it: ids are never reused, but no record outlives its search. */
  async delete(id: number): Promise<boolean> {
    const [deleted] = await this.db.batch([
      { sql: 'DELETE FROM saved_searches WHERE id = ?', params: [id] },
      { sql: 'DELETE FROM job_runs WHERE job = ?', params: [`search:${id}`] },
    ]);
    return (deleted?.changes ?? 0) > 0;
  }
}
