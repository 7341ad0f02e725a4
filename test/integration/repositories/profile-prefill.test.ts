import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/domain';
import { closeAfterEach, ok } from '../../support/contract';
import { signInThroughOAuth, startHhWorld } from '../../support/hh';

const keep = closeAfterEach();

describe('the profile after signing in to hh.ru', () => {
  it('takes the empty name and email from the hh.ru account, and never overwrites what the user typed', async () => {
    const world = keep(await startHhWorld());
    await signInThroughOAuth(world, { name: 'Анна Иванова', email: 'anna@example.ru' });
    const { core } = world.app;
    await expect.poll(async () => ok<Profile>(await core.invoke('profile.get', {})).email).toBe('anna@example.ru');
    expect(ok<Profile>(await core.invoke('profile.get', {}))).toMatchObject({ name: 'Анна Иванова', telegram: '' });

    ok(await core.invoke('profile.set', { name: 'Аня', email: 'me@example.org', phone: '', telegram: '@anna_dev', links: [] }));
    ok(await core.invoke('hh.refresh', {}));
    await core.flush();
    expect(ok<Profile>(await core.invoke('profile.get', {}))).toMatchObject({ name: 'Аня', email: 'me@example.org' });
  });
});
