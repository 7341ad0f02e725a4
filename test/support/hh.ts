import type { Clock } from '../../main/core/ports';
import { readAppEnv } from '../../main/core/secrets';
import { DEFAULT_CLIENT, startFakeHh, type FakeHh, type FakeHhOptions } from '../fakes/hh/server';
import { startTestCore, type TestCore } from './core';

/** A clock tests can move: the app's idea of "now", independent of the fake hh.ru's. */
export const movableClock = (start = Date.now()) => {
  let now = start;
  const clock: Clock & { advance(ms: number): void; set(ms: number): void } = {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (ms) => void (now = ms),
  };
  return clock;
};

export interface HhWorld {
  fake: FakeHh;
  app: TestCore;
  clock: ReturnType<typeof movableClock>;
  close(): Promise<void>;
}

/** A fake hh.ru and a real core pointed at it (own application configured through env). */
export async function startHhWorld(
  options: {
    fake?: FakeHhOptions;
    withApp?: boolean;
    timeoutMs?: number;
    core?: Omit<Parameters<typeof startTestCore>[0] & object, 'env' | 'clock'>;
  } = {},
): Promise<HhWorld> {
  const fake = await startFakeHh({ now: Date.now(), ...options.fake });
  const clock = movableClock();
  const env = readAppEnv({
    HH_API_BASE_URL: fake.apiUrl,
    HH_OAUTH_BASE_URL: fake.oauthUrl,
    ...(options.withApp !== false && {
      HH_CLIENT_ID: DEFAULT_CLIENT.clientId,
      HH_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret,
      HH_REDIRECT_URI: DEFAULT_CLIENT.redirectUri,
    }),
  });
  const app = await startTestCore({
    env,
    clock,
    hhMinRequestIntervalMs: 0,
    hhTimeoutMs: options.timeoutMs ?? 2_000,
    hhRetry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    ...options.core,
  });
  return {
    fake,
    app,
    clock,
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}

/** The whole OAuth sign-in, as the user does it: the authorize page, consent, the redirect back. */
export async function signInThroughOAuth(world: HhWorld, user = { name: 'Анна Иванова', email: 'anna@example.ru' }) {
  world.fake.signIn(user);
  const started = await world.app.core.invoke('hh.signIn', { mode: 'default' });
  if (!started.ok) throw new Error(started.error.message);
  const { authorizeUrl } = started.value as { authorizeUrl: string };
  const outcome = await world.fake.completeAuthorization(authorizeUrl, { decision: 'allow' });
  return world.app.core.hh.account.completeSignIn(outcome.location);
}
