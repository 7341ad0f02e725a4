/** Messages between the database client (main thread) and the sql.js worker. */

export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = Record<string, SqlValue> | SqlValue[];
export type Row = Record<string, SqlValue>;

export interface Statement {
  sql: string;
  params?: SqlParams;
}

export interface OpenOptions {
  /** Database file; its folder also holds backups/ and any damaged copies set aside. */
  file: string;
  wasmPath: string;
  /** A checkpoint (the whole database written out, the journal started anew) once the journal holds this much. */
  checkpointBytes: number;
  /** ... or once its oldest record is this old. Writes are durable without one: this bounds replay at open. */
  checkpointAgeMs: number;
  backupsToKeep: number;
  /** A verified copy goes to backups/ at open and after a checkpoint when the newest one is older than this. */
  backupEveryMs: number;
  /** With a damaged file and no good backup: refuse (default) or start empty (file kept aside). */
  onDamagedWithoutBackup: 'fail' | 'start-empty';
  /** The user chose to open the newest good backup instead of data that would not open (kept aside). */
  restoreBackup?: boolean;
}

export interface OpenReport {
  created: boolean;
  /** Journal records replayed on top of the last checkpoint, and the torn bytes dropped. */
  replayed: number;
  droppedBytes: number;
  schemaVersion: number;
  migratedFrom?: number;
  /** Set when the file was damaged: which backup was opened instead. */
  restoredFrom?: string;
  damagedKeptAt?: string;
  /**
   * Set when a journal had a bad record with good ones after it: the copies kept of the journals as
   * they were, how many damaged stretches (each at least one change that could not be read) and
   * bytes, the good changes recovered after them, and those left out because they depended on a lost one.
   */
  journalDamage?: { copies: string[]; stretches: number; lostBytes: number; recovered: number; skipped: number };
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

export type Request =
  | { id: number; type: 'open'; options: OpenOptions }
  | { id: number; type: 'all' | 'get' | 'run'; statement: Statement }
  | { id: number; type: 'batch'; statements: Statement[]; /** Earlier parts sent as 'batch-part' with this id. */ partsOf?: number }
  | { id: number; type: 'batch-part'; batch: number; statements: Statement[] }
  | { id: number; type: 'flush' }
  /** Written out with nothing left of values replaced or deleted: free pages, older journals, older backups. */
  | { id: number; type: 'scrub' }
  /** Rebuilt without its free pages (after retention freed many) and written out; backups as usual. */
  | { id: number; type: 'compact' }
  | { id: number; type: 'close' };

export interface WorkerFailure {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, string>;
}

export type Response = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerFailure };

export type WorkerEvent =
  /** A checkpoint was written. */
  | { type: 'saved'; bytes: number; ms: number; at: number }
  /** A checkpoint failed; every acknowledged write is still in the journal. */
  | { type: 'save-failed'; message: string }
  /** The journal refused a write (disk full, read-only, I/O error): the write was not acknowledged. */
  | { type: 'write-failed'; code: StorageFailureCode; message: string }
  /** A write went through again after write-failed. */
  | { type: 'write-recovered' }
  /** A backup was not made (e.g. the disk is full); the data itself is safe. */
  | { type: 'backup-skipped'; message: string };

export type StorageFailureCode = 'disk_full' | 'read_only' | 'write_failed';

export type FromWorker = Response | WorkerEvent;
