/** Random identifiers from `crypto.getRandomValues`: readable base32 and URL-safe base64. */

/** Crockford base32: no I, L, O, U, easy to read out to support. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` random Crockford base32 characters (5 bits each). */
export function randomBase32(length: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += BASE32[byte & 31]!;
  return out;
}

/** A URL-safe base64 token of `bytes` random bytes (default 24: 192 bits). */
export function randomUrlToken(bytes = 24): string {
  const data = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
