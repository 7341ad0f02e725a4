import { open, readFile, rm } from 'node:fs/promises';

/**
 * The write-ahead journal: every acknowledged write is a record appended here and fsynced before
 * its promise resolves, so a write is durable in milliseconds without exporting the database.
 *
 * A record is `length (u32 LE) | crc32 (u32 LE) | payload`. Reading stops at the first record that
 * is incomplete or fails its checksum: a torn tail (power loss mid-append) is dropped whole, never
 * applied half, and cut off so new records never follow garbage.
 *
 * Group commit: appends that arrive while an fsync is in flight wait for the next one and share it.
 */

/** The few file operations the journal needs: tests inject ENOSPC, EROFS and EIO here. */
export interface JournalFs {
  read(path: string): Promise<Uint8Array | undefined>;
  openForAppend(path: string): Promise<JournalHandle>;
  remove(path: string): Promise<void>;
}

export interface JournalHandle {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}

export const nodeJournalFs: JournalFs = {
  read: (path) =>
    readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    }),
  async openForAppend(path) {
    const handle = await open(path, 'a', 0o600);
    return {
      write: async (data) => {
        let written = 0;
        while (written < data.byteLength) written += (await handle.write(data, written)).bytesWritten;
      },
      // datasync: the data and the file's new size, which is all a reader needs.
      sync: () => handle.datasync(),
      truncate: (size) => handle.truncate(size),
      close: () => handle.close(),
    };
  },
  remove: (path) => rm(path, { force: true }),
};

const HEADER = 8;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zlib computes it; Node 20 has no zlib.crc32. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32(payload), true);
  out.set(payload, HEADER);
  return out;
}

/** The complete records at the start of `data`, and how many bytes they fill. */
export function readRecords(data: Uint8Array): { records: Uint8Array[]; goodBytes: number } {
  const records: Uint8Array[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  while (offset + HEADER <= data.byteLength) {
    const length = view.getUint32(offset, true);
    const end = offset + HEADER + length;
    if (end > data.byteLength) break;
    const payload = data.subarray(offset + HEADER, end);
    if (crc32(payload) !== view.getUint32(offset + 4, true)) break;
    records.push(payload);
    offset = end;
  }
  return { records, goodBytes: offset };
}

interface Pending {
  data: Uint8Array;
  resolve(): void;
  reject(err: unknown): void;
}

export class Journal {
  #pending: Pending[] = [];
  #committing?: Promise<void>;
  #bytes: number;
  /** Set when a failed append could not be cut back: nothing more may follow what is on disk. */
  #broken?: unknown;
  #firstRecordAt?: number;
  #refused = 0;

  private constructor(
    readonly path: string,
    private readonly handle: JournalHandle,
    goodBytes: number,
    private readonly now: () => number,
  ) {
    this.#bytes = goodBytes;
  }

  /** Opens (or creates) a journal; returns the complete records already in it, torn tail cut off. */
  static async open(path: string, fs: JournalFs = nodeJournalFs, now: () => number = Date.now): Promise<{ journal: Journal; records: Uint8Array[]; droppedBytes: number }> {
    const data = (await fs.read(path)) ?? new Uint8Array(0);
    const { records, goodBytes } = readRecords(data);
    const handle = await fs.openForAppend(path);
    if (goodBytes < data.byteLength) {
      await handle.truncate(goodBytes);
      await handle.sync();
    }
    const journal = new Journal(path, handle, goodBytes, now);
    if (records.length) journal.#firstRecordAt = now();
    return { journal, records, droppedBytes: data.byteLength - goodBytes };
  }

  /** Bytes of complete records on disk. */
  get bytes(): number {
    return this.#bytes;
  }

  /** How many appends were refused so far (a checkpoint must not write out a refused write). */
  get refused(): number {
    return this.#refused;
  }

  /** When the oldest record not yet folded into a checkpoint was written (or found at open). */
  get oldestRecordAt(): number | undefined {
    return this.#firstRecordAt;
  }

  /** Resolves once the record is on disk (fsynced); rejects if it could not be written. */
  append(payload: Uint8Array): Promise<void> {
    if (this.#broken) {
      this.#refused += 1;
      return Promise.reject(this.#broken);
    }
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ data: frame(payload), resolve, reject });
      this.#committing ??= this.#commit();
    });
  }

  /** Resolves when every append made so far has been written or refused. */
  async settled(): Promise<void> {
    while (this.#committing) await this.#committing.catch(() => {});
  }

  async close(): Promise<void> {
    await this.settled();
    await this.handle.close();
  }

  async #commit(): Promise<void> {
    try {
      while (this.#pending.length) {
        const batch = this.#pending.splice(0);
        const size = batch.reduce((sum, item) => sum + item.data.byteLength, 0);
        const data = new Uint8Array(size);
        let at = 0;
        for (const item of batch) {
          data.set(item.data, at);
          at += item.data.byteLength;
        }
        try {
          await this.handle.write(data);
          await this.handle.sync();
        } catch (err) {
          await this.#cutBack(err);
          // Everything queued behind this batch was executed after it: refused with it.
          const refused = [...batch, ...this.#pending.splice(0)];
          this.#refused += refused.length;
          for (const item of refused) item.reject(err);
          continue;
        }
        this.#bytes += size;
        this.#firstRecordAt ??= this.now();
        for (const item of batch) item.resolve();
      }
    } finally {
      this.#committing = undefined;
    }
  }

  /** A failed append may have left part of a record: cut the file back to the last good record. */
  async #cutBack(cause: unknown): Promise<void> {
    try {
      await this.handle.truncate(this.#bytes);
      await this.handle.sync();
    } catch {
      this.#broken = cause;
    }
  }
}

/** Journal files live beside the database: `<db>.journal.<generation>`, one per checkpoint interval. */
export const journalPath = (file: string, generation: number) => `${file}.journal.${generation}`;

/** The generations of the journal files beside `file`, oldest first. */
export function journalGenerations(file: string, names: readonly string[]): number[] {
  const prefix = `${file.split(/[\\/]/).pop()}.journal.`;
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b);
}
