import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../support/contract';
import { startHhWorld } from '../../support/hh';
import { startLocalApi } from '../../support/local-api';

const keep = closeAfterEach();

describe('Local API: hh.ru sign-in through the official API', () => {
  it('gives the authorize URL, completes the sign-in at /api/v1/hh/callback (no token: hh.ru redirects a browser there), and refreshes', async () => {
    const world = keep(await startHhWorld());
    const api = keep(await startLocalApi(world.app.core, { clock: world.clock }));
    expect((await api.call('get', '/hh/status')).body).toMatchObject({ signedIn: false, app: { configured: true } });

    world.fake.signIn({ name: 'Анна Иванова', email: 'anna@example.ru' });
    const started = await api.call('post', '/hh/authorize', { body: { mode: 'default' } });
    expect(started.problems).toEqual([]);
    const outcome = await world.fake.completeAuthorization(started.body.authorizeUrl as string, { decision: 'allow' });

    const back = new URL(outcome.location);
    const callback = await api.call('get', `/hh/callback${back.search}`, { token: null, template: '/hh/callback' });
    expect(callback).toMatchObject({ status: 200, body: { signedIn: true, via: 'api' }, problems: [] });
    // The same redirect again: its one-time state is spent.
    const again = await api.call('get', `/hh/callback${back.search}`, { token: null, template: '/hh/callback' });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.problems).toEqual([]);

    const refreshed = await api.call('post', '/hh/refresh');
    expect(refreshed).toMatchObject({ status: 200, body: { signedIn: true }, problems: [] });
  });
});
