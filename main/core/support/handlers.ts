import { mkdir } from 'node:fs/promises';
import type { ExportResult, supportChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import { AppError, say } from '../errors';
import type { Logger } from '../ports';
import type { ExportedFile } from '../builder/export';
import { makeReport, type ReportDeps } from './report';

export interface SupportDeps extends ReportDeps {
  /** The logs folder (`<data>/logs`). */
  logsDir: string;
  /** Opens a folder on the user's screen: '' when it did, else the system's reason. Absent in headless. */
  openFolder?: (path: string) => Promise<string>;
  /** The desktop's save dialog; without it the report is handed to the browser to download. */
  saveFile?: (file: ExportedFile) => Promise<string | null>;
  log: Logger;
}

/** Settings → About: the logs folder, and the report for support. */
export function supportHandlers(deps: SupportDeps): HandlersOf<typeof supportChannels> {
  return {
    'support.openLogs': async () => {
      const path = deps.logsDir;
      // Before anything was logged (a fresh data folder) the folder may not exist yet; an empty one opens.
      await mkdir(path, { recursive: true });
      if (!deps.openFolder) return { path, outcome: 'cannot_open_here' as const };
      const problem = await deps.openFolder(path);
      if (!problem) return { path, outcome: 'opened' as const };
      deps.log.warn('could not open the logs folder', { problem });
      return { path, outcome: 'failed' as const };
    },
    'support.saveReport': async (): Promise<ExportResult> => {
      const file = await makeReport(deps);
      if (!deps.saveFile)
        return { saved: 'download', fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
      let path: string | null;
      try {
        path = await deps.saveFile(file);
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
        deps.log.warn('could not save the support report', { reason });
        throw AppError.of('storage_failed', say('support.reportNotSaved', { reason }));
      }
      return path ? { saved: 'file', path, fileName: file.fileName } : { saved: 'cancelled' };
    },
  };
}
