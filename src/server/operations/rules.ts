/**
 * The after-sale rules, pure: what a capture, cancel or refund may do to a payment given what the
 * ledger knows (its status, captured and refunded totals) and the operations still open on it.
 * A refusal names its reason; nothing here talks to Ogone or the database.
 */
import { stageOf } from '../ledger/state-machine.js';
import type { OperationErrorCode } from './errors.js';

/** The DirectLink `OPERATION` codes the operations send. */
export type AfterSaleOperation = 'SAL' | 'SAS' | 'DES' | 'RFD' | 'RFS';

export type OperationKind = 'capture' | 'cancel' | 'refund';

/** A payment as the rules read it; amounts in minor units. */
export interface PaymentFacts {
  /** The shown status (`null`: only a shopper's return seen). */
  status: number | null;
  /** The last status where money was reserved or moved (5, 9, 8, 6…), or `null`. */
  settled: number | null;
  amountMinor: number;
  capturedMinor: number;
  refundedMinor: number;
}

/** Operations of this payment not refused nor failed, as the rules count them. */
export interface OpenOperations {
  /** Captures sent or pending (not yet in `capturedMinor`). */
  capturingMinor: number;
  /** Refunds sent or pending (not yet in `refundedMinor`). */
  refundingMinor: number;
  /** A cancel sent, pending or done. */
  cancelling: boolean;
  /** A last capture (SAS) sent, pending or done: nothing more may be captured. */
  captureClosed: boolean;
  /** A last refund (RFS) sent, pending or done: nothing more may be refunded. */
  refundClosed: boolean;
  /** An operation whose answer was lost and is not resolved yet. */
  unresolved: boolean;
}

export const NO_OPEN_OPERATIONS: OpenOperations = {
  capturingMinor: 0,
  refundingMinor: 0,
  cancelling: false,
  captureClosed: false,
  refundClosed: false,
  unresolved: false,
};

/** What the caller asked. `amount` in minor units; `final` marks the last capture or refund. */
export interface Requested {
  amount?: number | undefined;
  final?: boolean | undefined;
}

/** What to send. */
export interface Decision {
  kind: OperationKind;
  operation: AfterSaleOperation;
  amountMinor: number;
  final: boolean;
}

export interface Refusal {
  code: OperationErrorCode;
  message: string;
  availableMinor?: number | undefined;
}

export type Verdict = { ok: true; decision: Decision } | { ok: false; refusal: Refusal };

/** Largest amount Ogone's AMOUNT holds (15 digits), exact as a JS number. */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999;

/** `amount` is a whole, positive number of minor units (500 = 5.00). */
export function checkAmount(amount: unknown): Refusal | undefined {
  if (amount === undefined) return undefined;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    return {
      code: 'invalid-amount',
      message: 'amount must be a whole, positive number of minor units (500 for 5.00)',
    };
  }
  if (amount > MAX_AMOUNT_MINOR) {
    return { code: 'invalid-amount', message: 'amount must have at most 15 digits' };
  }
  return undefined;
}

const refuse = (code: OperationErrorCode, message: string, availableMinor?: number): Verdict => ({
  ok: false,
  refusal: { code, message, ...(availableMinor === undefined ? {} : { availableMinor }) },
});

/** Shown as `12.34` in messages. */
export function formatMinor(minor: number): string {
  const text = String(minor).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** Refusals every operation shares: an unresolved operation, a payment not final yet. */
function common(payment: PaymentFacts, open: OpenOperations): Verdict | undefined {
  if (open.unresolved) {
    return refuse(
      'operation-unresolved',
      "an earlier operation's answer was lost and is not resolved yet; ask its status first",
    );
  }
  const stage = payment.status === null ? undefined : stageOf(payment.status);
  if (
    stage !== undefined &&
    (stage[1] === 'uncertain' || (stage[0] === 'checkout' && stage[1] === 'pending'))
  ) {
    return refuse(
      'payment-not-final',
      `the payment is ${stage[1]} (status ${payment.status}); ask its status first`,
    );
  }
  return undefined;
}

/** The stage of the last settled status: was the authorisation cancelled or deleted? */
function closedBySettlement(payment: PaymentFacts): boolean {
  const stage = payment.settled === null ? undefined : stageOf(payment.settled);
  return stage?.[0] === 'void' || stage?.[0] === 'deletion';
}

function withAmount(
  kind: 'capture' | 'refund',
  available: number,
  requested: Requested,
  tooMuch: OperationErrorCode,
): Verdict {
  const amount = requested.amount ?? available;
  if (amount > available) {
    const what = kind === 'capture' ? 'authorised and not captured' : 'captured and not refunded';
    return refuse(tooMuch, `only ${formatMinor(available)} is ${what}`, available);
  }
  const final = requested.final ?? amount === available;
  const operation: AfterSaleOperation =
    kind === 'capture' ? (final ? 'SAS' : 'SAL') : final ? 'RFS' : 'RFD';
  return { ok: true, decision: { kind, operation, amountMinor: amount, final } };
}

/** Capture only what is authorised and not yet captured (nor being captured). */
export function decideCapture(
  payment: PaymentFacts,
  open: OpenOperations,
  requested: Requested,
): Verdict {
  const bad = checkAmount(requested.amount);
  if (bad !== undefined) return { ok: false, refusal: bad };
  const shared = common(payment, open);
  if (shared !== undefined) return shared;
  if (payment.settled === null) return refuse('not-capturable', 'the payment was never authorised');
  if (closedBySettlement(payment) || open.cancelling) {
    return refuse('not-capturable', 'the authorisation was cancelled');
  }
  const available = payment.amountMinor - payment.capturedMinor - open.capturingMinor;
  if (open.captureClosed || available <= 0) {
    return refuse('not-capturable', 'nothing is left to capture');
  }
  return withAmount('capture', available, requested, 'capture-exceeds-authorised');
}

/** Cancel only an authorisation nothing was captured from. */
export function decideCancel(payment: PaymentFacts, open: OpenOperations): Verdict {
  const shared = common(payment, open);
  if (shared !== undefined) return shared;
  const untouched =
    payment.settled === 5 &&
    payment.capturedMinor === 0 &&
    open.capturingMinor === 0 &&
    !open.captureClosed &&
    !open.cancelling;
  if (!untouched) {
    return refuse(
      'not-cancellable',
      open.cancelling || closedBySettlement(payment)
        ? 'the authorisation is already cancelled'
        : 'only an authorisation nothing was captured from can be cancelled',
    );
  }
  return {
    ok: true,
    decision: { kind: 'cancel', operation: 'DES', amountMinor: payment.amountMinor, final: true },
  };
}

/** Refund only what was captured and not yet refunded (nor being refunded). */
export function decideRefund(
  payment: PaymentFacts,
  open: OpenOperations,
  requested: Requested,
): Verdict {
  const bad = checkAmount(requested.amount);
  if (bad !== undefined) return { ok: false, refusal: bad };
  const shared = common(payment, open);
  if (shared !== undefined) return shared;
  if (payment.capturedMinor === 0) return refuse('not-refundable', 'nothing was captured yet');
  const available = payment.capturedMinor - payment.refundedMinor - open.refundingMinor;
  if (open.refundClosed || available <= 0) {
    return refuse('not-refundable', 'everything captured is refunded already');
  }
  return withAmount('refund', available, requested, 'refund-exceeds-captured');
}
