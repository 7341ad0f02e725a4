import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/contract';
import { AppError } from '../errors';
import type {
  FromWorker,
  OpenOptions,
  OpenReport,
  Request,
  Row,
  RunResult,
  SqlParams,
  Statement,
  WorkerEvent,
  WorkerFailure,
} from './worker/protocol';

export type { OpenReport, Row, RunResult, SqlParams, Statement } from './worker/protocol';

/** Where the worker's code is: the built .cjs in the app, the .ts source under tsx in dev and tests. */
export interface WorkerEntry {
  file: string;
  workerData?: unknown;
}

export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

const STORAGE: Record<string, ErrorCode> = { disk_full: 'storage_full', read_only: 'storage_read_only', write_failed: 'storage_failed' };

/** A refused write is the user's to fix (free space, permissions): an AppError with their words. */
export const toError = (failure: WorkerFailure): Error => {
  const code = failure.code && STORAGE[failure.code];
  if (code) return AppError.of(code, failure.message, { details: failure.details });
  return new DatabaseError(failure.code ?? 'sql_error', failure.message, failure.details);
};

const PART_BYTES = 512 * 1024;

/** Rough size of a statement as posted: its text and its string and blob parameters. */
const sizeOf = (statement: Statement): number => {
  let size = statement.sql.length;
  for (const value of Object.values(statement.params ?? {})) {
    if (typeof value === 'string') size += value.length * 2;
    else if (value instanceof Uint8Array) size += value.byteLength;
    else size += 8;
  }
  return size;
};

export function splitBatch(statements: Statement[], partBytes = PART_BYTES): Statement[][] {
  const parts: Statement[][] = [[]];
  let size = 0;
  for (const statement of statements) {
    const next = sizeOf(statement);
    if (size + next > partBytes && parts.at(-1)!.length) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(statement);
    size += next;
  }
  return parts;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The main-thread side of the database: every call is a message to the sql.js worker, so a slow
 * query or a save of a large file never stalls IPC. Only repositories use it.
 */
export class DatabaseClient {
  #worker: Worker;
  #nextId = 1;
  #pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  #closed = false;
  #closing?: Promise<void>;
  #listeners = new Set<(event: WorkerEvent) => void>();
  #requests = 0;

  private constructor(entry: WorkerEntry) {
    this.#worker = new Worker(entry.file, { workerData: entry.workerData });
    this.#worker.on('message', (message: FromWorker) => {
      if ('id' in message) {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(toError(message.error));
      } else {
        this.#listeners.forEach((listener) => listener(message));
      }
    });
    const fail = (err: Error) => {
      this.#closed = true;
      for (const { reject } of this.#pending.values()) reject(err);
      this.#pending.clear();
    };
    this.#worker.on('error', (err) => fail(new DatabaseError('worker_crashed', `The database worker stopped: ${err.message}`)));
    this.#worker.on('exit', (code) => fail(new DatabaseError('worker_exited', `The database worker exited (code ${code}).`)));
  }

  static async open(entry: WorkerEntry, options: OpenOptions): Promise<{ db: DatabaseClient; report: OpenReport }> {
    const db = new DatabaseClient(entry);
    try {
      const report = (await db.#call({ type: 'open', options })) as OpenReport;
      return { db, report };
    } catch (err) {
      await db.#worker.terminate();
      throw err;
    }
  }

  /** Saved / save-failed notices, for status display and the log. */
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.#call({ type: 'all', statement: { sql, params } }) as Promise<T[]>;
  }

  async get<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return ((await this.#call({ type: 'get', statement: { sql, params } })) ?? undefined) as T | undefined;
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.#call({ type: 'run', statement: { sql, params } }) as Promise<RunResult>;
  }

  /**
   * Runs every statement in one transaction: all of them, or none; resolves once it is on disk.
   * A large batch (a search run's hundreds of vacancies) goes over in parts of about PART_BYTES,
   * with the event loop free between them: posting it whole would copy megabytes in one go on the
   * main thread.
   */
  async batch(statements: Statement[]): Promise<RunResult[]> {
    const parts = splitBatch(statements);
    if (parts.length === 1) return (await this.#call({ type: 'batch', statements })) as RunResult[];
    const batch = this.#nextId++;
    for (const part of parts.slice(0, -1)) {
      await this.#call({ type: 'batch-part', batch, statements: part });
    }
    return (await this.#call({ type: 'batch', statements: parts.at(-1)!, partsOf: batch })) as RunResult[];
  }

  /** Resolves once every write made so far is in a checkpoint (quit, suspend); each write is durable on its own already. */
  flush(): Promise<void> {
    return this.#call({ type: 'flush' }) as Promise<void>;
  }

  /**
   * For values that must leave the disk (ciphertext under a protection the user withdrew): the
   * database rebuilt and written out, its older journals removed, its backups replaced by one copy.
   */
  scrub(): Promise<void> {
    return this.#call({ type: 'scrub' }) as Promise<void>;
  }

  /** Rebuilt without free pages and written out, so the file and the memory it takes shrink (after retention). */
  compact(): Promise<void> {
    return this.#call({ type: 'compact' }) as Promise<void>;
  }

  /** Idempotent: quitting, suspending and a test's cleanup may all ask at once. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closing ??= (async () => {
      await this.#call({ type: 'close' });
      this.#closed = true;
      await this.#worker.terminate();
    })();
    return this.#closing;
  }

  /** Requests sent to the worker so far: what a screen's round trips cost (tests and benches count them). */
  get requests(): number {
    return this.#requests;
  }

  #call(request: DistributiveOmit<Request, 'id'>): Promise<unknown> {
    if (this.#closed) return Promise.reject(new DatabaseError('closed', 'The database is closed.'));
    this.#requests += 1;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }
}
