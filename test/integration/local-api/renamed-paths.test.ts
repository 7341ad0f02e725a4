import { describe, expect, it } from 'vitest';
import { currentPath, renamedPaths } from '../../../main/core/local-api/routes';
import { closeAfterEach } from '../../support/contract';
import { startLocalApi } from '../../support/local-api';
import { startTestCore } from '../../support/core';

const keep = closeAfterEach();

describe('Local API: paths renamed in 0.2.0 answer for one more release', () => {
  it('maps each old path (and what is under it) to its new one, and leaves others alone', () => {
    expect(currentPath('/api/v1/interviews/7/answers')).toEqual({
      path: '/api/v1/builder/interviews/7/answers',
      renamedFrom: '/api/v1/interviews/7/answers',
    });
    expect(currentPath('/api/v1/stats')).toEqual({ path: '/api/v1/dashboard', renamedFrom: '/api/v1/stats' });
    expect(currentPath('/api/v1/letters/lab')).toEqual({ path: '/api/v1/templates/try', renamedFrom: '/api/v1/letters/lab' });
    // A path that only starts with the same letters is another path.
    expect(currentPath('/api/v1/statsx')).toEqual({ path: '/api/v1/statsx' });
    expect(currentPath('/api/v1/letters/1')).toEqual({ path: '/api/v1/letters/1' });
    expect(renamedPaths.length).toBe(4);
  });

  it("an old path gets the new one's answer with Deprecation and Link headers; the docs list only the new paths", async () => {
    const { core } = keep(await startTestCore());
    const api = keep(await startLocalApi(core));
    const fresh = await api.call('get', '/dashboard?days=7', { token: api.read.token, template: '/dashboard' });
    const old = await api.call('get', '/stats?days=7', { token: api.read.token, template: '/dashboard' });
    expect(old.status).toBe(200);
    expect(old.body).toEqual(fresh.body);
    expect(old.headers.get('deprecation')).toBe('true');
    expect(old.headers.get('link')).toBe('</api/v1/dashboard>; rel="successor-version"');
    expect(fresh.headers.get('deprecation')).toBeNull();

    const builder = await api.call('get', '/interviews?limit=5', { token: api.read.token, template: '/builder/interviews' });
    expect(builder).toMatchObject({ status: 200, body: { items: [] } });
    expect(Object.keys(api.doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/builder/interviews', '/api/v1/dashboard', '/api/v1/templates/try']),
    );
    expect(
      Object.keys(api.doc.paths).filter((path) => /\/(interviews|stats|letters\/lab)\b/.test(path.replace('/builder/interviews', ''))),
    ).toEqual([]);
  });
});
