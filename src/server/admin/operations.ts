import type { AdminOperationRecord } from './operation-views.js';

/**
 * What the payments page needs from the after-sale operations (capture, cancel, refund), and
 * their refusals in plain words. Amounts are minor units.
 */

export interface AdminOperationOptions {
  /** Minor units; the whole remaining amount when absent. */
  amount?: number | undefined;
  /** The last capture or refund of this payment (SAS / RFS). */
  final?: boolean | undefined;
  /** Idempotency key: the same key twice does the operation once. */
  key?: string | undefined;
}

/** The operations the page calls, by the payment's ORDERID. */
export interface AdminOperations {
  capture(ref: string, options: AdminOperationOptions): Promise<unknown>;
  cancel(ref: string, options: Pick<AdminOperationOptions, 'key'>): Promise<unknown>;
  refund(ref: string, options: AdminOperationOptions): Promise<unknown>;
  /** Asks Ogone (querydirect) and records the answer; `queried: false` when asked < 30 s ago. */
  status(ref: string): Promise<{ queried: boolean }>;
  /** The operations recorded for a payment (ledger id), oldest first. */
  operationsOf?(paymentId: string): Promise<readonly AdminOperationRecord[]>;
}

/** What a button does: move money, or (`check`) ask Ogone for the status. */
export type AdminAction = 'capture' | 'cancel' | 'refund' | 'check';

export const ADMIN_ACTIONS: readonly AdminAction[] = ['capture', 'cancel', 'refund', 'check'];

/** An operation's typed refusal: an error with a stable `code`, a safe message, maybe details. */
export interface Refusal {
  code: string;
  message: string;
  /** What is still available (minor units), when the amount was too large. */
  availableMinor?: number | undefined;
  ncError?: string | undefined;
}

export function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, details } = error as { code?: unknown; details?: Record<string, unknown> };
  if (typeof code !== 'string' || code === '') return undefined;
  const available = details?.['availableMinor'];
  const ncError = details?.['ncError'];
  return {
    code,
    message: error.message,
    availableMinor: typeof available === 'number' ? available : undefined,
    ncError: typeof ncError === 'string' ? ncError : undefined,
  };
}

/** Plain words for the operations' refusals; an unknown code keeps the operation's message. */
const PLAIN: Readonly<Record<string, string>> = {
  'capture-exceeds-authorised': 'That is more than is left to capture on this payment.',
  'refund-exceeds-captured': 'That is more than is left to refund on this payment.',
  'not-capturable': 'This payment cannot be captured now.',
  'not-refundable': 'This payment cannot be refunded now: nothing captured is left to give back.',
  'not-cancellable': 'This payment cannot be cancelled now: it is no longer only authorised.',
  'payment-not-final': 'The bank has not finished with this payment yet. Try again once it has.',
  'operation-in-progress': 'Another action on this payment is still waiting for the bank.',
  'operation-unresolved':
    'An earlier action on this payment has no answer yet; its status is being checked.',
  'platform-refused': 'Ogone refused it.',
  'platform-unavailable': 'Ogone could not be reached. Nothing was changed; try again shortly.',
  'platform-credentials-refused':
    "Ogone did not accept the shop's API user. Ask whoever set up the shop to check it.",
  'outcome-unknown':
    'Ogone did not answer, so it is not known yet whether this went through. Check the payment again in a minute before retrying.',
  'idempotency-key-reused': 'This was already sent with other details. Reload the page.',
  'invalid-amount': 'Enter an amount like 5.00.',
  'api-user-missing': 'Capture, cancel and refund are off: the endpoint has no API user.',
  'payment-not-found': 'This payment is not in the ledger.',
};

/** The refusal in plain words, with what is left or Ogone's error code when known. */
export function plainRefusal(refusal: Refusal, currency: string): string {
  const text = PLAIN[refusal.code] ?? refusal.message;
  if (refusal.availableMinor !== undefined && /exceeds/.test(refusal.code)) {
    const minor = String(refusal.availableMinor).padStart(3, '0');
    return `${text} At most ${minor.slice(0, -2)}.${minor.slice(-2)} ${currency} is left.`;
  }
  if (refusal.ncError !== undefined && refusal.code === 'platform-refused') {
    return `${text} (Ogone error ${refusal.ncError})`;
  }
  return text;
}
