import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLogs, readPageShapes } from '../../../main/core/support/read-files';
import { hideHome, reportFileName } from '../../../main/core/support/report';
import { zipTextFiles } from '../../../main/core/support/zip';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aaa-report-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('');

describe('the parts of a support report', () => {
  it('takes the newest logs first and stops at the cap, cutting the oldest part at a line boundary', async () => {
    await writeFile(join(dir, 'app.log'), lines(201, 300));
    await writeFile(join(dir, 'app.1.log'), lines(101, 200));
    await writeFile(join(dir, 'app.2.log'), lines(1, 100));
    const newest = Buffer.byteLength(lines(201, 300));

    const files = await readLogs(dir, newest + 50);
    expect(files.map((file) => file.path)).toEqual(['logs/app.log', 'logs/app.1.log']);
    expect(files[0]!.text).toBe(lines(201, 300));
    // The older file keeps its last whole lines, and says that lines were left out.
    const older = files[1]!.text.split('\n');
    expect(older[0]).toMatch(/^\[earlier lines left out/);
    expect(older[1]).toMatch(/^line 1\d\d$/);
    expect(older.at(-2)).toBe('line 200');
  });

  it('has no logs when nothing was logged yet, and no outlines when no page was misunderstood', async () => {
    expect(await readLogs(join(dir, 'logs'), 1_000)).toEqual([]);
    expect(await readPageShapes(join(dir, 'hh-pages'), 1_000)).toEqual([]);
  });

  it('leaves out an outline larger than its cap, saying so', async () => {
    await writeFile(join(dir, 'search.json'), JSON.stringify({ keys: 'x'.repeat(2_000) }));
    await writeFile(join(dir, 'resume.json'), '{"keys":{}}');
    const files = await readPageShapes(dir, 1_000);
    expect(files.map((file) => file.path)).toEqual(['hh-pages/resume.json', 'hh-pages/search.json.too-large.txt']);
  });

  it('writes the home folder as ~, also JSON-escaped (Windows paths)', () => {
    expect(hideHome('log at /home/anna/.config/AI Auto Applier/logs', '/home/anna')).toBe('log at ~/.config/AI Auto Applier/logs');
    const home = 'C:\\Users\\Anna';
    expect(hideHome(JSON.stringify({ file: `${home}\\AppData\\x.json` }), home)).toBe('{"file":"~\\\\AppData\\\\x.json"}');
  });

  it('zips every file through the scrub, named by the local date and time', () => {
    const zip = zipTextFiles(
      [{ path: 'logs/app.log', text: 'token SECRET-1 here\n' }],
      (text) => text.replace('SECRET-1', '[redacted]'),
      new Date(2026, 4, 1, 14, 5),
    );
    expect(strFromU8(unzipSync(zip)['logs/app.log']!)).toBe('token [redacted] here\n');
    expect(reportFileName(new Date(2026, 4, 1, 14, 5))).toBe('ai-auto-applier-report-2026-05-01-1405.zip');
  });
});
