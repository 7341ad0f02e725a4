import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCookiesTxt } from '../../../../main/core/hh/website/cookies-txt';
import { createHeadlessWebSession, loadCookiesFile } from '../../../../main/headless/web-session';
import { startFakeHhSite, type FakeHhSite } from '../../../fakes/hh-site/server';
import { emptyCookiesFile, everythingIn, signedIn } from './harness';

let site: FakeHhSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const cookieValue = async (file: string, name: string) => parseCookiesTxt(await readFile(file, 'utf8')).find((c) => c.name === name)?.value;

describe('headless web session (cookies.txt)', () => {
  it("sends the file's cookies for the site only, and nothing of another site", async () => {
    site = await startFakeHhSite();
    const file = await site.cookiesTxt();
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: file });
    const response = await session.request('GET', `${site.url}/applicant/my_resumes`);
    expect(response.status).toBe(200);
    const sent = site.requests[0]!.headers.cookie!;
    expect(sent).toMatch(/hhtoken=\w+/);
    expect(sent).toMatch(/_xsrf=\w+/);
    expect(sent).not.toContain('foreign');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await session.cookie('_xsrf')).toBe(await cookieValue(file, '_xsrf'));
  });

  it('signed in: the resumes page answers 200; a revoked session (cookie still there) does not', async () => {
    site = await startFakeHhSite();
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() });
    expect(await signedIn(session, site.url)).toBe(true);
    site.revokeSessions();
    expect(await signedIn(session, site.url)).toBe(false);
    const anonymous = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await emptyCookiesFile() });
    expect(await signedIn(anonymous, site.url)).toBe(false);
  });

  it('keeps Set-Cookie answers in memory, and with writeBack saves them atomically (0600, no temp files left)', async () => {
    site = await startFakeHhSite();
    const file = await site.cookiesTxt();
    const before = await cookieValue(file, '_xsrf');
    const memoryOnly = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: file });
    const saving = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: file, writeBack: true });
    site.rotateXsrf();
    await memoryOnly.request('GET', `${site.url}/`);
    const renewed = await memoryOnly.cookie('_xsrf');
    expect(renewed).not.toBe(before);
    expect(await cookieValue(file, '_xsrf')).toBe(before);

    await saving.request('GET', `${site.url}/`);
    await saving.flush();
    const saved = await cookieValue(file, '_xsrf');
    expect(saved).toBe(await saving.cookie('_xsrf'));
    expect(saved).not.toBe(before);
    expect(await cookieValue(file, 'hhtoken')).toBeTruthy();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(dirname(file))).filter((name) => name.includes('.tmp'))).toEqual([]);
    // The saved file is a cookies.txt the session can load again.
    const again = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: file });
    expect(await signedIn(again, site.url)).toBe(true);
  });

  it("follows redirects itself when asked, keeping each hop's cookies; manual by default", async () => {
    site = await startFakeHhSite();
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await emptyCookiesFile() });
    const manual = await session.request('GET', `${site.url}/applicant/resumes`);
    expect(manual.status).toBe(302);
    expect(manual.headers.location).toMatch(/^\/account\/login\?backurl=/);
    const followed = await session.request('GET', `${site.url}/applicant/resumes`, { redirect: 'follow' });
    expect(followed.status).toBe(200);
    expect(new URL(followed.url).pathname).toBe('/account/login');
    // The first answer set _xsrf; the hop to the login page carried it.
    expect(site.requests.at(-1)!.headers.cookie).toMatch(/_xsrf=/);
  });

  it('encodes form, multipart and JSON bodies', async () => {
    site = await startFakeHhSite();
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await emptyCookiesFile() });
    await session.request('POST', `${site.url}/applicant/blacklist/vacancy/add`, { form: { vacancyId: '1', note: 'a&b=c' } });
    await session.request('POST', `${site.url}/applicant/resumes/touch`, { multipart: { resume: 'abc', undirectable: 'true' } });
    await session.request('POST', `${site.url}/chatik/api/send`, { json: { chatId: 1, text: 'Привет' } });
    const [form, multipart, json] = site.requests;
    expect(form!.form).toEqual({ vacancyId: '1', note: 'a&b=c' });
    expect(form!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(multipart!.form).toEqual({ resume: 'abc', undirectable: 'true' });
    expect(json!.json).toEqual({ chatId: 1, text: 'Привет' });
  });

  it('times out a request that never answers', async () => {
    site = await startFakeHhSite();
    site.failNext('GET /', 'hang');
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await emptyCookiesFile() });
    await expect(session.request('GET', `${site.url}/`, { timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('clear() forgets the cookies and, writing back, empties the file', async () => {
    site = await startFakeHhSite();
    const file = await site.cookiesTxt();
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: file, writeBack: true });
    await session.clear();
    expect(await session.cookie('_xsrf')).toBeUndefined();
    expect(parseCookiesTxt(await readFile(file, 'utf8'))).toEqual([]);
    expect(await signedIn(session, site.url)).toBe(false);
  });

  it('a broken or missing file: the error names the file and line, never a value', async () => {
    site = await startFakeHhSite();
    const file = await site.cookiesTxt();
    const text = await readFile(file, 'utf8');
    const secret = site.secrets()[0]!;
    await writeFile(file, text.replace(`\thhtoken\t${secret}`, ` hhtoken ${secret}`));
    const err = await loadCookiesFile(file).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 5: expected 7 tab-separated fields`),
    );
    expect(everythingIn(err)).not.toContain(secret);
    await expect(createHeadlessWebSession({ siteUrl: site.url, cookiesFile: `${file}.missing` })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('ENOENT'),
    });
  });
});

describe('headless web session write-back failures', () => {
  it('a file that cannot be written is logged (by error code only) and the session goes on', async () => {
    const { mkdtemp, copyFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    site = await startFakeHhSite();
    const dir = await mkdtemp(join(tmpdir(), 'hh-gone-'));
    const file = join(dir, 'cookies.txt');
    await copyFile(await site.cookiesTxt(), file);
    const logs: { message: string; details?: Record<string, unknown> }[] = [];
    const log = {
      info: () => {},
      warn: (message: string, details?: Record<string, unknown>) => void logs.push({ message, details }),
      error: () => {},
    };
    const session = await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: file, writeBack: true, log });
    await rm(dir, { recursive: true });
    site.rotateXsrf();
    const response = await session.request('GET', `${site.url}/`);
    await session.flush();
    expect(response.status).toBe(200);
    expect(logs).toEqual([{ message: 'could not save the hh.ru cookies file', details: { code: 'ENOENT' } }]);
    for (const secret of site.secrets()) expect(JSON.stringify(logs)).not.toContain(secret);
  });
});
