/**
 * HMAC-SHA256 to standard base64 (with padding), the one primitive behind v1HMAC request signing
 * and webhook signatures: WebCrypto by default (Node 20, browsers, workers), or any function of
 * the same shape (a server may pass a synchronous `node:crypto` one). Plus the constant-time
 * comparison both verifiers use.
 */

/**
 * HMAC-SHA256 of `data` under the UTF-8 bytes of `key` (never base64-decoded: Worldline's SDKs use
 * the secret string as given), as standard base64 with padding.
 */
export type HmacSha256 = (key: string, data: Uint8Array) => string | Promise<string>;

const encoder = new TextEncoder();

/** The UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Standard base64 (`+`, `/`, `=` padding) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** {@link HmacSha256} with WebCrypto (`crypto.subtle`): asynchronous, works in every runtime. */
export const webCryptoHmacSha256: HmacSha256 = async (key, data) => {
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    'raw',
    utf8(key) as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign('HMAC', cryptoKey, data as BufferSource);
  return bytesToBase64(new Uint8Array(mac));
};

/**
 * Constant-time equality of two signatures (base64 text). The length is not secret (an HMAC-SHA256
 * in base64 is always 44 characters), so a length mismatch returns at once; equal lengths are
 * compared in full whatever the first difference.
 */
export function signaturesMatch(expected: string, received: string): boolean {
  if (expected.length === 0 || received.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) {
    diff |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  }
  return diff === 0;
}
