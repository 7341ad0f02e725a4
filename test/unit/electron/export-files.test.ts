import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, dialog, resetFakeElectron } from '../../fakes/electron';
import { printPdf, saveFileWith } from '../../../main/electron/export-files';

let dir: string;
beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'aaa-export-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('exporting files from the desktop app', () => {
  it('prints the page in a hidden window that runs no scripts, then closes it', async () => {
    const pdf = await printPdf('<!doctype html><h1>Резюме</h1>');
    const [window] = BrowserWindow.all;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false });
    expect(decodeURIComponent(window!.loadedUrl!)).toBe('data:text/html;charset=utf-8,<!doctype html><h1>Резюме</h1>');
    expect(window!.webContents.printed[0]!.options).toMatchObject({ pageSize: 'A4' });
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF/);
    // Guarded like the other windows: no navigation, no new window, no permission.
    expect(window!.webContents.simulate('will-navigate', 'https://example.com/')).toBe(true);
    expect(window!.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(window!.webContents.session.permissionCheckHandler!({}, 'media')).toBe(false);
    expect(window!.isDestroyed()).toBe(true);
  });

  it('saves through the save dialog with the format as its filter, and a cancel writes nothing', async () => {
    const save = saveFileWith(() => undefined);
    dialog.nextSavePath = join(dir, 'Резюме.docx');
    const bytes = new TextEncoder().encode('docx bytes');
    expect(await save({ fileName: 'Резюме.docx', bytes })).toBe(join(dir, 'Резюме.docx'));
    expect(await readFile(join(dir, 'Резюме.docx'), 'utf8')).toBe('docx bytes');
    expect(dialog.saveDialogs[0]).toMatchObject({ defaultPath: 'Резюме.docx', filters: [{ extensions: ['docx'] }] });
    dialog.nextSavePath = undefined;
    expect(await save({ fileName: 'Резюме.md', bytes })).toBeNull();
  });

  it('offers a support report as a zip', async () => {
    dialog.nextSavePath = join(dir, 'ai-auto-applier-report.zip');
    await saveFileWith(() => undefined)({ fileName: 'ai-auto-applier-report.zip', bytes: new Uint8Array([0x50, 0x4b]) });
    expect(dialog.saveDialogs[0]).toMatchObject({
      defaultPath: 'ai-auto-applier-report.zip',
      filters: [{ name: 'Zip', extensions: ['zip'] }],
    });
  });
});
