/** The SHA-IN check the platform makes on every signed request (hosted page and DirectLink). */
import type { IncomingParams } from '../protocol/params.js';
import { getParam } from '../protocol/params.js';
import {
  DIGEST_HEX_LENGTH,
  signaturesEqual,
  signShaIn,
  type HashAlgorithm,
} from '../protocol/sign.js';

/** `ok`, or why the signature is refused: absent (`…/0/s`) or not matching (`…/1/s`). */
export type ShaInVerdict = 'ok' | 'missing' | 'mismatch';

/** Checks `SHASIGN` (any case) against the SHA-IN of every other parameter. Never throws. */
export async function checkShaIn(
  params: IncomingParams,
  passphrase: string,
  algorithm: HashAlgorithm,
): Promise<ShaInVerdict> {
  const received = getParam(params, 'SHASIGN') ?? '';
  if (received === '') return 'missing';
  let expected: string;
  try {
    expected = await signShaIn(params, passphrase, algorithm);
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
