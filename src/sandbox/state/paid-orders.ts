/**
 * ORDERIDs that were paid: Ogone takes one payment per ORDERID ("already processed" otherwise).
 * A payment claims its ORDERID synchronously, before anything is awaited, so two sessions
 * submitting at the same moment cannot both pay it.
 */
import { BoundedMap } from '../../internal/bounded-map.js';

/** Ogone's NCERROR for a second payment with a processed ORDERID. */
export const ALREADY_PROCESSED_NCERROR = '50001113';

/** The claimed ORDERIDs (bounded: the oldest are forgotten first) and their PAYIDs. */
export class PaidOrders {
  readonly #orders: BoundedMap<string, string>;

  constructor(limit: number) {
    this.#orders = new BoundedMap(limit);
  }

  has(orderId: string): boolean {
    return this.#orders.has(orderId);
  }

  /** The PAYID that holds an ORDERID, if any. */
  holder(orderId: string): string | undefined {
    return this.#orders.get(orderId);
  }

  /**
   * Takes the ORDERID for `payId`, atomically (no await between the check and the write).
   * Returns `undefined` when taken, else the PAYID that already holds it.
   */
  claim(orderId: string, payId: string): string | undefined {
    const holder = this.#orders.get(orderId);
    if (holder !== undefined) return holder;
    this.#orders.set(orderId, payId);
    return undefined;
  }

  /** Frees an ORDERID whose payment did not go through (refused, cancelled), if `payId` holds it. */
  release(orderId: string, payId: string): void {
    if (this.#orders.get(orderId) === payId) this.#orders.delete(orderId);
  }
}
