import type { AppErrorValue, UpdatePhase, UpdateState } from '../../../shared/contract';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import type { SendingGate } from '../letters/sending-gate';
import type { Notices } from '../notices';
import type { Clock, Logger, MinuteTimer } from '../ports';
import { failureToError } from './failures';
import type { Updater, UpdaterEvent, UpdaterUnsupported } from './port';
import { isDue, nextCheckAfter } from './schedule';
import type { AutoUpdateSetting } from './setting';

export interface UpdatesDeps {
  /** Absent in the browser mode: there is nothing to update but the source folder. */
  updater?: Updater;
  clock: Clock;
  events: CoreEvents;
  notices: Pick<Notices, 'raise' | 'clear'>;
  log: Logger;
  currentVersion: string;
  /** The letters on their way to hh.ru: a restart closes it and waits for them. */
  sending: Pick<SendingGate, 'inFlight' | 'close' | 'open' | 'onChange'>;
  setting: AutoUpdateSetting;
}

type Unsupported = UpdaterUnsupported | 'browser';

const NOTICE_ID = 'updates.downloaded';

const unsupportedError = (reason: Unsupported) =>
  AppError.of(
    'update_unavailable',
    reason === 'browser'
      ? 'The browser mode has no updates of its own: it runs from the source folder, which you update with git pull.'
      : reason === 'not_packaged'
        ? 'This copy runs from the source folder (npm start), which you update with git pull; installed copies update themselves.'
        : "This package cannot replace itself (for example, a Linux build that is neither an AppImage nor a .deb). Download the new version from the app's site.",
  );

/**
 * The app's own updates: when to check (at start and daily, while the user's switch is on; Check now
 * at any time), what the user is told at each step, and when to install. Installing never happens
 * while a letter is being sent: Restart now closes the sending gate and waits for the last answer
 * from hh.ru, and the quit that installs a downloaded update waits the same way (core.dispose).
 * Plain Node: the updater itself is the desktop shell's.
 */
export class UpdateService {
  readonly #unsupported: Unsupported | null;
  #phase: UpdatePhase;
  #auto = true;
  #version: string | null = null;
  #percent: number | null = null;
  #checkedAt: Date | null = null;
  #nextCheckAt: Date | null = null;
  #restartPending = false;
  #error: AppErrorValue | null = null;
  #checking?: Promise<void>;
  #stopped = false;
  readonly #off: (() => void)[] = [];

  constructor(private readonly deps: UpdatesDeps) {
    this.#unsupported = deps.updater ? deps.updater.unsupported() : 'browser';
    this.#phase = this.#unsupported ? 'unsupported' : 'idle';
  }

