/**
 * Worldline Direct statuses read as the legacy Ogone STATUS. OAS: `statusOutput.statusCode` is the
 * "Numeric status code of the legacy API", so it goes through the Ogone STATUS table unchanged and
 * the ledger's state machine applies as it is. `status` / `statusCategory` are kept for display.
 */
import { describeStatus, type StatusInfo } from '../status.js';

/** OAS `statusValue` (payments, captures, refunds). */
export const PAYMENT_STATUSES = [
  'CREATED',
  'CANCELLED',
  'REJECTED',
  'REJECTED_CAPTURE',
  'REDIRECTED',
  'PENDING_PAYMENT',
  'PENDING_COMPLETION',
  'PENDING_CAPTURE',
  'AUTHORIZATION_REQUESTED',
  'CAPTURE_REQUESTED',
  'CAPTURED',
  'REVERSED',
  'REFUND_REQUESTED',
  'REFUNDED',
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** OAS `statusOutput.statusCategory`. */
export const STATUS_CATEGORIES = [
  'CREATED',
  'UNSUCCESSFUL',
  'PENDING_PAYMENT',
  'PENDING_MERCHANT',
  'PENDING_CONNECT_OR_3RD_PARTY',
  'COMPLETED',
  'REVERSED',
  'REFUNDED',
] as const;

export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** A payment's (or capture's, refund's) status, read. */
export interface WorldlineStatus {
  /** `statusOutput.statusCode`, the legacy STATUS; `undefined` when absent or not a code. */
  legacyStatus: number | undefined;
  /** The legacy STATUS explained; outcome `unknown` when there is no usable code. */
  info: StatusInfo;
  /** `status` as sent (`''` when absent); unknown values are kept, never guessed from. */
  status: string;
  statusCategory: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `statusOutput.statusCode` as a legacy STATUS (an integer 0-999), else `undefined`. */
export function legacyStatusOf(statusOutput: unknown): number | undefined {
  if (!isRecord(statusOutput)) return undefined;
  const code = statusOutput.statusCode;
  return typeof code === 'number' && Number.isInteger(code) && code >= 0 && code <= 999
    ? code
    : undefined;
}

/**
 * Reads `{ status, statusOutput }` of a payment, capture or refund. Only `statusCode` decides the
 * outcome: with no code, the outcome is `unknown` (never paid) and the caller must query again;
 * `status` is never mapped by guesswork (a partial refund leaves statusCode 5 or 9 while status
 * changes, notes §2.8).
 */
export function readWorldlineStatus(object: unknown): WorldlineStatus {
  const record = isRecord(object) ? object : {};
  const statusOutput = record.statusOutput;
  const legacyStatus = legacyStatusOf(statusOutput);
  const category = isRecord(statusOutput) ? statusOutput.statusCategory : undefined;
  return {
    legacyStatus,
    info: describeStatus(legacyStatus ?? -1),
    status: typeof record.status === 'string' ? record.status : '',
    statusCategory: typeof category === 'string' ? category : '',
  };
}

/** OAS hosted checkout `status` (Direct). */
export const HOSTED_CHECKOUT_STATUSES = [
  'IN_PROGRESS',
  'PAYMENT_CREATED',
  'CANCELLED_BY_CONSUMER',
] as const;

/** Where a hosted checkout session is. */
export type HostedCheckoutState = 'in-progress' | 'payment-created' | 'cancelled' | 'unknown';

/**
 * A hosted checkout `status` read. Anything else (Connect's
 * `CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT`, a value added later) is `unknown`, which
 * callers treat as "not paid" (notes §3.4). Even `cancelled` may carry a payment: read it.
 */
export function hostedCheckoutState(status: unknown): HostedCheckoutState {
  switch (status) {
    case 'IN_PROGRESS':
      return 'in-progress';
    case 'PAYMENT_CREATED':
      return 'payment-created';
    case 'CANCELLED_BY_CONSUMER':
      return 'cancelled';
    default:
      return 'unknown';
  }
}
