import type { Notices } from '../notices';
import type { Logger, StoragePorts } from '../ports';
import { DatabaseClient } from './client';
import { databaseOptions } from './options';

/**
 * Opens the user's database and turns what happened on the way (a restored backup, a failing save)
 * into notices the user sees. Rejects with a DatabaseError when the data cannot be opened safely.
 */
export async function openDatabase(storage: StoragePorts, notices: Notices, log: Logger): Promise<DatabaseClient> {
  const { db, report } = await DatabaseClient.open(
    storage.worker,
    databaseOptions(storage.dataDir, {
      ...(storage.wasmPath ? { wasmPath: storage.wasmPath } : {}),
      ...(storage.onDamagedWithoutBackup ? { onDamagedWithoutBackup: storage.onDamagedWithoutBackup } : {}),
    }),
  );
  if (report.restoredFrom) {
    notices.raise({
      id: 'database.restored',
      level: 'warning',
      code: 'database_restored',
      message: `The app's data file was damaged, so it opened the latest good backup (${report.restoredFrom}). Changes made after that backup are lost. The damaged file was kept at ${report.damagedKeptAt}.`,
      params: { backup: report.restoredFrom, damaged: report.damagedKeptAt ?? '' },
      dismissible: true,
    });
    log.warn('database restored from backup', { restoredFrom: report.restoredFrom, damagedKeptAt: report.damagedKeptAt });
  }
  db.onEvent((event) => {
    if (event.type === 'save-failed') {
      log.error('database save failed', { message: event.message });
      notices.raise({
        id: 'database.save_failed',
        level: 'error',
        code: 'database_save_failed',
        message: `The app cannot save its data (${event.message}). It keeps trying; check free disk space and folder permissions.`,
        params: { reason: event.message },
        dismissible: false,
      });
    } else {
      notices.clear('database.save_failed');
    }
  });
  return db;
}
