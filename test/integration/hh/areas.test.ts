import { expect, it } from 'vitest';
import type { Area } from '../../../shared/contract';
import { readAppEnv } from '../../../main/core/secrets';
import { startFakeHh } from '../../fakes/hh/server';
import { closeAfterEach, ok } from '../../support/contract';
import { startTestCore } from '../../support/core';
import { movableClock } from '../../support/hh';

/** Regions by name on every path: hh.ru's public area tree (no token), kept and read again weekly, a bundled copy when hh.ru cannot be reached. */

const keep = closeAfterEach();
const DAY = 86_400_000;
const names = (areas: Area[]): string[] => areas.flatMap((area) => [area.name, ...names(area.areas)]);

it("without any sign-in, the tree comes from hh.ru's public /areas (no token sent), is kept a week, then read again; hh.ru down then leaves the kept copy", async () => {
  const fake = keep(await startFakeHh());
  const clock = movableClock();
  const { core } = keep(await startTestCore({ clock, env: readAppEnv({ HH_API_BASE_URL: fake.apiUrl }) }));
  const reads = () => fake.requests.filter((r) => r.path === '/areas');
  const first = ok<Area[]>(await core.invoke('hh.areas', {}));
  expect(names(first)).toContain('Россия');
  expect(reads()).toHaveLength(1);
  expect(reads()[0]!.headers.authorization).toBeUndefined();

  clock.advance(6 * DAY);
  ok(await core.invoke('hh.areas', {}));
  expect(reads()).toHaveLength(1);

  clock.advance(2 * DAY);
  // A week on, hh.ru is asked again; it is down (every retry too): the kept copy answers.
  fake.failNext('GET /areas', { status: 503, body: { errors: [{ type: 'service_unavailable' }] } }, 100);
  expect(ok<Area[]>(await core.invoke('hh.areas', {}))).toEqual(first);
  const afterFailure = reads().length;
  expect(afterFailure).toBeGreaterThan(1);
  fake.clearFailures();
  ok(await core.invoke('hh.areas', {}));
  expect(reads()).toHaveLength(afterFailure + 1);
});

it('with hh.ru out of reach and no kept copy, the bundled copy still finds «Казань» by name', async () => {
  const { core } = keep(
    await startTestCore({
      env: readAppEnv({ HH_API_BASE_URL: 'http://127.0.0.1:9' }),
      hhRetry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    }),
  );
  const areas = ok<Area[]>(await core.invoke('hh.areas', {}));
  expect(names(areas)).toEqual(expect.arrayContaining(['Россия', 'Москва', 'Санкт-Петербург', 'Казань']));
});
