/**
 * What the user may do when the data does not open, by the failure's code: the desktop dialog and
 * the CLI offer the same choices. Starting empty is offered only for damaged data with no good
 * backup (the damaged file and its journals are then kept aside, never deleted); restoring the
 * newest backup only where the data itself failed (it too keeps the data aside first); a full or
 * read-only disk, another running copy and a newer version's data are not damaged: fixing them
 * keeps everything, so nothing that replaces data is offered.
 */
export type OpenChoice = 'open_folder' | 'start_empty' | 'restore_backup';

/** The storage's codes as they reach a shell (a refused disk arrives as the contract's storage_* code). */
export type OpenFailureKind =
  | 'damaged_no_backup'
  | 'no_good_backup'
  | 'newer_schema'
  | 'locked'
  | 'disk_full'
  | 'read_only'
  | 'write_failed'
  | 'migration_failed'
  | 'other';

const KINDS: Record<string, OpenFailureKind> = {
  damaged_no_backup: 'damaged_no_backup',
  no_good_backup: 'no_good_backup',
  newer_schema: 'newer_schema',
  locked: 'locked',
  disk_full: 'disk_full',
  storage_full: 'disk_full',
  read_only: 'read_only',
  storage_read_only: 'read_only',
  write_failed: 'write_failed',
  storage_failed: 'write_failed',
  migration_failed: 'migration_failed',
};

export const openFailureKind = (error: unknown): OpenFailureKind => KINDS[(error as { code?: string } | null)?.code ?? ''] ?? 'other';

export function openChoices(kind: OpenFailureKind): OpenChoice[] {
  switch (kind) {
    case 'damaged_no_backup':
      return ['open_folder', 'start_empty'];
    case 'migration_failed':
    case 'other':
      return ['open_folder', 'restore_backup'];
    case 'no_good_backup':
    case 'disk_full':
    case 'read_only':
    case 'write_failed':
    case 'newer_schema':
      return ['open_folder'];
    case 'locked':
      return [];
  }
}

/** The CLI's sentence after the storage's own message: what to do next, by the same choices. */
export function openAdvice(kind: OpenFailureKind, dataDir: string): string {
  const choices = openChoices(kind);
  const lines: string[] = [];
  if (kind === 'disk_full') lines.push(`Free some space on the disk of ${dataDir}, then start again: nothing was lost.`);
  if (kind === 'read_only' || kind === 'write_failed')
    lines.push(`Make ${dataDir} writable for this user (or pick another with --data-dir), then start again: nothing was lost.`);
  if (choices.includes('start_empty'))
    lines.push(
      'Start again with --start-empty to begin with empty data: the damaged file and its journals are then moved aside (renamed, never deleted).',
    );
  if (choices.includes('restore_backup'))
    lines.push(
      `Start again with --restore-backup to open the newest good backup in ${dataDir}/backups: the data file and its journals are moved aside first (renamed, never deleted).`,
    );
  return lines.length ? `\n${lines.join('\n')}` : '';
}
