/**
 * `X-GCS-Idempotence-Key` values: "unique to each transaction", "a maximum length of 40
 * characters", "ASCII compliant" (notes §1.5). Checked when given, generated when not.
 */
import { randomBase32 } from '../../../internal/random.js';

export const IDEMPOTENCE_HEADER = 'X-GCS-Idempotence-Key';
export const IDEMPOTENCE_TIMESTAMP_HEADER = 'X-GCS-Idempotence-Request-Timestamp';
export const MAX_IDEMPOTENCE_KEY_LENGTH = 40;

/**
 * Printable ASCII, no spaces: a header value is trimmed and its inner line breaks folded before
 * it is signed, so a key with blanks would be signed differently from how it reads.
 */
const KEY_PATTERN = /^[\x21-\x7e]{1,40}$/;

/** True for a key the platform accepts as it is. */
export function isIdempotenceKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

/** A fresh key: `ogc-` and 26 random Crockford base32 characters (130 bits), 30 in all. */
export function newIdempotenceKey(): string {
  return `ogc-${randomBase32(26)}`;
}

/** `X-GCS-Idempotence-Request-Timestamp` (ms since the epoch), `undefined` when absent or odd. */
export function replayTimestamp(headers: Headers): number | undefined {
  const value = headers.get(IDEMPOTENCE_TIMESTAMP_HEADER)?.trim();
  if (value === undefined || !/^\d{1,16}$/.test(value)) return undefined;
  return Number(value);
}
