import { BrowserWindow, dialog, shell } from 'electron';
import { denyAllPermissions, hardenWebContents } from './security';
import { extname } from 'node:path';
import { writeAtomically } from '../core/files/atomic-write';

/**
 * Prints a resume's page to PDF in a hidden window that runs no scripts and reaches nothing outside
 * the page (its CSP says default-src 'none'); Chromium embeds the fonts it used, Cyrillic included.
 */
export async function printPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  // Guarded like the other windows: it navigates nowhere, opens nothing, is granted nothing.
  hardenWebContents(window.webContents, { trustedOrigins: [], shell });
  denyAllPermissions(window.webContents.session);
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    window.close();
  }
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.docx': { name: 'Word', extensions: ['docx'] },
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.txt': { name: 'Text', extensions: ['txt'] },
  '.zip': { name: 'Zip', extensions: ['zip'] },
};

/** The system's save dialog, then an atomic write: a crash mid-write never leaves half a file. */
export function saveFileWith(parent: () => BrowserWindow | undefined) {
  return async (file: { fileName: string; bytes: Uint8Array }): Promise<string | null> => {
    const filter = FILTERS[extname(file.fileName).toLowerCase()];
    const options = { defaultPath: file.fileName, filters: filter ? [filter] : [] };
    const window = parent();
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return null;
    await writeAtomically(chosen.filePath, file.bytes, 0o644);
    return chosen.filePath;
  };
}
