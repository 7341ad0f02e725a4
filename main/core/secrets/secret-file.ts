import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { damagedSecretsFile } from './errors';

/** Sealed secrets by name. Holds ciphertext only: the vault never hands it anything else. */
export type SealedEntries = Record<string, string>;

export interface SecretFile {
  read(): Promise<SealedEntries>;
  /** Applies `change` to the current entries and saves them, one update at a time. */
  update(change: (entries: SealedEntries) => void): Promise<void>;
}

const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) });

/** `{ "version": 1, "entries": { name: sealed } }`, owner-only, replaced atomically on every change. */
export function openSecretFile(path: string): SecretFile {
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<SealedEntries> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw damagedSecretsFile(path);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw damagedSecretsFile(path);
    return { ...parsed.data.entries };
  };

  const update = (change: (entries: SealedEntries) => void) => {
    const run = queue.then(async () => {
      const entries = await read();
      const before = JSON.stringify(entries);
      change(entries);
      // No change, no write: deleting a name that was never saved must not create the file.
      if (JSON.stringify(entries) !== before) await writeAtomically(path, JSON.stringify({ version: 1, entries }, null, 2));
    });
    queue = run.catch(() => {});
    return run;
  };

  return { read, update };
}

/** A crash mid-write leaves either the old file or the new one, never half of each. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** Makes the rename itself durable; Windows cannot open a directory, and there rename is enough. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
