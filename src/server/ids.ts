/** Crockford base32: no I, L, O, U — easy to read out to support. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const POOL_SIZE = 1024;
let pool = new Uint8Array(0);
let cursor = 0;

/** `length` random base32 characters (5 bits each) from crypto.getRandomValues. */
export function randomToken(length: number): string {
  if (cursor + length > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(Math.max(POOL_SIZE, length)));
    cursor = 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[pool[cursor++]! & 31]!;
  return out;
}

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
    return `${orderRef.replace(/[^A-Za-z0-9_-]/g, '-')}-${randomToken(SUFFIX_LENGTH)}`;
  }
  return `OC${randomToken(16)}`;
}

/**
 * A name for a card alias to create (`ALIAS`, ≤ 50 of letters, digits, `-`, `_`): the customer id
 * (cleaned, ≤ 30) and 12 random characters, or `OC` and 20 random characters.
 */
export function newAliasName(customerId: string | undefined): string {
  const clean = (customerId ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 30);
  return clean === '' ? `OC${randomToken(20)}` : `${clean}-${randomToken(12)}`;
}
