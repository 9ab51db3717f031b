/** The SHA-IN check the platform makes on every signed request (hosted page and DirectLink). */
import { getParam, type IncomingParams } from '../protocol/params.js';
import {
  composeShaString,
  DIGEST_HEX_LENGTH,
  signaturesEqual,
  type HashAlgorithm,
} from '../protocol/sign.js';
import { encodeText, type PageEncoding } from './directlink/encoding.js';

/** `ok`, or why the signature is refused: absent (`…/0/s`) or not matching (`…/1/s`). */
export type ShaInVerdict = 'ok' | 'missing' | 'mismatch';

const WEBCRYPTO: Record<HashAlgorithm, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

async function hexDigest(
  bytes: Uint8Array<ArrayBuffer>,
  algorithm: HashAlgorithm,
): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(WEBCRYPTO[algorithm], bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks `SHASIGN` (any case) against the SHA-IN of every other parameter (names upper-cased,
 * sorted, passphrase after each pair), hashed over the bytes of the page's encoding. Never throws.
 */
export async function checkShaIn(
  params: IncomingParams,
  passphrase: string,
  algorithm: HashAlgorithm,
  encoding: PageEncoding = 'utf-8',
): Promise<ShaInVerdict> {
  const received = getParam(params, 'SHASIGN') ?? '';
  if (received === '') return 'missing';
  let expected: string;
  try {
    const text = composeShaString(params, passphrase, 'in');
    expected = await hexDigest(encodeText(text, encoding), algorithm);
  } catch {
    return 'mismatch';
  }
  return signaturesEqual(expected, received) ? 'ok' : 'mismatch';
}

function algorithmOfLength(length: number): HashAlgorithm | undefined {
  return (Object.keys(DIGEST_HEX_LENGTH) as HashAlgorithm[]).find(
    (algorithm) => DIGEST_HEX_LENGTH[algorithm] === length,
  );
}

/** A developer hint for a signature that does not match (never the passphrase). */
export function mismatchHint(received: string, algorithm: HashAlgorithm): string {
  const other = algorithmOfLength(received.length);
  return other !== undefined && other !== algorithm
    ? `SHASIGN looks like ${other.toUpperCase()} but this sandbox expects ${algorithm.toUpperCase()}.`
    : `SHASIGN does not match: check the SHA-IN passphrase (not SHA-OUT), the algorithm (${algorithm.toUpperCase()}) and that every field was signed exactly as sent.`;
}
