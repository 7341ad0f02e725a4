import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../files/atomic-write';
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
      if (JSON.stringify(entries) !== before) {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 });
        await writeAtomically(path, JSON.stringify({ version: 1, entries }, null, 2));
      }
    });
    queue = run.catch(() => {});
    return run;
  };

  return { read, update };
}
