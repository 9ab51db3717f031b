/** Short-lived things a browser comes back to by token: bounded in number, expiring after an hour. */
import { BoundedMap } from '../../internal/bounded-map.js';
import { randomUrlToken } from '../../internal/random.js';

/** How long a payment page or a 3-D Secure challenge stays usable. */
export const TOKEN_TTL_MS = 60 * 60 * 1000;

/** Items by their unguessable token (192 random bits). */
export class TokenStore<T extends { token: string; createdAt: number }> {
  readonly #items: BoundedMap<string, T>;
  readonly #now: () => Date;

  constructor(limit: number, now: () => Date) {
    this.#items = new BoundedMap(limit);
    this.#now = now;
  }

  /** Stores an item under a fresh token. */
  add(make: (token: string, createdAt: number) => T): T {
    const item = make(randomUrlToken(), this.#now().getTime());
    this.#items.set(item.token, item);
    return item;
  }

  /** The item of a token, unless unknown or expired. */
  get(token: string): T | undefined {
    const item = this.#items.get(token);
    if (item === undefined) return undefined;
    if (this.#now().getTime() - item.createdAt > TOKEN_TTL_MS) return undefined;
    return item;
  }
}
