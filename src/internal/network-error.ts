/**
 * What a failed `fetch` says about the request: the Node network error code, and whether the
 * request surely never reached the server (so it was not processed and may be sent again).
 */

/**
 * Errors raised before the request could have left: no name, no route, refused, a TLS certificate
 * that does not check. Anything else (a reset, a timeout) may have happened after the server read
 * the request.
 */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The `code` of a Node network error (on the error or up to two `cause`s deep), if any. */
export function networkErrorCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 3 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && code !== '') return code.slice(0, 40);
    current = cause;
  }
  return undefined;
}

/** True when a fetch failure surely happened before the request was sent. */
export function surelyNotSent(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && NOT_SENT_CODES.has(code);
}
