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
  /** Quiet time after the last write before saving. */
  debounceMs: number;
  /** Upper bound on how long a write may stay unsaved while writes keep coming. */
  maxWaitMs: number;
  backupsToKeep: number;
  /** A verified copy goes to backups/ at open when the newest one is older than this. */
  backupEveryMs: number;
  /** With a damaged file and no good backup: refuse (default) or start empty (file kept aside). */
  onDamagedWithoutBackup: 'fail' | 'start-empty';
}

export interface OpenReport {
  created: boolean;
  schemaVersion: number;
  migratedFrom?: number;
  /** Set when the file was damaged: which backup was opened instead. */
  restoredFrom?: string;
  damagedKeptAt?: string;
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

export type Request =
  | { id: number; type: 'open'; options: OpenOptions }
  | { id: number; type: 'all' | 'get' | 'run'; statement: Statement }
  | { id: number; type: 'batch'; statements: Statement[] }
  | { id: number; type: 'flush' }
  | { id: number; type: 'close' };

export interface WorkerFailure {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, string>;
}

export type Response = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerFailure };

export type WorkerEvent =
  | { type: 'saved'; bytes: number; ms: number; at: number }
  | { type: 'save-failed'; message: string };

export type FromWorker = Response | WorkerEvent;
