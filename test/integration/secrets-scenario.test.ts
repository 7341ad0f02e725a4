import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../main/core/ports';
import { createAesCipher, readAppEnv } from '../../main/core/secrets';
import { startTestCore, type TestCore } from '../support/core';

/** Every secret a user might give the app, in the forms it could leak in. */
const secrets = {
  hhClientSecret: 'HHCS-7f3a9c1e5b2d4f60a8e7',
  gigachatKey: Buffer.from('gc-client-id:gc-client-secret-51d2').toString('base64'),
  openaiKey: 'sk-test-4e9b1c2a7d5f8e3b6a0c',
  hhAccess: 'USERTOKEN-QWERTY-1234567890',
  hhRefresh: 'REFRESHTOKEN-ASDFGH-0987654321',
  vaultKey: 'vault-key-for-the-scenario-test',
};
const forms = (value: string) => [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)];

async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

let running: TestCore | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('secrets never leak', () => {
  it('leaves no secret in logs, the data folder, or contract answers after a full scenario', async () => {
    const logged: string[] = [];
    const capture = (level: string) => (message: string, details?: Record<string, unknown>) =>
      logged.push(`${level} ${message} ${JSON.stringify(details ?? {})}`);
    const log: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
    const env = readAppEnv({
      HH_CLIENT_ID: 'HHCLIENTID0001',
      HH_CLIENT_SECRET: secrets.hhClientSecret,
      GIGACHAT_CREDENTIALS: secrets.gigachatKey,
      OPENAI_API_KEY: secrets.openaiKey,
      AAA_VAULT_KEY: secrets.vaultKey,
    });
    running = await startTestCore({ log, env, cipher: createAesCipher(secrets.vaultKey) });
    const { core, dataDir } = running;

    // Secrets entered in Settings, tokens from a sign-in, and the failures that quote them.
    await core.vault.put('hh.client_secret', secrets.hhClientSecret);
    await core.vault.put('gigachat.credentials', secrets.gigachatKey);
    await core.vault.put('openai.api_key', secrets.openaiKey);
    await core.repositories.apiTokens.save(
      {
        provider: 'hh',
        account: '42',
        accessTokenSealed: await core.vault.seal(secrets.hhAccess, 'test'),
        refreshTokenSealed: await core.vault.seal(secrets.hhRefresh, 'test'),
        expiresAt: new Date(Date.now() + 1_209_600_000).toISOString(),
      },
      'obtained',
    );
    const stored = await core.repositories.apiTokens.get('hh', '42');
    expect(await core.vault.unseal(stored!.accessTokenSealed, 'test')).toBe(secrets.hhAccess);
    core.log.error(`token request failed: POST https://api.hh.ru/token?refresh_token=${secrets.hhRefresh}`, {
      headers: { Authorization: `Bearer ${secrets.hhAccess}` },
      body: `grant_type=authorization_code&client_secret=${secrets.hhClientSecret}`,
    });
    core.log.warn('GigaChat answered 401', { key: secrets.gigachatKey, echo: `Basic ${secrets.gigachatKey}` });
    await core.repositories.auditLog.append({
      action: 'hh.token.refresh',
      target: 'account 42',
      outcome: 'failed',
      details: `refresh with ${secrets.hhRefresh} refused; access ${secrets.hhAccess}`,
    });
    const answers = JSON.stringify([
      await core.invoke('audit.list', { limit: 50, offset: 0 }),
      await core.invoke('vault.status', {}),
      await core.invoke('preferences.get', {}),
    ]);
    await core.flush();

    const contents = [...logged, answers];
    for (const file of await filesUnder(dataDir)) contents.push((await readFile(file)).toString('latin1'));
    const hits = Object.entries(secrets).flatMap(([name, value]) =>
      forms(value).flatMap((form) => contents.filter((text) => text.includes(form)).map(() => name)),
    );
    expect(hits).toEqual([]);
    // The scenario did reach the disk and the log: this test would have seen a leak.
    expect((await filesUnder(dataDir)).some((file) => file.endsWith('secrets.json'))).toBe(true);
    expect(logged.some((line) => line.includes('[redacted]'))).toBe(true);
  });
});
