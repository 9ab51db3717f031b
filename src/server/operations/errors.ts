/**
 * `OgoneOperationError`: the one error capture, cancel, refund, status and reconcile throw, with
 * a stable code from the endpoint's error table (and its HTTP status, for a payments page).
 * Refusals by the ledger's rules are thrown before anything is sent to Ogone.
 */
import { ENDPOINT_ERROR_STATUS } from '../../contract/errors.js';

/** Every code an operation may fail with; each is in the endpoint's error table. */
export const OPERATION_ERROR_CODES = [
  'payment-not-found',
  'ambiguous-order',
  'invalid-amount',
  'invalid-request',
  'idempotency-key-reused',
  'not-capturable',
  'capture-exceeds-authorised',
  'not-cancellable',
  'not-refundable',
  'refund-exceeds-captured',
  'payment-not-final',
  'operation-in-progress',
  'operation-unresolved',
  'platform-refused',
  'platform-unavailable',
  'platform-credentials-refused',
  'outcome-unknown',
  'api-user-missing',
  'ledger-missing',
  'ledger-unavailable',
] as const satisfies readonly (keyof typeof ENDPOINT_ERROR_STATUS)[];

/** Why an operation was refused or failed. */
export type OperationErrorCode = (typeof OPERATION_ERROR_CODES)[number];

/** What an error is about, when known. Amounts in minor units. */
export interface OperationErrorDetails {
  paymentId?: string | undefined;
  orderId?: string | undefined;
  /** The idempotency key of the operation. */
  key?: string | undefined;
  /** What could still be captured or refunded, when the amount was too large. */
  availableMinor?: number | undefined;
  /** Ogone's NCERROR, when Ogone refused. */
  ncError?: string | undefined;
}

export class OgoneOperationError extends Error {
  override readonly name = 'OgoneOperationError';
  readonly code: OperationErrorCode;
  /** The HTTP status a payments page answers with (from the endpoint's error table). */
  readonly status: number;
  readonly details: OperationErrorDetails;

  constructor(code: OperationErrorCode, message: string, details: OperationErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = ENDPOINT_ERROR_STATUS[code];
    this.details = details;
  }
}
