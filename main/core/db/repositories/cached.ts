/**
 * A small read that every letter repeats (the profile, the default template, a setting, the resume
 * list), kept in memory by the repository that owns its table. Only that repository writes the
 * table (the one way in for SQL), and only this process uses the data folder (its lock), so the
 * repository knows when the copy is stale: every write of it goes through `write`, which drops the
 * copy before and after, so a refused write (the database reloads) or a read that raced the write
 * never leaves an old value behind. Callers get their own copy, never the kept one.
 */
export class Cached<T> {
  #kept?: { value: T };
  /** A read under way since the last write: readers arriving meanwhile (letters drafted together) share it. */
  #loading?: { generation: number; promise: Promise<T> };
  #generation = 0;

  async read(load: () => Promise<T>): Promise<T> {
    if (this.#kept) return structuredClone(this.#kept.value);
    const generation = this.#generation;
    if (this.#loading?.generation !== generation) {
      const promise = load().then((value) => {
        if (generation === this.#generation) this.#kept = { value: structuredClone(value) };
        return value;
      });
      this.#loading = { generation, promise };
      promise.then(
        () => this.#forget(promise),
        () => this.#forget(promise),
      );
    }
    return structuredClone(await this.#loading!.promise);
  }

  #forget(promise: Promise<T>): void {
    if (this.#loading?.promise === promise) this.#loading = undefined;
  }

  async write<R>(change: () => Promise<R>): Promise<R> {
    this.#drop();
    try {
      return await change();
    } finally {
      this.#drop();
    }
  }

  #drop(): void {
    this.#generation += 1;
    this.#kept = undefined;
    this.#loading = undefined;
  }
}
