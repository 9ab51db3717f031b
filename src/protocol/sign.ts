import { OgoneProtocolError } from './errors.js';
import { SHA_OUT_PARAMETERS } from './sha-out-parameters.js';

/** The hash algorithm chosen in the Ogone back office ("Global security parameters"). */
export type HashAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** Parameters as sent or received: original names, values exactly as on the wire. */
export type Params = Record<string, string | number | null | undefined>;

/** Which side of the protocol a signature belongs to. */
export type SignatureDirection = 'in' | 'out';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['sha1', 'sha256', 'sha512'];

const WEBCRYPTO_NAMES: Record<HashAlgorithm, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

/** Hex length of a digest per algorithm (40, 64, 128). */
export const DIGEST_HEX_LENGTH: Record<HashAlgorithm, number> = {
  sha1: 40,
  sha256: 64,
  sha512: 128,
};

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return value === 'sha1' || value === 'sha256' || value === 'sha512';
}

/** Throws `invalid-algorithm` unless `algorithm` is sha1, sha256 or sha512. */
export function assertAlgorithm(algorithm: unknown): asserts algorithm is HashAlgorithm {
  if (!isHashAlgorithm(algorithm)) {
    throw new OgoneProtocolError(
      'invalid-algorithm',
      `Unknown hash algorithm ${JSON.stringify(String(algorithm))}: use sha1, sha256 or sha512.`,
    );
  }
}

/** A parameter's value as signed and sent: `null`/`undefined` are empty, numbers must be finite. */
export function valueToString(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new OgoneProtocolError(
        'invalid-parameter',
        `Parameter ${name} is not a finite number.`,
      );
    }
    return String(value);
  }
  return value;
}

/**
 * The exact string Ogone hashes: every non-empty parameter (for `out`, only SHA-OUT names), names
 * upper-cased, sorted by code unit, each `NAME=value` followed by the passphrase. `SHASIGN` never
 * takes part. Two names that differ only in case are refused: which value would be signed?
 */
export function composeShaString(
  params: Params,
  passphrase: string,
  direction: SignatureDirection,
): string {
  const pairs: [name: string, value: string][] = [];
  for (const rawName of Object.keys(params)) {
    const rawValue = params[rawName];
    const name = rawName.toUpperCase();
    if (name === 'SHASIGN') continue;
    if (direction === 'out' && !SHA_OUT_PARAMETERS.has(name)) continue;
    const value = valueToString(rawName, rawValue);
    if (value !== '') pairs.push([name, value]);
  }
  // Code-unit order (`<` on strings), never localeCompare: "." < digits < "A-Z" < "_".
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < pairs.length; i++) {
    if (pairs[i]![0] === pairs[i - 1]![0]) {
      throw new OgoneProtocolError(
        'duplicate-parameter',
        `Parameter ${pairs[i]![0]} appears more than once (names are case-insensitive).`,
      );
    }
  }
  return pairs.map(([name, value]) => `${name}=${value}${passphrase}`).join('');
}

const encoder = new TextEncoder();
const HEX = '0123456789ABCDEF';

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let hex = '';
  for (const byte of bytes) hex += HEX[byte >> 4]! + HEX[byte & 15]!;
  return hex;
}

/** Upper-case hex digest of the UTF-8 bytes of `text`, with WebCrypto (Node 20, browsers, workers). */
export async function digestHex(text: string, algorithm: HashAlgorithm): Promise<string> {
  assertAlgorithm(algorithm);
  const digest = await globalThis.crypto.subtle.digest(
    WEBCRYPTO_NAMES[algorithm],
    encoder.encode(text),
  );
  return toHex(digest);
}

/** SHASIGN for an outgoing request (form to the hosted page, DirectLink): upper-case hex. */
export async function signShaIn(
  params: Params,
  passphrase: string,
  algorithm: HashAlgorithm,
): Promise<string> {
  assertAlgorithm(algorithm);
  return digestHex(composeShaString(params, passphrase, 'in'), algorithm);
}

/** The SHASIGN Ogone should have sent with these incoming parameters: upper-case hex. */
export async function signShaOut(
  params: Params,
  passphrase: string,
  algorithm: HashAlgorithm,
): Promise<string> {
  assertAlgorithm(algorithm);
  return digestHex(composeShaString(params, passphrase, 'out'), algorithm);
}

const HEX_DIGITS = /^[0-9A-Fa-f]+$/;

/**
 * Constant-time comparison of two hex signatures, case-insensitive. `received` must be plain hex
 * digits of exactly `expected`'s length: upper-casing anything else (`\uFB00` becomes `FF`) could
 * make a different string compare equal. The length is not secret (the algorithm fixes it).
 */
export function signaturesEqual(expected: string, received: string): boolean {
  if (received.length !== expected.length || !HEX_DIGITS.test(received)) return false;
  const a = expected.toUpperCase();
  const b = received.toUpperCase();
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Finds `SHASIGN` whatever its case; `undefined` when absent or empty. */
export function getReceivedSignature(params: Params): string | undefined {
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (name.toUpperCase() === 'SHASIGN' && typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** Hashes `text` (UTF-8) to upper-case hex: sync (e.g. `node:crypto`) or async (WebCrypto). */
export type DigestFunction = (text: string, algorithm: HashAlgorithm) => string | Promise<string>;

/**
 * {@link verifyShaOut} with the hash function of your choice (a server may pass a synchronous
 * `node:crypto` digest). Never throws for malformed input: a missing signature, nothing signed,
 * a wrong length or duplicate names all give `false`.
 */
export async function verifyShaOutWith(
  params: Params,
  passphrase: string,
  algorithm: HashAlgorithm,
  digest: DigestFunction,
): Promise<boolean> {
  assertAlgorithm(algorithm);
  const received = getReceivedSignature(params);
  if (received === undefined || received.length !== DIGEST_HEX_LENGTH[algorithm]) return false;
  let expected: string;
  try {
    const text = composeShaString(params, passphrase, 'out');
    // Nothing signed: the hash would cover the empty string, whose digest is public.
    if (text === '') return false;
    expected = await digest(text, algorithm);
  } catch {
    return false;
  }
  return signaturesEqual(expected, received);
}

/**
 * True when `params.SHASIGN` (any case) is the SHA-OUT signature of `params`, hashed with
 * WebCrypto. Never throws for malformed input.
 */
export function verifyShaOut(
  params: Params,
  passphrase: string,
  algorithm: HashAlgorithm,
): Promise<boolean> {
  return verifyShaOutWith(params, passphrase, algorithm, digestHex);
}
