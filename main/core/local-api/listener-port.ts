import type { LocalApiStatus } from '../../../shared/contract';

/** What the user chose in Settings → Local API. */
export interface LocalApiSetting {
  enabled: boolean;
  port: number;
}

/** What the shell did with the setting (see LocalApiListener). */
export interface ListenerState {
  listening: boolean;
  url: string | null;
  /** The headless server listens on its own port whatever the setting says. */
  portFixed: boolean;
  problem: LocalApiStatus['problem'];
}

/**
 * The shell's side: the desktop app starts and stops a loopback server as the setting changes; the
 * headless server is one already. Core tells it what the user chose and reports what it did.
 */
export interface LocalApiListener {
  apply(setting: LocalApiSetting): Promise<ListenerState>;
  state(): ListenerState;
}
