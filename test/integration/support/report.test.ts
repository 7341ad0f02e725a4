import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportResult, OpenLogsResult } from '../../../shared/contract';
import { latestSchemaVersion } from '../../../main/core/db/migrations';
import type { CorePorts } from '../../../main/core/ports';
import { createAesCipher, createRedactor, readAppEnv } from '../../../main/core/secrets';
import { createFileLogger } from '../../../main/core/support/file-logger';
import { logsDirOf } from '../../../main/core/support/log-files';
import { createHeadlessWebSession } from '../../../main/headless/web-session';
import { startFakeHhSite } from '../../fakes/hh-site/server';
import { closeAfterEach, ok } from '../../support/contract';
import { startTestCore, type TestCoreHandle } from '../../support/core';

// Registered before closeAfterEach: after-hooks run last-registered first, so the cores are closed
// (and stop writing their logs) before their data folders are removed.
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true, maxRetries: 3 });
});
const keep = closeAfterEach();

/** Every kind of secret the app keeps, each from where it comes in (names.ts, env.ts, the Local API, the hh.ru session). */
const env = {
  HH_CLIENT_ID: 'HHCLIENTID-from-env-0001',
  HH_CLIENT_SECRET: 'HHCS-from-env-7f3a9c1e5b2d',
  GIGACHAT_CREDENTIALS: Buffer.from('gc-env-client:gc-env-secret-51d2').toString('base64'),
  OPENAI_API_KEY: 'sk-from-env-4e9b1c2a7d5f8e3b',
  AAA_VAULT_KEY: 'vault-key-for-the-support-report-test',
  AAA_TOKEN: 'headless-session-token-0123456789',
};
const vaulted = {
  'hh.client_id': 'HHCLIENTID-in-vault-0002',
  'hh.client_secret': 'HHCS-in-vault-9d8c7b6a5f4e',
  'gigachat.credentials': Buffer.from('gc-vault-client:gc-vault-secret-77aa').toString('base64'),
  'gigachat.access_token': 'gigachat-access-eyJhbGciOi-0011',
  'openai.api_key': 'sk-in-vault-0a1b2c3d4e5f6a7b',
  'openai.api_key:groq': 'gsk-extra-provider-key-9988',
} as const;
const hhTokens = { access: 'USERTOKEN-QWERTY-1234567890', refresh: 'REFRESHTOKEN-ASDFGH-0987654321' };

/** A secret as it may appear: as is, URL-encoded, base64 with and without padding. */
const forms = (secret: string) => {
  const base64 = Buffer.from(secret).toString('base64');
  return [secret, encodeURIComponent(secret), base64, base64.replace(/=+$/, '')];
};

async function startCore(dataDir: string, cookiesFile: string, siteUrl: string, extra: Partial<CorePorts> = {}): Promise<TestCoreHandle> {
  // As the shells do: one redactor for the core and the log file it writes through.
  const redactor = createRedactor();
  const { core } = keep(
    await startTestCore({
      dataDir,
      env: readAppEnv({ ...env, HH_SITE_URL: siteUrl }),
      cipher: createAesCipher(env.AAA_VAULT_KEY),
      redactor,
      log: createFileLogger({ dir: logsDirOf(dataDir), redactor }),
      hhWebSession: await createHeadlessWebSession({ siteUrl, cookiesFile }),
      hhWebsiteIntervalMs: 0,
      ...extra,
    }),
  );
  return core;
}

