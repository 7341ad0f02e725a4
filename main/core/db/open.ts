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
      ...(storage.restoreBackup && { restoreBackup: true }),
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
  if (report.journalDamage) {
    const { copies, stretches, lostBytes, recovered, skipped } = report.journalDamage;
    notices.raise({
      id: 'database.journal_damaged',
      level: 'warning',
      code: 'database_journal_damaged',
      message: `Part of the app's change journal was damaged on disk (${stretches} damaged stretch(es), ${lostBytes} bytes): at least ${stretches} recent change(s) could not be read, ${skipped} later one(s) depended on them and were left out, and ${recovered} later change(s) were recovered. A copy of the journal as it was is kept at ${copies.join(', ')}.`,
      params: {
        stretches: String(stretches),
        bytes: String(lostBytes),
        recovered: String(recovered),
        skipped: String(skipped),
        copy: copies.join(', '),
      },
      dismissible: true,
    });
    log.warn('database journal was damaged; good records after the damage recovered', {
      stretches,
      lostBytes,
      recovered,
      skipped,
      copies: copies.join(', '),
    });
  }
  if (report.droppedBytes)
    log.warn('database journal had a torn last record (a crash mid-write); it was dropped', { bytes: report.droppedBytes });
  db.onEvent((event) => {
    switch (event.type) {
      case 'save-failed':
        // Nothing is lost (the journal holds every acknowledged write), but the journal keeps growing.
        log.error('database checkpoint failed', { message: event.message });
        notices.raise({
          id: 'database.save_failed',
          level: 'warning',
          code: 'database_save_failed',
          message: `The app could not write its data file (${event.message}). Every change is kept in its journal and nothing is lost; free disk space and check the folder's permissions.`,
          params: { reason: event.message },
          dismissible: true,
        });
        return;
      case 'saved':
        notices.clear('database.save_failed');
        return;
      case 'write-failed':
        log.error('database write refused', { code: event.code, message: event.message });
        notices.raise({
          id: 'database.write_failed',
          level: 'error',
          code: `database_${event.code}`,
          message: event.message,
          params: {},
          dismissible: false,
        });
        return;
      case 'write-recovered':
        notices.clear('database.write_failed');
        return;
      case 'backup-skipped':
        log.warn('database backup skipped', { message: event.message });
        notices.raise({
          id: 'database.backup_skipped',
          level: 'warning',
          code: 'database_backup_skipped',
          message: `The daily backup of the app's data was skipped: ${event.message}`,
          params: { reason: event.message },
          dismissible: true,
        });
        return;
    }
  });
  return db;
}
