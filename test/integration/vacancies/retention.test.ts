import { describe, expect, it } from 'vitest';
import { keepBounded, retention, setRetention } from '../../../main/core/vacancies/retention';
import { silentLogger } from '../../../main/core/ports';
import { sampleVacancy, useTestDatabase } from '../../support/db-fixture';

const DAY = 24 * 3_600_000;

describe('retention: old vacancies keep their row, not their description', () => {
  const t = useTestDatabase();

  it('trims what was set aside or closed before the cutoff, and nothing applied to, drafted or recent; compacts once 16 MB were freed since the last time', async () => {
    const { repos, clock } = t();
    const big = '<p>' + 'Описание вакансии. '.repeat(400) + '</p>';
    const add = async (status: Parameters<typeof repos.vacancies.setStatus>[1] | 'found', extra: { archived?: boolean } = {}) => {
      const facts = sampleVacancy({
        descriptionHtml: big,
        descriptionText: big.replace(/<[^>]+>/g, ''),
        archived: extra.archived ?? false,
        raw: { id: 'x', description: big },
      });
      await repos.vacancies.upsertMany([facts]);
      const stored = (await repos.vacancies.getByHhId(facts.hhId))!;
      if (status !== 'found') await repos.vacancies.setStatus(stored.id, status);
      return stored.id;
    };
    const old = {
      found: await add('found'),
      ignored: await add('ignored'),
      rejected: await add('rejected'),
      applied: await add('applied'),
      drafted: await add('drafted'),
      archivedApplied: await add('applied', { archived: true }),
    };
    clock.advance(61 * DAY);
    const recent = await add('ignored');
    let compactions = 0;
    const kept = await keepBounded({ repositories: repos, clock, log: silentLogger, compact: async () => void (compactions += 1) });
    expect(kept).toMatchObject({ trimmed: 4, compacted: false });
    const described = async (id: number) => (await repos.vacancies.get(id))!.descriptionText !== '';
    expect(await described(old.found)).toBe(false);
    expect(await described(old.ignored)).toBe(false);
    expect(await described(old.rejected)).toBe(false);
    expect(await described(old.archivedApplied)).toBe(false);
    expect(await described(old.applied)).toBe(true);
    expect(await described(old.drafted)).toBe(true);
    expect(await described(recent)).toBe(true);
    // The row stays as it was: title, status, and its raw copy emptied.
    expect(await repos.vacancies.get(old.rejected)).toMatchObject({ status: 'rejected', raw: {}, descriptionHtml: '' });
    // Trimmed once: the next day finds nothing more to do.
    expect(
      await keepBounded({ repositories: repos, clock, log: silentLogger, compact: async () => void (compactions += 1) }),
    ).toMatchObject({ trimmed: 0 });

    // A user who keeps a shorter time: many old vacancies freed at once, and the file is compacted.
    await repos.vacancies.upsertMany(
      Array.from({ length: 1200 }, () => sampleVacancy({ descriptionHtml: big, descriptionText: big.replace(/<[^>]+>/g, '') })),
    );
    await setRetention(repos, { days: 14 });
    clock.advance(15 * DAY);
    const many = await keepBounded({ repositories: repos, clock, log: silentLogger, compact: async () => void (compactions += 1) });
    expect(many.trimmed).toBe(1201);
    expect(many.freedBytes).toBeGreaterThan(16 * 1024 * 1024);
    expect(many).toMatchObject({ compacted: true });
    expect(compactions).toBe(1);
  });

  it('is 60 days unless the user chose otherwise, and refuses less than 14 or more than 3650 days', async () => {
    const { repos } = t();
    expect(await retention(repos)).toEqual({ days: 60 });
    expect(await setRetention(repos, { days: 120 })).toEqual({ days: 120 });
    expect(await retention(repos)).toEqual({ days: 120 });
    await expect(setRetention(repos, { days: 7 })).rejects.toThrow(/at least 14/);
    await expect(setRetention(repos, { days: 4000 })).rejects.toThrow(/at most 3650/);
  });
});
