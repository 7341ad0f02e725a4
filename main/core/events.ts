import { EventEmitter } from 'node:events';
import { eventNames, type EventName, type EventPayload } from '../../shared/contract';

/** The core's outgoing events, typed by the contract; shells forward them to renderers. */
export class CoreEvents {
  readonly #emitter = new EventEmitter();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    this.#emitter.emit(name, payload);
  }

  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }

  /** Shells that forward every event (IPC, SSE) subscribe once to all of them. */
  onAny(listener: (name: EventName, payload: unknown) => void): () => void {
    const off = eventNames.map((name) => this.on(name, (payload) => listener(name, payload)));
    return () => off.forEach((fn) => fn());
  }
}
