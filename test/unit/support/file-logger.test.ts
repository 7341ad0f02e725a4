import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../../main/core/secrets';
import { createFileLogger } from '../../../main/core/support/file-logger';
import { teeLogger } from '../../../main/core/support/tee-logger';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aaa-logs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const read = (name: string) => readFile(join(dir, name), 'utf8');
const linesOf = (text: string) => text.split('\n').filter(Boolean);
/** The number each test line carries ("line 17 …"), in the order the file holds them. */
const numbersIn = (text: string) => linesOf(text).map((line) => Number(/line (\d+)/.exec(line)![1]));

describe('the log file', () => {
  it('writes one line per entry to app.log: time, level, message and details', async () => {
    const log = createFileLogger({ dir, redactor: createRedactor() });
    log.info('search ran', { searchId: 3, found: 12 });
    log.warn('hh.ru was slow');
    log.error('handler failed', { error: new Error('disk is full') });
    expect(log.file).toBe(join(dir, 'app.log'));

    const lines = linesOf(await read('app.log'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[info\] search ran \{"searchId":3,"found":12\}$/);
    expect(lines[1]).toMatch(/\[warn\] hh\.ru was slow$/);
    // An Error keeps its message (JSON.stringify alone would write {}).
    expect(lines[2]).toContain('"message":"disk is full"');
  });

  it('moves a full file aside, keeps `keep` files, and drops the oldest lines (by size, no waiting)', async () => {
    const log = createFileLogger({ dir, redactor: createRedactor(), maxBytes: 1_000, keep: 3 });
    // Each line is about 100 bytes: 100 lines are about 10 KB, far more than 3 files of 1 KB hold.
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(50)}`);

    expect((await readdir(dir)).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log']);
    for (const name of ['app.log', 'app.1.log', 'app.2.log']) {
      // A file is moved once it passes the limit: by at most the one line that crossed it.
      expect((await stat(join(dir, name))).size, name).toBeLessThanOrEqual(1_000 + 120);
    }
    const [newest, older, oldest] = await Promise.all([read('app.log'), read('app.1.log'), read('app.2.log')]);
    // Oldest file first, the lines run on without a gap and end with the last one written.
    const kept = [...numbersIn(oldest), ...numbersIn(older), ...numbersIn(newest)];
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => kept[0]! + i));
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(15);
  });

  it('goes on appending to the app.log an earlier run left (the desktop app and headless share it)', async () => {
    createFileLogger({ dir, redactor: createRedactor() }).info('line 1 from the desktop app');
    createFileLogger({ dir, redactor: createRedactor() }).info('line 2 from the headless server');
    expect(numbersIn(await read('app.log'))).toEqual([1, 2]);
  });

  it('writes no token or cookie: known secrets in every form, and the shapes of the ones it was not told', async () => {
    const token = 'USERTOKEN-QWERTY-1234567890';
    const cookie = 'hhtoken-value-0a1b2c3d4e5f';
    const redactor = createRedactor([token]);
    const log = createFileLogger({ dir, redactor });
    // Learned after the logger was made (a sign-in): the same redactor, so hidden from then on.
    redactor.addSecret(cookie);

    log.error(`token request failed: POST https://api.hh.ru/token?refresh_token=${encodeURIComponent(token)}`, {
      headers: { Authorization: `Bearer ${token}`, Cookie: `hhtoken=${cookie}; _xsrf=abc123def456` },
      echo: Buffer.from(token).toString('base64'),
      body: `{"access_token":"${token}"}`,
    });
    log.warn(`the session cookie ${cookie} expired`);
    log.info('a raw header', { header: 'Set-Cookie: crypted_id=ZZZZ-unknown-to-the-app; path=/' });

    const text = await read('app.log');
    for (const secret of [token, cookie]) {
      for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64').replace(/=+$/, '')])
        expect(text).not.toContain(form);
    }
    expect(text).not.toContain('ZZZZ-unknown-to-the-app');
    expect(text).not.toContain('abc123def456');
    // What is not secret stays readable.
    expect(text).toContain('token request failed: POST https://api.hh.ru/token?refresh_token=[redacted]');
    expect(text).toContain('the session cookie [redacted] expired');
  });
});

describe('teeLogger', () => {
  it('gives each line to every log; one that throws does not stop the others', () => {
    const seen: string[] = [];
    const broken = {
      info: () => {
        throw new Error('console closed');
      },
      warn: () => {},
      error: () => {},
    };
    const tee = teeLogger(broken, { info: (m) => seen.push(m), warn: (m) => seen.push(`warn ${m}`), error: () => {} });
    tee.info('one');
    tee.warn('two');
    expect(seen).toEqual(['one', 'warn two']);
  });
});
