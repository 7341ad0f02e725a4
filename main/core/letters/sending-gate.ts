import { setMaxListeners } from 'node:events';
import { AppError } from '../errors';

/** What a send holds while it is under way. */
export interface SendingPass {
  /** Aborts when the app closes: a letter still waiting for its turn gives its slot back (a request that left is never cut). */
  readonly signal: AbortSignal;
  leave(): void;
}

const closing = () =>
  AppError.of(
    'app_closing',
    'The app is closing, so this letter was not sent. It waits in Letters and can be sent after the app starts again.',
    {
      next: { kind: 'retry_later' },
      retryable: true,
    },
  );

/**
 * The letters this process is sending, counted, and a door that closes when the app is about to
 * quit or restart into an update. Closing refuses new sends, cuts the pause a letter waits in
 * before its request, and resolves once every request that left has its answer recorded: the app
 * never exits (or lets an installer stop it) while hh.ru may be taking an application.
 */
export class SendingGate {
  #inFlight = 0;
  /** Aborted while the gate is closed; every send of an open period listens to the same one. */
  #open = SendingGate.#period();
  readonly #idle = new Set<() => void>();
  readonly #listeners = new Set<(inFlight: number) => void>();

  static #period(): AbortController {
    const controller = new AbortController();
    // Every letter of a run listens on it at once: not a leak.
    setMaxListeners(0, controller.signal);
    return controller;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get closed(): boolean {
    return this.#open.signal.aborted;
  }

  /** One send begins; throws `app_closing` once the gate is closed. */
  enter(): SendingPass {
    if (this.closed) throw closing();
    this.#inFlight += 1;
    this.#changed();
    let left = false;
    return {
      signal: this.#open.signal,
      leave: () => {
        if (left) return;
        left = true;
        this.#inFlight -= 1;
        this.#changed();
      },
    };
  }

  /** No send starts from now on, and a letter waiting for its turn stops waiting; resolves when the last request under way has its answer. */
  close(): Promise<void> {
    if (!this.closed) this.#open.abort(closing());
    return this.whenIdle();
  }

  /** Sends may start again (a restart that did not happen). */
  open(): void {
    if (this.closed) this.#open = SendingGate.#period();
  }

  whenIdle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.add(resolve));
  }

  /** Told every time the count changes (Settings shows what a restart is waiting for). */
  onChange(listener: (inFlight: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    this.#listeners.forEach((listener) => listener(this.#inFlight));
    if (this.#inFlight > 0) return;
    const waiting = [...this.#idle];
    this.#idle.clear();
    waiting.forEach((resolve) => resolve());
  }
}
