import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { AppError } from '../../../main/core/errors';
import { useTestDatabase } from '../../support/db-fixture';

const input = (name: string) => ({ name, instruction: 'Упомяни мой опыт с React и TypeScript, предложи созвониться.' });
const messages = (err: unknown) => (err instanceof ZodError ? err.issues.map((issue) => issue.message) : []);

describe('LetterTemplateRepository', () => {
  const t = useTestDatabase();

  it('creates with defaults; the first template becomes the default', async () => {
    const { repos, clock } = t();
    const first = await repos.letterTemplates.create({ ...input('  Короткое  '), tone: 'дружелюбный' });
    expect(first).toEqual({
      id: expect.any(Number),
      name: 'Короткое',
      instruction: input('').instruction,
      tone: 'дружелюбный',
      maxLength: 2000,
      isDefault: true,
      updatedAt: clock.now().toISOString(),
    });
    const second = await repos.letterTemplates.create({ ...input('Подробное'), maxLength: 5000 });
    expect(second).toMatchObject({ isDefault: false, maxLength: 5000, tone: '' });
    expect(await repos.letterTemplates.getDefault()).toEqual(first);
  });

  it('rejects bad input with friendly messages', async () => {
    const { letterTemplates } = t().repos;
    const empty = await letterTemplates.create({ name: '', instruction: ' ' }).catch((err: unknown) => err);
    expect(messages(empty)).toEqual([
      'Give the template a name',
      'Write what the letter should say, for example: mention my Go experience',
    ]);
    const short = await letterTemplates.create({ ...input('a'), maxLength: 99 }).catch((err: unknown) => err);
    expect(messages(short)).toEqual(['A letter needs room: allow at least 100 characters']);
    const long = await letterTemplates.create({ ...input('a'), maxLength: 10_001 }).catch((err: unknown) => err);
    expect(messages(long)).toEqual(['hh.ru letters are short: allow at most 10000 characters']);
    const fraction = await letterTemplates.create({ ...input('a'), maxLength: 500.5 }).catch((err: unknown) => err);
    expect(messages(fraction)).toEqual(['Enter a whole number of characters']);
    await expect(letterTemplates.create({ ...input('a'), maxLength: 100 })).resolves.toMatchObject({ maxLength: 100 });
    await expect(letterTemplates.create({ ...input('b'), maxLength: 10_000 })).resolves.toMatchObject({ maxLength: 10_000 });
  });

  it('refuses a name that is taken, as an AppError naming the field', async () => {
    const { letterTemplates } = t().repos;
    await letterTemplates.create(input('Основное'));
    const other = await letterTemplates.create(input('Другое'));
    const taken = await letterTemplates.create(input('Основное')).catch((err: unknown) => err);
    expect(taken).toBeInstanceOf(AppError);
    expect((taken as AppError).toValue()).toMatchObject({ code: 'invalid_input', issues: [{ path: 'name' }] });
    expect((taken as AppError).message).toContain('"Основное" already exists');
    await expect(letterTemplates.update(other.id, input('Основное'))).rejects.toBeInstanceOf(AppError);
    // Keeping its own name is fine.
    await expect(letterTemplates.update(other.id, { ...input('Другое'), tone: 'строгий' })).resolves.toMatchObject({ tone: 'строгий' });
  });

  it('updates a template and says when it does not exist', async () => {
    const { repos, clock } = t();
    const template = await repos.letterTemplates.create(input('Основное'));
    clock.advance(60_000);
    const updated = await repos.letterTemplates.update(template.id, { name: 'Главное', instruction: 'Коротко и по делу.', maxLength: 800 });
    expect(updated).toEqual({
      ...template,
      name: 'Главное',
      instruction: 'Коротко и по делу.',
      maxLength: 800,
      updatedAt: clock.now().toISOString(),
    });
    expect(await repos.letterTemplates.update(template.id + 100, input('x'))).toBeUndefined();
  });

  it('keeps exactly one default', async () => {
    const { letterTemplates } = t().repos;
    const a = await letterTemplates.create(input('A'));
    const b = await letterTemplates.create(input('B'));
    const c = await letterTemplates.create(input('C'));
    const defaults = async () => (await letterTemplates.list()).filter((x) => x.isDefault).map((x) => x.id);

    expect(await letterTemplates.setDefault(b.id)).toBe(true);
    expect(await defaults()).toEqual([b.id]);
    expect(await letterTemplates.setDefault(b.id)).toBe(true);
    expect(await defaults()).toEqual([b.id]);
    expect(await letterTemplates.setDefault(c.id + 100)).toBe(false);
    expect(await defaults()).toEqual([b.id]);

    // Deleting the default hands it to the oldest remaining template.
    expect(await letterTemplates.delete(b.id)).toBe(true);
    expect(await defaults()).toEqual([a.id]);
    expect(await letterTemplates.delete(c.id)).toBe(true);
    expect(await defaults()).toEqual([a.id]);
    expect(await letterTemplates.delete(a.id)).toBe(true);
    expect(await letterTemplates.getDefault()).toBeUndefined();
    expect(await letterTemplates.delete(a.id)).toBe(false);
  });

  it('lists by name and gets by id', async () => {
    const { letterTemplates } = t().repos;
    await letterTemplates.create(input('Вежливое'));
    const b = await letterTemplates.create(input('бодрое'));
    await letterTemplates.create(input('Алгоритмы'));
    await letterTemplates.create(input('академичное'));
    await letterTemplates.create(input('English'));
    // Case-insensitive for Cyrillic too, which SQLite's NOCASE is not.
    expect((await letterTemplates.list()).map((x) => x.name)).toEqual(['академичное', 'Алгоритмы', 'бодрое', 'Вежливое', 'English']);
    expect(await letterTemplates.get(b.id)).toMatchObject({ name: 'бодрое' });
    expect(await letterTemplates.get(b.id + 100)).toBeUndefined();
  });
});
