import { profileSchema, type Profile, type ProfileInput } from '../../../../shared/domain';
import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';
import { Cached } from './cached';
import { json } from './rows';

export class ProfileRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** Read for every letter: kept in memory between writes (see Cached). */
  readonly #cached = new Cached<Profile>();

  get(): Promise<Profile> {
    return this.#cached.read(() => this.#read());
  }

  async #read(): Promise<Profile> {
    const row = await this.db.get('SELECT * FROM profile WHERE id = 1');
    if (!row) return profileSchema.parse({});
    return {
      name: String(row.name),
      telegram: String(row.telegram),
      email: String(row.email),
      phone: String(row.phone),
      links: json<string[]>(row.links_json, []),
      salaryExpectation: String(row.salary_expectation ?? ''),
    };
  }

  async save(input: ProfileInput): Promise<Profile> {
    const profile = profileSchema.parse(input);
    await this.#cached.write(() =>
      this.db.run(
        `INSERT INTO profile (id, name, telegram, email, phone, links_json, salary_expectation, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, telegram = excluded.telegram, email = excluded.email,
         phone = excluded.phone, links_json = excluded.links_json, salary_expectation = excluded.salary_expectation,
         updated_at = excluded.updated_at`,
        [
          profile.name,
          profile.telegram,
          profile.email,
          profile.phone,
          JSON.stringify(profile.links),
          profile.salaryExpectation,
          this.clock.now().toISOString(),
        ],
      ),
    );
    return profile;
  }
}
