import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../../main/core/contract/dispatch';
import { AppError } from '../../../main/core/errors';
import type { Logger } from '../../../main/core/ports';

const logger = (): Logger & { errors: unknown[] } => {
  const errors: unknown[] = [];
  return { info() {}, warn() {}, error: (m, d) => errors.push({ m, d }), errors };
};

/** Only the channels these tests call; the rest are never reached. */
const handlers = (overrides: Partial<Handlers> = {}): Handlers =>
  ({
    'app.info': () => ({ name: 'x', version: '1', shell: 'headless', platform: 'linux' }),
    'app.ping': ({ message }) => ({ reply: message, at: new Date(0).toISOString() }),
    'automation.get': () => ({ paused: false, changedAt: new Date(0).toISOString() }),
    'automation.setPaused': ({ paused }) => ({ paused, changedAt: new Date(0).toISOString() }),
    'preferences.get': () => ({ language: 'ru', theme: 'system', lastScreen: 'dashboard', setupDone: false }),
    'preferences.set': () => ({ language: 'ru', theme: 'system', lastScreen: 'dashboard', setupDone: false }),
    'notices.list': () => [],
    'notices.dismiss': () => [],
    'audit.list': ({ limit, offset }) => ({ items: [], total: 0, limit, offset }),
    'vault.status': () => ({ persistent: true, backend: 'test', weakProtectionAccepted: false }),
    'vault.acceptWeakProtection': () => ({ persistent: true, backend: 'test', weakProtectionAccepted: true }),
    ...overrides,
  }) as Handlers;

describe('dispatch', () => {
  it('returns the handler value on success', async () => {
    expect(await dispatch(handlers(), 'app.ping', { message: 'hi' }, logger())).toEqual({
      ok: true,
      value: { reply: 'hi', at: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const result = await dispatch(handlers(), 'secrets.dump', {}, logger());
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses malformed input with field-level issues and never calls the handler', async () => {
    const spy = vi.fn();
    const result = await dispatch(handlers({ 'automation.setPaused': spy }), 'automation.setPaused', { paused: 'yes' }, logger());
    expect(spy).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'paused' }] } });
  });

  it('turns a thrown bug into a typed internal error without leaking its message', async () => {
    const log = logger();
    const result = await dispatch(
      handlers({
        'app.info': () => {
          throw new Error('token=SECRET123 at /home/user/file');
        },
      }),
      'app.info',
      {},
      log,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toContain('SECRET123');
    expect(log.errors).toHaveLength(1);
  });

  it('passes an AppError through as the user-facing error', async () => {
    const result = await dispatch(
      handlers({
        'app.info': async () => {
          throw new AppError('not_found', 'No such resume on hh.ru.');
        },
      }),
      'app.info',
      {},
      logger(),
    );
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No such resume on hh.ru.' } });
  });

  it('rejects a handler answer outside the contract and strips fields the contract does not name', async () => {
    const bad = await dispatch(handlers({ 'automation.get': () => ({ paused: 'no' }) as never }), 'automation.get', {}, logger());
    expect(bad).toMatchObject({ ok: false, error: { code: 'internal' } });

    const extra = await dispatch(
      handlers({
        'preferences.get': () =>
          ({ language: 'en', theme: 'dark', lastScreen: 'chats', setupDone: true, hhAccessToken: 'SECRET' }) as never,
      }),
      'preferences.get',
      {},
      logger(),
    );
    expect(extra).toEqual({ ok: true, value: { language: 'en', theme: 'dark', lastScreen: 'chats', setupDone: true } });
  });

  it('treats a missing input as an empty object', async () => {
    expect(await dispatch(handlers(), 'app.info', undefined, logger())).toMatchObject({ ok: true });
  });
});
