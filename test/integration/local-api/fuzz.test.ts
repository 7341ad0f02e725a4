import { describe, expect, it } from 'vitest';
import { routes } from '../../../main/core/local-api/routes';
import { closeAfterEach } from '../../support/contract';
import { startTestCore } from '../../support/core';
import { movableClock } from '../../support/hh';
import { startLocalApi } from '../../support/local-api';
import { seededRandom } from '../../support/random';

/**
 * Malformed requests on every route, with a valid write token: junk in the path's ids, bodies of the
 * wrong shape and type, and bodies that are not JSON. Every answer is a documented status below 500
 * with the contract's error, and the app stays up (the audit's fuzz found 19 answers of 5xx).
 */

const keep = closeAfterEach();

const JUNK_IDS = ['abc', '-1', '0', '1.5', '99999999999999999999', '%E0%A4%A', 'null', '1e3', ' 1', '00000000-0000-0000-0000-000000000000'];

function junkValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(random() * 2 ** 40) * (random() < 0.5 ? -1 : 1);
    case 2:
      return random() < 0.5 ? '' : 'ж'.repeat(Math.floor(random() * 3000));
    case 3:
      return random() < 0.5;
    case 4:
      return 'x'.repeat(Math.floor(random() * 20));
    case 5:
      return random() * 1e6;
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => junkValue(random, depth + 1));
    default: {
      const keys = [
        'id',
        'name',
        'vacancyId',
        'resumeHhId',
        'link',
        'days',
        'settings',
        'search',
        'letter',
        'enabled',
        'scope',
        'text',
        '__proto__',
        'constructor',
      ];
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
          keys[Math.floor(random() * keys.length)]!,
          junkValue(random, depth + 1),
        ]),
      );
    }
  }
}

describe('Local API under malformed requests', () => {
  it('answers every one below 500, as documented, and keeps serving', async () => {
    const clock = movableClock(new Date(2026, 11, 7, 10, 0).getTime());
    const { core } = keep(await startTestCore({ clock }));
    const api = keep(await startLocalApi(core, { clock, rateLimit: { burst: 100_000, perSecond: 1 } }));
    const random = seededRandom(20261207);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const variants: { path: string; body?: unknown; rawBody?: string }[] = [];
      for (let i = 0; i < 3; i += 1) {
        const path = route.path.replace(/\{[^}]+\}/g, () =>
          encodeURI(JUNK_IDS[Math.floor(random() * JUNK_IDS.length)]!).replace(/%25/g, '%'),
        );
        if (route.method === 'get' || route.method === 'delete')
          variants.push({ path: `${path}?limit=${encodeURIComponent(String(junkValue(random)).slice(0, 200))}&offset=-5&statuses=nope` });
        else variants.push({ path, body: junkValue(random) });
      }
      if (route.method !== 'get' && route.method !== 'delete') {
        variants.push({ path: route.path.replace(/\{[^}]+\}/g, '1'), rawBody: '{"unterminated": ' });
        variants.push({ path: route.path.replace(/\{[^}]+\}/g, '1'), rawBody: '[1, 2, 3]' });
      }
      for (const variant of variants) {
        sent += 1;
        const answer = await api.call(route.method, variant.path, {
          template: route.path,
          ...(variant.body !== undefined && { body: variant.body }),
          ...(variant.rawBody !== undefined && { rawBody: variant.rawBody }),
        });
        if (answer.status >= 500)
          failures.push(`${route.method.toUpperCase()} ${variant.path} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        else if (answer.status >= 400 && !(answer.body && answer.body.ok === false && typeof answer.body.error?.code === 'string')) {
          failures.push(`${route.method.toUpperCase()} ${variant.path} -> ${answer.status} without the contract's error`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 3);
    // Still serving after all of it.
    expect((await api.call('get', '/info', { token: api.read.token })).status).toBe(200);
    // Hundreds of requests one after another: sized for a loaded machine, not a fast one.
  }, 120_000);
});