  /** Reads the user's switch and checks at once when it is on; the minute timer then asks whether a check is due. */
  async start(timer?: MinuteTimer): Promise<void> {
    const { updater } = this.deps;
    if (this.#unsupported || !updater) return;
    this.#auto = await this.deps.setting.get();
    // The core was disposed while the switch was being read: nothing is to start listening.
    if (this.#stopped) return;
    this.#phase = this.#resting();
    this.#off.push(updater.on((event) => this.#hear(event)));
    // Settings shows what a pending restart waits for, letter by letter.
    this.#off.push(this.deps.sending.onChange(() => this.#restartPending && this.#emit()));
    if (timer) this.#off.push(timer.everyMinute(() => void this.tick()));
    this.#nextCheckAt = this.deps.clock.now();
    this.#emit();
    await this.tick();
  }

  stop(): void {
    this.#stopped = true;
    this.#off.splice(0).forEach((off) => off());
  }

  state(): UpdateState {
    return {
      phase: this.#phase,
      auto: this.#auto,
      currentVersion: this.deps.currentVersion,
      version: this.#version,
      percent: this.#percent,
      checkedAt: this.#checkedAt?.toISOString() ?? null,
      nextCheckAt: this.#checksByItself() ? (this.#nextCheckAt?.toISOString() ?? null) : null,
      restartPending: this.#restartPending,
      sending: this.deps.sending.inFlight,
      error: this.#error,
      unsupportedReason: this.#unsupported,
    };
  }

  /** The minute timer's question: is an automatic check due? Never rejects. */
  async tick(): Promise<void> {
    if (this.#stopped || !this.#checksByItself() || !isDue(this.deps.clock.now(), this.#nextCheckAt)) return;
    await this.#check();
  }

  /** The user's Check now: asks the update server whatever the switch says; a newer version downloads in the background. */
  async check(): Promise<UpdateState> {
    this.#requireSupported();
    // A download under way is not started again; a downloaded one waits for its restart (or the quit), which a failed check must not hide.
    if (this.#phase !== 'available' && this.#phase !== 'downloading' && this.#phase !== 'downloaded') await this.#check();
    return this.state();
  }

  async setAuto(auto: boolean): Promise<UpdateState> {
    this.#requireSupported();
    await this.deps.setting.set(auto);
    this.#auto = auto;
    if (this.#phase === 'idle' || this.#phase === 'disabled') this.#phase = this.#resting();
    // Turned on: a check that is due (never checked, or the last was a day ago) starts now.
    if (auto) this.#nextCheckAt = this.#checkedAt ? nextCheckAfter(this.#checkedAt, 'answered') : this.deps.clock.now();
    this.#emit();
    if (auto) void this.tick();
    return this.state();
  }

  /**
   * Restart now: the app quits and installs the downloaded version as soon as no letter is on its
   * way to hh.ru. Until then no new letter starts (a run's next letter waits for the next start)
   * and Settings says what the restart waits for.
   */
  restart(): UpdateState {
    this.#requireSupported();
    if (this.#phase !== 'downloaded') {
      throw AppError.of('conflict', 'No update is downloaded yet. Restart when Settings says the new version is ready.');
    }
    if (!this.#restartPending) {
      this.#restartPending = true;
      this.#emit();
      void this.#installWhenSendingSettles();
    }
    return this.state();
  }

  async #installWhenSendingSettles(): Promise<void> {
    await this.deps.sending.close();
    // An error (the installer could not start) may have called the restart off meanwhile.
    if (!this.#restartPending) return;
    this.deps.log.info('installing the downloaded update', { version: this.#version });
    try {
      this.deps.updater!.quitAndInstall();
    } catch (err) {
      this.#hear({ kind: 'error', failure: { kind: 'other', detail: err instanceof Error ? err.message : String(err) } });
    }
  }

  /** One check at a time: the timer and Check now pressed together share it. */
  #check(): Promise<void> {
    this.#checking ??= this.#runCheck().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #runCheck(): Promise<void> {
    this.#phase = 'checking';
    this.#error = null;
    this.#emit();
    try {
      await this.deps.updater!.check();
    } catch (err) {
      // The port promises not to reject; a timer's check must not become an unhandled rejection if one does.
      this.#hear({ kind: 'error', failure: { kind: 'other', detail: err instanceof Error ? err.message : String(err) } });
    }
    // The updater said nothing back (it found itself inactive): nothing is under way.
    if (this.#phase === 'checking') {
      this.#phase = this.#resting();
      this.#nextCheckAt = nextCheckAfter(this.deps.clock.now(), 'failed');
      this.#emit();
    }
  }

  #hear(event: UpdaterEvent): void {
    const now = this.deps.clock.now();
    switch (event.kind) {
      case 'checking':
        this.#phase = 'checking';
        break;
      case 'not-available':
        this.#phase = this.#resting();
        this.#version = null;
        this.#percent = null;
        this.#checkedAt = now;
        this.#nextCheckAt = nextCheckAfter(now, 'answered');
        break;
      case 'available':
        this.#phase = 'available';
        this.#version = event.version;
        this.#percent = 0;
        this.#checkedAt = now;
        this.#nextCheckAt = nextCheckAfter(now, 'answered');
        break;
      case 'progress':
        if (this.#phase !== 'available' && this.#phase !== 'downloading') return;
        this.#phase = 'downloading';
        this.#percent = Math.min(100, Math.max(0, Math.round(event.percent)));
        break;
      case 'downloaded':
        this.#phase = 'downloaded';
        this.#version = event.version;
        this.#percent = 100;
        this.#error = null;
        this.deps.notices.raise({
          id: NOTICE_ID,
          level: 'info',
          code: 'update_downloaded',
          message: `Version ${event.version} is downloaded. It installs when you quit the app; to install it now, press Restart now in Settings → About.`,
          params: { version: event.version },
          dismissible: true,
        });
        break;
      case 'error':
        this.deps.log.warn('the update failed', { kind: event.failure.kind, detail: event.failure.detail });
        this.#error = failureToError({ ...event.failure, version: event.failure.version ?? this.#version ?? undefined });
        this.#phase = 'error';
        this.#percent = null;
        this.#nextCheckAt = nextCheckAfter(now, 'failed');
        if (this.#restartPending) {
          // The restart did not happen: letters may go again.
          this.#restartPending = false;
          this.deps.sending.open();
        }
        this.deps.notices.clear(NOTICE_ID);
        break;
    }
    this.#emit();
  }

  /** Automatic checks run from the resting phases only, never while one is downloaded and waiting for its restart. */
  #checksByItself(): boolean {
    return !this.#unsupported && this.#auto && !this.#restartPending && (this.#phase === 'idle' || this.#phase === 'error');
  }

  #resting(): UpdatePhase {
    return this.#auto ? 'idle' : 'disabled';
  }

  #requireSupported(): void {
    if (this.#unsupported) throw unsupportedError(this.#unsupported);
  }

  #emit(): void {
    this.deps.events.emit('updates.changed', this.state());
  }
}
