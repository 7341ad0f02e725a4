import { mkdir, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeAtomically } from '../files/atomic-write';

/**
 * Start at login on Linux: a desktop entry in the XDG autostart folder, which GNOME, KDE, Xfce and
 * the other desktops run at sign-in. Turning it off removes the file (a desktop may have copied
 * none of it: nothing is left to clean up).
 */

export const AUTOSTART_FILE_NAME = 'ai-auto-applier.desktop';

export const autostartFile = (env: { XDG_CONFIG_HOME?: string } = process.env, home = homedir()): string =>
  join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart', AUTOSTART_FILE_NAME);

/** One Exec argument, quoted as the Desktop Entry spec says when it holds anything but plain characters. */
export function quoteExecArgument(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  // Inside double quotes, ", `, $ and \ are escaped with a backslash; % is doubled everywhere (field codes).
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`;
}

export function autostartEntry(options: { name: string; exec: readonly string[]; startHidden: boolean }): string {
  const exec = [...options.exec, ...(options.startHidden ? ['--hidden'] : [])].map(quoteExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${options.name}`,
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** On when the file is there and no desktop turned it off (Hidden=true, or GNOME's own switch). */
export const isEnabledEntry = (text: string): boolean =>
  !/^Hidden\s*=\s*true\s*$/im.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/im.test(text);

export function linuxAutostart(options: { file: string; name: string; exec: readonly string[] }) {
  return {
    async isOn(): Promise<boolean> {
      const text = await readFile(options.file, 'utf8').catch(() => undefined);
      return text !== undefined && isEnabledEntry(text);
    },
    async set(openAtLogin: boolean, startHidden: boolean): Promise<void> {
      if (!openAtLogin) return rm(options.file, { force: true });
      await mkdir(dirname(options.file), { recursive: true });
      // Readable like any desktop entry; nothing in it is secret.
      await writeAtomically(options.file, autostartEntry({ name: options.name, exec: options.exec, startHidden }), 0o644);
    },
  };
}
