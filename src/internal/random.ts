/** Random identifiers from `crypto.getRandomValues`: readable base32 and URL-safe base64. */

/** Crockford base32: no I, L, O, U, easy to read out to support. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Random bytes are drawn 1 KiB at a time and handed out in order: one `getRandomValues` call
 * costs about 4 µs in Node 20 whatever its size, which was a tenth of a `/sign` (bench:core).
 */
const POOL_SIZE = 1024;
let pool = new Uint8Array(0);
let cursor = 0;

function randomBytes(length: number): Uint8Array {
  if (cursor + length > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(Math.max(POOL_SIZE, length)));
    cursor = 0;
  }
  cursor += length;
  return pool.subarray(cursor - length, cursor);
}

/** `length` random Crockford base32 characters (5 bits each; 256 is a multiple of 32). */
export function randomBase32(length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) out += BASE32[byte & 31]!;
  return out;
}

/** A URL-safe base64 token of `bytes` random bytes (default 24: 192 bits). */
export function randomUrlToken(bytes = 24): string {
  const data = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
