import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';

const resume = (hhId: string, title: string, hash: string | null = `h-${hhId}`) => ({
  hhId,
  hash,
  title,
  raw: { id: hhId, title, area: { name: 'Москва' } },
});

describe('ResumeRepository', () => {
  const t = useTestDatabase();

  it('replaceAll stores hh.ru list and reads it back', async () => {
    const { repos, clock } = t();
    expect(await repos.resumes.replaceAll([resume('r1', 'Frontend-разработчик'), resume('r2', 'Аналитик данных', null)])).toEqual({
      added: 2,
      updated: 0,
      removed: 0,
    });
    // Russian titles first, then Latin ones.
    expect(await repos.resumes.list()).toEqual([
      expect.objectContaining({ hhId: 'r2', hash: null, title: 'Аналитик данных' }),
      {
        id: expect.any(Number),
        hhId: 'r1',
        hash: 'h-r1',
        title: 'Frontend-разработчик',
        raw: resume('r1', 'Frontend-разработчик').raw,
        updatedAt: clock.now().toISOString(),
      },
    ]);
    expect(await repos.resumes.getByHhId('r2')).toMatchObject({ title: 'Аналитик данных' });
    expect(await repos.resumes.getByHhId('missing')).toBeUndefined();
  });

  it('removes resumes gone from hh.ru and moves updatedAt only for changed ones', async () => {
    const { repos, clock } = t();
    await repos.resumes.replaceAll([resume('r1', 'Frontend'), resume('r2', 'Backend'), resume('r3', 'QA')]);
    const before = clock.now().toISOString();
    clock.advance(60_000);
    expect(await repos.resumes.replaceAll([resume('r1', 'Frontend'), resume('r2', 'Backend', 'h-new'), resume('r4', 'Design')])).toEqual({
      added: 1,
      updated: 2,
      removed: 1,
    });
    const byId = Object.fromEntries((await repos.resumes.list()).map((r) => [r.hhId, r]));
    expect(Object.keys(byId).sort()).toEqual(['r1', 'r2', 'r4']);
    expect(byId.r1?.updatedAt).toBe(before);
    expect(byId.r2).toMatchObject({ hash: 'h-new', updatedAt: clock.now().toISOString() });
    expect(byId.r4?.updatedAt).toBe(clock.now().toISOString());
  });

  it('lists by title, case-insensitively in Russian', async () => {
    const { resumes } = t().repos;
    await resumes.replaceAll([resume('r1', 'Тестировщик'), resume('r2', 'аналитик'), resume('r3', 'Бэкенд-разработчик')]);
    expect((await resumes.list()).map((r) => r.title)).toEqual(['аналитик', 'Бэкенд-разработчик', 'Тестировщик']);
  });

  it('an empty list from hh.ru empties the table', async () => {
    const { resumes } = t().repos;
    await resumes.replaceAll([resume('r1', 'Frontend')]);
    expect(await resumes.replaceAll([])).toEqual({ added: 0, updated: 0, removed: 1 });
    expect(await resumes.list()).toEqual([]);
  });

  it('is all or nothing', async () => {
    const { resumes } = t().repos;
    await resumes.replaceAll([resume('r1', 'Frontend')]);
    await expect(resumes.replaceAll([resume('r2', 'Backend'), { ...resume('r3', 'QA'), hhId: '' }])).rejects.toThrow();
    expect((await resumes.list()).map((r) => r.hhId)).toEqual(['r1']);
  });
});
