/**
 * The platform's error answers (OAS `errorResponse`: `errorId` + `errors[]`), one table of the
 * refusals this sandbox makes. Codes and ids come from Worldline's own stubs and the OAS examples
 * where one exists; the rest are marked sandbox-own (the client never relies on them, only on the
 * HTTP status and, for 409, on an id that names the payment's state).
 */

interface ErrorRow {
  httpStatus: number;
  errorCode: string;
  id: string;
  category: 'DIRECT_PLATFORM_ERROR' | 'PAYMENT_PLATFORM_ERROR' | 'IO_ERROR';
  message: string;
}

export const API_ERRORS = {
  /** No Authorization header, or not `GCS v1HMAC:…`: sandbox-own 401 (Gap 3: 401 undocumented). */
  'missing-authorization': {
    httpStatus: 401,
    errorCode: '9001',
    id: 'MISSING_OR_INVALID_AUTHORIZATION',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'The Authorization header is missing or is not GCS v1HMAC.',
  },
  /** OAS TestConnection 403 "Your API authentication failed."; code/id pair of a Worldline stub. */
  'authentication-failed': {
    httpStatus: 403,
    errorCode: '40001134',
    id: 'AUTHENTICATION_FAILURE',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'Your API authentication failed.',
  },
  /** A key valid for another merchant id: sandbox-own. */
  'wrong-merchant': {
    httpStatus: 403,
    errorCode: '9002',
    id: 'ACCESS_TO_MERCHANT_NOT_ALLOWED',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'This API key is not allowed for this merchant id.',
  },
  /** OAS example pair (`50001130`, `UNKNOWN_PAYMENT_ID`, 404). */
  'unknown-payment': {
    httpStatus: 404,
    errorCode: '50001130',
    id: 'UNKNOWN_PAYMENT_ID',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'The payment does not exist.',
  },
  'unknown-hosted-checkout': {
    httpStatus: 404,
    errorCode: '50001130',
    id: 'UNKNOWN_HOSTED_CHECKOUT_ID',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'The hosted checkout does not exist or its session has ended (3 hours).',
  },
  /** OAS GetToken 404 "does not exist or has been deleted". */
  'unknown-token': {
    httpStatus: 404,
    errorCode: '50001130',
    id: 'UNKNOWN_TOKEN',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'The token does not exist or has been deleted.',
  },
  'not-found': {
    httpStatus: 404,
    errorCode: '9004',
    id: 'RESOURCE_NOT_FOUND',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'No such API resource.',
  },
  'invalid-request': {
    httpStatus: 400,
    errorCode: '50001111',
    id: 'PARAMETER_NOT_FOUND_IN_REQUEST',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'A required or well-formed value is missing.',
  },
  /** 50001127 ACTION_NOT_ALLOWED_ON_TRANSACTION: measured on preprod by a third party. */
  'not-allowed': {
    httpStatus: 409,
    errorCode: '50001127',
    id: 'ACTION_NOT_ALLOWED_ON_TRANSACTION',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'This operation is not allowed in the payment’s current state.',
  },
  'refund-not-allowed': {
    httpStatus: 400,
    errorCode: '50001127',
    id: 'ACTION_NOT_ALLOWED_ON_TRANSACTION',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'This payment cannot be refunded in its current state.',
  },
  /** OAS RefundPayment: "the total amount to be refunded does not exceed the total amount paid". */
  'amount-too-high': {
    httpStatus: 400,
    errorCode: '50001128',
    id: 'AMOUNT_EXCEEDS_ALLOWED',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'The amount is higher than what remains.',
  },
  /** The idempotent request is still running (OAS/DOCS: 409); the body is sandbox-own. */
  'idempotence-in-progress': {
    httpStatus: 409,
    errorCode: '1409',
    id: 'IDEMPOTENCE_REQUEST_IN_PROGRESS',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'A request with this idempotence key is being processed.',
  },
  'idempotence-key-reused': {
    httpStatus: 400,
    errorCode: '1400',
    id: 'IDEMPOTENCE_KEY_REUSED',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'This idempotence key was used for another request.',
  },
  /** Worldline stub pair for a customer who cancelled (statusOutput.errors). */
  'cancelled-by-customer': {
    httpStatus: 402,
    errorCode: '30171001',
    id: 'CANCELLED_BY_CUSTOMER',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'Payment cancelled by the customer.',
  },
  /** Third-party list of the troubleshooting page: 30041001 issuer rejected. */
  declined: {
    httpStatus: 402,
    errorCode: '30041001',
    id: 'AUTHORIZATION_REFUSED',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: 'The issuer refused the authorisation.',
  },
  'authentication-refused': {
    httpStatus: 402,
    errorCode: '40001134',
    id: 'AUTHENTICATION_FAILURE',
    category: 'PAYMENT_PLATFORM_ERROR',
    message: '3-D Secure authentication failed.',
  },
  /** Mirrors the Ogone sandbox's NCERROR 40001139 for a payment without the shopper: sandbox-own id. */
  'authentication-required': {
    httpStatus: 402,
    errorCode: '40001139',
    id: 'AUTHENTICATION_REQUIRED',
    category: 'PAYMENT_PLATFORM_ERROR',
    message:
      'The issuer requires 3-D Secure: pay with the shopper present (CIT) or on the hosted page.',
  },
  'too-large': {
    httpStatus: 413,
    errorCode: '9413',
    id: 'REQUEST_TOO_LARGE',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'The request body is too large.',
  },
  'internal-error': {
    httpStatus: 500,
    errorCode: '9999',
    id: 'INTERNAL_ERROR',
    category: 'DIRECT_PLATFORM_ERROR',
    message: 'The sandbox could not handle this request.',
  },
} as const satisfies Record<string, ErrorRow>;

export type ApiErrorName = keyof typeof API_ERRORS;

/** One `errors[]` entry (OAS `aPIError`). */
export function apiErrorEntry(
  name: ApiErrorName,
  detail?: { message?: string; propertyName?: string },
) {
  const row = API_ERRORS[name];
  return {
    errorCode: row.errorCode,
    category: row.category,
    code: row.errorCode.slice(-4),
    httpStatusCode: row.httpStatus,
    id: row.id,
    message: detail?.message ?? row.message,
    ...(detail?.propertyName === undefined ? {} : { propertyName: detail.propertyName }),
    retriable: false,
  };
}

/** A fresh `errorId`, shaped like the OAS example (`<uuid>-00000092`). */
export function newErrorId(): string {
  return `${globalThis.crypto.randomUUID()}-${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** The JSON body of an error answer; `extra` adds e.g. `paymentResult`. */
export function errorBody(
  name: ApiErrorName,
  detail?: { message?: string; propertyName?: string },
  extra: Record<string, unknown> = {},
): { status: number; body: Record<string, unknown> } {
  return {
    status: API_ERRORS[name].httpStatus,
    body: { errorId: newErrorId(), errors: [apiErrorEntry(name, detail)], ...extra },
  };
}
