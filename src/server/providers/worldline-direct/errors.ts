/**
 * `WorldlineError`: the one error the Worldline Direct client throws, with a stable code per kind
 * of failure and what it means for a retry. The platform's `errorId` and `errors[]` come along
 * (scrubbed); the message never holds the API secret, the webhook secret or an Authorization value.
 */

/** Every code, with whether the call may have been processed by the platform. */
export const WORLDLINE_ERROR_CODES = {
  /** Our own input is wrong (an amount, an id, a URL): nothing was sent. */
  'invalid-request': 'not-sent',
  /** No connection could be made (DNS, refused, TLS): nothing was sent. */
  unreachable: 'not-sent',
  /** No answer in time: it may have been processed. Resend with the same idempotence key. */
  timeout: 'unknown',
  /** The connection broke before a whole answer came: it may have been processed. */
  'connection-lost': 'unknown',
  /** HTTP 401 / 403: the API key id, its secret or the merchant id is wrong (or not allowed). */
  'authentication-failed': 'refused',
  /** HTTP 404: no such hosted checkout, payment or token (or it was deleted). */
  'not-found': 'refused',
  /** HTTP 400: the platform refused the request (`errors[]` says why: over-refund, a field). */
  rejected: 'refused',
  /** HTTP 402 (or a refusal with a `paymentResult`): the payment was declined. */
  declined: 'refused',
  /** HTTP 409 naming the payment's state: the operation is not allowed now (payment closed). */
  'not-allowed': 'refused',
  /**
   * HTTP 409 on a call with an idempotence key: "the request is currently being processed".
   * Ask again later with the same key; never with a new one.
   */
  'idempotence-in-progress': 'unknown',
  /** HTTP 5xx: the platform failed; it may have been processed. Resend with the same key. */
  'platform-error': 'unknown',
  /** An answer that is not what the API documents (not JSON, too large, a redirect, no id). */
  'invalid-answer': 'unknown',
} as const;

export type WorldlineErrorCode = keyof typeof WORLDLINE_ERROR_CODES;

/** `not-sent`: safe to send again; `refused`: processed and refused; `unknown`: find out first. */
export type WorldlineErrorEffect = (typeof WORLDLINE_ERROR_CODES)[WorldlineErrorCode];

/** One entry of the platform's `errors[]` (OAS `aPIError`), scrubbed and bounded. */
export interface WorldlineApiError {
  errorCode: string | undefined;
  /** Short and stable, e.g. `UNKNOWN_PAYMENT_ID`. */
  id: string | undefined;
  category: string | undefined;
  httpStatusCode: number | undefined;
  /** "Not meant to be relayed to customer." */
  message: string | undefined;
  propertyName: string | undefined;
  /** "The same request can safely be sent again with a new idempotence key." */
  retriable: boolean | undefined;
}

export interface WorldlineErrorDetails {
  /** The client method, e.g. `capturePayment`. */
  operation: string;
  httpStatus?: number | undefined;
  /** The platform's `errorId` ("for debugging purposes"): quote it to Worldline support. */
  errorId?: string | undefined;
  errors?: readonly WorldlineApiError[] | undefined;
  /** The idempotence key the call carried, to resend with. */
  idempotenceKey?: string | undefined;
  /** For `declined`: the `paymentResult` the platform sent (a createPaymentResponse), parsed. */
  paymentResult?: unknown;
}

export class WorldlineError extends Error {
  override readonly name = 'WorldlineError';
  readonly code: WorldlineErrorCode;
  /** What the failure means for the call: see {@link WorldlineErrorEffect}. */
  readonly effect: WorldlineErrorEffect;
  readonly operation: string;
  readonly httpStatus: number | undefined;
  readonly errorId: string | undefined;
  readonly errors: readonly WorldlineApiError[];
  readonly idempotenceKey: string | undefined;
  readonly paymentResult: unknown;

  constructor(code: WorldlineErrorCode, message: string, details: WorldlineErrorDetails) {
    super(message);
    this.code = code;
    this.effect = WORLDLINE_ERROR_CODES[code];
    this.operation = details.operation;
    this.httpStatus = details.httpStatus;
    this.errorId = details.errorId;
    this.errors = details.errors ?? [];
    this.idempotenceKey = details.idempotenceKey;
    this.paymentResult = details.paymentResult;
  }
}
