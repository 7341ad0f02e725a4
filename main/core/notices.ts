import type { Notice } from '../../shared/contract';
import type { CoreEvents } from './events';

/** What the user should know that no request asked about; each change is pushed to the renderer. */
export class Notices {
  #items = new Map<string, Notice>();

  constructor(private readonly events: CoreEvents) {}

  list(): Notice[] {
    return [...this.#items.values()];
  }

  /** Same id replaces: a condition that persists is one notice, not a growing pile. */
  raise(notice: Notice): void {
    this.#items.set(notice.id, notice);
    this.events.emit('notices.changed', this.list());
  }

  clear(id: string): void {
    if (this.#items.delete(id)) this.events.emit('notices.changed', this.list());
  }

  /** Users may close only what is informational; a standing problem stays until it is fixed. */
  dismiss(id: string): Notice[] {
    if (this.#items.get(id)?.dismissible) this.clear(id);
    return this.list();
  }
}
