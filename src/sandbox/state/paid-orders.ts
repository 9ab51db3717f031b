/** ORDERIDs that were paid: Ogone takes one payment per ORDERID ("already processed" otherwise). */
import { BoundedMap } from '../../internal/bounded-map.js';

/** Ogone's NCERROR for a second payment with a paid ORDERID. */
export const ALREADY_PROCESSED_NCERROR = '50001113';

/** The paid ORDERIDs (bounded: the oldest are forgotten first) and their PAYIDs. */
export class PaidOrders {
  readonly #orders: BoundedMap<string, string>;

  constructor(limit: number) {
    this.#orders = new BoundedMap(limit);
  }

  has(orderId: string): boolean {
    return this.#orders.has(orderId);
  }

  record(orderId: string, payId: string): void {
    this.#orders.set(orderId, payId);
  }
}
