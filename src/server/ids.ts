/** Fresh identifiers Ogone sees: ORDERIDs for payment attempts and names for card aliases. */
import { randomBase32 } from '../internal/random.js';

/** Longest ORDERID Ogone accepts everywhere (sources say 30 or 40). */
export const MAX_ORDER_ID_LENGTH = 30;
const SUFFIX_LENGTH = 10; // 50 random bits
const MAX_PREFIX = MAX_ORDER_ID_LENGTH - SUFFIX_LENGTH - 1;

/**
 * A fresh ORDERID for one payment attempt (Ogone refuses to take a second payment for an ORDERID,
 * so a retry after a cancel needs a new one): the order reference plus a random suffix when it
 * fits (`A-1042-7K3M9Q2XDV`, readable in the back office), else `OC` and 16 random characters.
 * Only letters, digits, `-` and `_`: any other character of the reference becomes `-`.
 */
export function newOrderId(orderRef: string): string {
  if (orderRef.length <= MAX_PREFIX) {
    return `${orderRef.replace(/[^A-Za-z0-9_-]/g, '-')}-${randomBase32(SUFFIX_LENGTH)}`;
  }
  return `OC${randomBase32(16)}`;
}

/**
 * A name for a card alias to create (`ALIAS`, ≤ 50 of letters, digits, `-`, `_`): the customer id
 * (cleaned, ≤ 30) and 12 random characters, or `OC` and 20 random characters.
 */
export function newAliasName(customerId: string | undefined): string {
  const clean = (customerId ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 30);
  return clean === '' ? `OC${randomBase32(20)}` : `${clean}-${randomBase32(12)}`;
}
