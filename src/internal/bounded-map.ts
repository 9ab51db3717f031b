/** A Map with a size limit that forgets its oldest entries: bounded memory whatever callers send. */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = Math.max(1, limit);
  }

  /** Sets (and moves to the newest place) a key; drops the oldest entries beyond the limit. */
  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    while (this.size > this.#limit) {
      const oldest = this.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return this;
  }
}
