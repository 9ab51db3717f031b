/**
 * The endpoint's error codes: one table from which the code type, the list and each code's HTTP
 * status derive. Every error answer is `{ "error": { "code", "message" } }` with this status.
 */

export const ENDPOINT_ERROR_STATUS = {
  'invalid-json': 400,
  'invalid-request': 400,
  'invalid-amount': 400,
  'return-url-not-allowed': 400,
  'admin-sign-in-required': 401,
  'invalid-signature': 403,
  'cross-site-request': 403,
  'csrf-token-invalid': 403,
  'unknown-order': 404,
  'not-found': 404,
  'card-not-found': 404,
  'payment-not-found': 404,
  'method-not-allowed': 405,
  'amount-mismatch': 409,
  'operation-refused': 409,
  'order-not-payable': 409,
  'saved-cards-unavailable': 409,
  'ambiguous-order': 409,
  'not-capturable': 409,
  'capture-exceeds-authorised': 409,
  'not-cancellable': 409,
  'not-refundable': 409,
  'refund-exceeds-captured': 409,
  'payment-not-final': 409,
  'operation-in-progress': 409,
  'operation-unresolved': 409,
  'platform-refused': 409,
  'api-user-missing': 409,
  'ledger-missing': 409,
  'result-expired': 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'save-card-not-allowed': 422,
  'card-expired': 422,
  'idempotency-key-reused': 422,
  'order-lookup-failed': 502,
  'outcome-unknown': 502,
  'platform-credentials-refused': 502,
  'result-delivery-failed': 503,
  'ledger-unavailable': 503,
  'platform-unavailable': 503,
} as const satisfies Record<string, number>;

/** Stable error codes the companion endpoint answers with. */
export type EndpointErrorCode = keyof typeof ENDPOINT_ERROR_STATUS;

/** Every {@link EndpointErrorCode}. */
export const ENDPOINT_ERROR_CODES = Object.keys(
  ENDPOINT_ERROR_STATUS,
) as readonly EndpointErrorCode[];

/** True for a code of the table (an answer's `error.code` may be anything). */
export function isEndpointErrorCode(code: string): code is EndpointErrorCode {
  return Object.prototype.hasOwnProperty.call(ENDPOINT_ERROR_STATUS, code);
}
