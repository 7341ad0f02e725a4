import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../main/core/ui/static-files';
import { resolveAppRequest } from '../../../main/electron/protocol';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aaa-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'export {}');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the app's static files (Electron app:// and headless http alike)", () => {
  it('finds files under the root with their type; the root itself is index.html', async () => {
    expect(await resolveStaticFile(root, '/assets/app.js')).toEqual({
      status: 200,
      file: join(root, 'assets', 'app.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await resolveStaticFile(root, '/')).toMatchObject({ status: 200, file: join(root, 'index.html') });
  });

  it('a malformed escape is 400; climbing out or a missing file is 404, unless the shell falls back to the app', async () => {
    expect(await resolveStaticFile(root, '/%E0%A4%A')).toEqual({ status: 400 });
    expect(await resolveStaticFile(root, '/..%2F..%2Fetc%2Fpasswd')).toEqual({ status: 404 });
    expect(await resolveStaticFile(root, '/settings')).toEqual({ status: 404 });
    expect(await resolveStaticFile(root, '/settings', { fallbackToIndex: true })).toMatchObject({
      status: 200,
      file: join(root, 'index.html'),
    });
  });

  it('app:// answers a malformed path with 400 instead of throwing', async () => {
    const answer = await resolveAppRequest(root, 'app://renderer/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
