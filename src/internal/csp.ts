/** Content-Security-Policy pieces: the hash of an inline text, an origin as a source expression. */

/** `'sha256-…'` of a text (UTF-8), as a CSP source expression. */
export async function cspHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** CSP's host-source for http(s): scheme, letters/digits/dots/dashes, an optional port. */
const SOURCE = /^https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?$/;

/**
 * The origin of an http(s) URL as a CSP source (`https://shop.example:8443`), or `undefined` when
 * it cannot be written as one safely (WHATWG URL lets `;` and `,` into host names, which would
 * end or split a directive).
 */
export function cspOrigin(url: string): string | undefined {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  return SOURCE.test(origin) ? origin : undefined;
}