/** The report as the browser mode hands it over (a download), unzipped: path → text. */
async function reportOf(core: TestCoreHandle): Promise<Record<string, string>> {
  const saved = ok<ExportResult>(await core.invoke('support.saveReport', {}));
  if (saved.saved !== 'download') throw new Error(`expected a download, got ${saved.saved}`);
  expect(saved.mime).toBe('application/zip');
  expect(saved.fileName).toMatch(/^ai-auto-applier-report-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
  const files = unzipSync(Buffer.from(saved.base64, 'base64'));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

async function setUp() {
  const site = keep(await startFakeHhSite());
  const dataDir = await mkdtemp(join(tmpdir(), 'aaa-support-'));
  folders.push(dataDir);
  const cookiesFile = await site.cookiesTxt(join(dataDir, 'cookies.txt'));
  return { site, dataDir, cookiesFile };
}

describe('the report for support', () => {
  it('holds versions, settings, page health, page outlines and logs, and none of the secrets the app keeps, in any form', async () => {
    const { site, dataDir, cookiesFile } = await setUp();

    // A first run: every secret comes in, and log lines mention each of them.
    const first = await startCore(dataDir, cookiesFile, site.url);
    for (const [name, value] of Object.entries(vaulted)) await first.vault.put(name as keyof typeof vaulted, value);
    await first.repositories.apiTokens.save(
      {
        provider: 'hh',
        account: '',
        accessTokenSealed: await first.vault.seal(hhTokens.access, 'hh.access'),
        refreshTokenSealed: await first.vault.seal(hhTokens.refresh, 'hh.refresh'),
        expiresAt: new Date(Date.now() + 1_209_600_000).toISOString(),
      },
      'obtained',
    );
    ok(await first.invoke('hh.signInWebsite', {}));
    const localApiToken = ok<{ token: string }>(
      await first.invoke('localApi.createToken', { name: 'cron', scope: 'read', expiresInDays: 30 }),
    ).token;
    const signingKey = (await first.vault.get('localApi.signing_key'))!;
    ok(await first.invoke('automation.setQuietHours', { enabled: true, from: '23:00', to: '08:00' }));
    const cookies = site.secrets().filter((value) => value.length >= 6);
    expect(cookies.length).toBeGreaterThanOrEqual(3);

    const allSecrets = [
      ...Object.values(env),
      ...Object.values(vaulted),
      hhTokens.access,
      hhTokens.refresh,
      localApiToken,
      signingKey,
      ...cookies,
    ];
    first.log.error(`token request failed: POST https://api.hh.ru/token?refresh_token=${hhTokens.refresh}`, {
      headers: { Authorization: `Bearer ${hhTokens.access}`, Cookie: cookies.map((value, i) => `c${i}=${value}`).join('; ') },
    });
    for (const secret of allSecrets)
      first.log.warn(`a failure quoted ${secret}`, {
        sent: secret,
        encoded: encodeURIComponent(secret),
        base64: Buffer.from(secret).toString('base64'),
      });
    await first.flush();

    // The log file on disk: the lines are there, the secrets are not.
    const onDisk = await readFile(join(logsDirOf(dataDir), 'app.log'), 'utf8');
    expect(onDisk).toContain('token request failed: POST https://api.hh.ru/token?refresh_token=[redacted]');
    for (const secret of allSecrets) for (const form of forms(secret)) expect(onDisk, `${secret} as ${form}`).not.toContain(form);
    await first.dispose();

    // An older version's log that wrote secrets as they were, and an outline of a page hh.ru changed.
    await appendFile(
      join(logsDirOf(dataDir), 'app.1.log'),
      `2026-01-01T00:00:00.000Z [error] an older run wrote ${allSecrets.join(' and ')}\n`,
    );
    await mkdir(join(dataDir, 'hh-pages'), { recursive: true });
    await writeFile(
      join(dataDir, 'hh-pages', 'vacancy.json'),
      JSON.stringify({ page: 'vacancy', notUnderstood: `no vacancyView (${vaulted['openai.api_key']})`, keys: { vacancyView: 'object' } }),
    );

    // A later run makes the report before it used any of them: its redactor learns them all first.
    const second = await startCore(dataDir, cookiesFile, site.url);
    const files = await reportOf(second);

    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'hh-pages.json',
        'hh-pages/vacancy.json',
        'logs/app.1.log',
        'logs/app.log',
        'notices.json',
        'settings.json',
        'versions.json',
      ].sort(),
    );
    for (const [path, text] of Object.entries(files)) {
      for (const secret of allSecrets)
        for (const form of forms(secret)) expect(text, `${path} holds ${secret} as ${form}`).not.toContain(form);
    }

    const versions = JSON.parse(files['versions.json']!) as {
      app: { version: string; shell: string };
      runtime: { node: string };
      schemaVersion: number;
    };
    expect(versions.app).toMatchObject({ version: '0.0.0-test', shell: 'headless' });
    expect(versions.runtime.node).toBe(process.versions.node);
    expect(versions.schemaVersion).toBe(latestSchemaVersion);
    const settings = JSON.parse(files['settings.json']!) as {
      preferences: { language: string };
      environment: string[];
      saved: Record<string, unknown>;
      hhAccount: { signedIn: boolean };
    };
    expect(settings.preferences.language).toBe('ru');
    // Which variables are set, never their values.
    expect(settings.environment).toEqual(expect.arrayContaining(['AAA_TOKEN', 'HH_CLIENT_SECRET', 'OPENAI_API_KEY']));
    expect(settings.saved['automation.quietHours']).toEqual({ enabled: true, from: '23:00', to: '08:00' });
    // Signed in, but not as whom: the account's name and email stay out.
    expect(settings.hhAccount.signedIn).toBe(true);
    expect(files['settings.json']).not.toMatch(/Иванова|anna@example\.ru/);
    expect(files['hh-pages/vacancy.json']).toContain('no vacancyView ([redacted])');
    // The lines themselves survive the redaction: support can read what happened.
    expect(files['logs/app.log']).toContain('token request failed');
    expect(files['logs/app.1.log']).toContain('an older run wrote [redacted] and [redacted]');
  });

  it('the desktop app saves it through the save dialog; a cancel saves nothing; a refused write is said with the reason', async () => {
    const { site, dataDir, cookiesFile } = await setUp();
    const chosen = join(dataDir, 'report.zip');
    let answer: () => Promise<string | null> = async () => chosen;
    const core = await startCore(dataDir, cookiesFile, site.url, {
      saveFile: async (file) => {
        const path = await answer();
        if (path) await writeFile(path, file.bytes);
        return path;
      },
    });
    core.log.info('a line for the report');

    const saved = ok<ExportResult>(await core.invoke('support.saveReport', {}));
    expect(saved).toMatchObject({ saved: 'file', path: chosen });
    const files = unzipSync(new Uint8Array(await readFile(chosen)));
    expect(strFromU8(files['logs/app.log']!)).toContain('a line for the report');

    answer = async () => null;
    expect(ok(await core.invoke('support.saveReport', {}))).toEqual({ saved: 'cancelled' });

    answer = async () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const refused = await core.invoke('support.saveReport', {});
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ code: 'storage_failed', key: 'support.reportNotSaved', params: { reason: 'ENOSPC' } });
  });

  it('opens the logs folder on the desktop, and names it where nothing can be opened (the browser mode)', async () => {
    const { site, dataDir, cookiesFile } = await setUp();
    const opened: string[] = [];
    let problem = '';
    const desktop = await startCore(dataDir, cookiesFile, site.url, {
      openFolder: async (path) => {
        opened.push(path);
        return problem;
      },
    });
    const logsDir = logsDirOf(dataDir);
    expect(ok<OpenLogsResult>(await desktop.invoke('support.openLogs', {}))).toEqual({ path: logsDir, outcome: 'opened' });
    expect(opened).toEqual([logsDir]);
    problem = 'No application is registered to open folders';
    expect(ok<OpenLogsResult>(await desktop.invoke('support.openLogs', {}))).toEqual({ path: logsDir, outcome: 'failed' });
    await desktop.dispose();

    const headless = await startCore(dataDir, cookiesFile, site.url);
    expect(ok<OpenLogsResult>(await headless.invoke('support.openLogs', {}))).toEqual({ path: logsDir, outcome: 'cannot_open_here' });
  });
});
