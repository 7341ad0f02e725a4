import { letterTemplateInputSchema, type LetterTemplate, type LetterTemplateInput } from '../../../../shared/domain';
import { AppError } from '../../errors';
import type { Clock } from '../../ports';
import { Cached } from './cached';
import type { DatabaseClient, Row } from '../client';
import { sortBy } from './collate';
import { bool } from './rows';

const toTemplate = (row: Row): LetterTemplate => ({
  id: Number(row.id),
  name: String(row.name),
  instruction: String(row.instruction),
  tone: String(row.tone),
  maxLength: Number(row.max_length),
  isDefault: bool(row.is_default),
  updatedAt: String(row.updated_at),
});

// Whenever templates exist, exactly one is the default: the first one created becomes it, and
// deleting the default hands the role to the oldest remaining template.
const PROMOTE_OLDEST = `UPDATE letter_templates SET is_default = 1
  WHERE id = (SELECT min(id) FROM letter_templates) AND NOT EXISTS (SELECT 1 FROM letter_templates WHERE is_default = 1)`;

export class LetterTemplateRepository {
  constructor(
    private readonly db: DatabaseClient,
    private readonly clock: Clock,
  ) {}

  /** The default template, read for every letter: kept in memory between writes of the table (see Cached). */
  readonly #default = new Cached<LetterTemplate | undefined>();

  async create(input: LetterTemplateInput): Promise<LetterTemplate> {
    return this.#default.write(() => this.#create(input));
  }

  async #create(input: LetterTemplateInput): Promise<LetterTemplate> {
    const template = letterTemplateInputSchema.parse(input);
    await this.#refuseTakenName(template.name, null);
    const { lastInsertRowid } = await this.db.run(
      `INSERT INTO letter_templates (name, instruction, tone, max_length, is_default, updated_at)
       VALUES (?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM letter_templates WHERE is_default = 1), ?)`,
      [template.name, template.instruction, template.tone, template.maxLength, this.clock.now().toISOString()],
    );
    return (await this.get(lastInsertRowid))!;
  }

  async update(id: number, input: LetterTemplateInput): Promise<LetterTemplate | undefined> {
    return this.#default.write(() => this.#update(id, input));
  }

  async #update(id: number, input: LetterTemplateInput): Promise<LetterTemplate | undefined> {
    const template = letterTemplateInputSchema.parse(input);
    await this.#refuseTakenName(template.name, id);
    const result = await this.db.run(
      'UPDATE letter_templates SET name = ?, instruction = ?, tone = ?, max_length = ?, updated_at = ? WHERE id = ?',
      [template.name, template.instruction, template.tone, template.maxLength, this.clock.now().toISOString(), id],
    );
    return result.changes ? this.get(id) : undefined;
  }

  async delete(id: number): Promise<boolean> {
    const [deleted] = await this.#default.write(() =>
      this.db.batch([{ sql: 'DELETE FROM letter_templates WHERE id = ?', params: [id] }, { sql: PROMOTE_OLDEST }]),
    );
    return (deleted?.changes ?? 0) > 0;
  }

  async get(id: number): Promise<LetterTemplate | undefined> {
    const row = await this.db.get('SELECT * FROM letter_templates WHERE id = ?', [id]);
    return row ? toTemplate(row) : undefined;
  }

  async list(): Promise<LetterTemplate[]> {
    return sortBy((await this.db.all('SELECT * FROM letter_templates ORDER BY id')).map(toTemplate), (template) => template.name);
  }

  /** Clears the others and sets this one in one transaction; an unknown id changes nothing. */
  async setDefault(id: number): Promise<boolean> {
    const guard = 'EXISTS (SELECT 1 FROM letter_templates WHERE id = $id)';
    const [, set] = await this.#default.write(() =>
      this.db.batch([
        { sql: `UPDATE letter_templates SET is_default = 0 WHERE id <> $id AND is_default = 1 AND ${guard}`, params: { $id: id } },
        { sql: `UPDATE letter_templates SET is_default = 1 WHERE id = $id`, params: { $id: id } },
      ]),
    );
    return (set?.changes ?? 0) > 0;
  }

  getDefault(): Promise<LetterTemplate | undefined> {
    return this.#default.read(async () => {
      const row = await this.db.get('SELECT * FROM letter_templates WHERE is_default = 1 ORDER BY id LIMIT 1');
      return row ? toTemplate(row) : undefined;
    });
  }

  // The UNIQUE constraint would catch it too, but with SQLite's wording; this says it for people.
  async #refuseTakenName(name: string, ownId: number | null): Promise<void> {
    const taken = await this.db.get('SELECT 1 AS taken FROM letter_templates WHERE name = ? AND id IS NOT ?', [name, ownId]);
    if (taken) {
      const message = `A template named "${name}" already exists. Choose another name.`;
      throw new AppError('invalid_input', message, [{ path: 'name', message }]);
    }
  }
}
