import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { startTestCore, type TestCore } from '../../support/core';

let app: TestCore | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("'data.changed': every window hears what a call changed", () => {
  it('a change says what it touched; a read, a refused call and a failed one say nothing', async () => {
    app = await startTestCore();
    const heard: EventPayload<'data.changed'>[] = [];
    app.core.events.on('data.changed', (payload) => heard.push(payload));

    await app.core.invoke('searches.list', {});
    await app.core.invoke('profile.get', {});
    await app.core.invoke('profile.set', { name: 'Иван', telegram: 'not a handle', email: '', phone: '', links: [] });
    expect(heard).toEqual([]);

    await app.core.invoke('searches.save', { search: { name: 'Go', filters: { text: 'golang' } } });
    await app.core.invoke('applying.setSettings', { dailyCap: 30 });
    expect(heard).toEqual([
      { kinds: ['searches'], channel: 'searches.save' },
      { kinds: ['applying'], channel: 'applying.setSettings' },
    ]);
  });
});
