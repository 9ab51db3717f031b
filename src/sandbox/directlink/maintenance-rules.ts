/**
 * What maintenancedirect accepts, from a payment's history alone (pure): captures (SAL partial,
 * SAS last) of an authorisation, cancels (DEL, DES) of an untouched authorisation, refunds (RFD
 * partial, RFS last) of what was captured; amounts exact in minor units.
 */
import type { PaymentRecord, StepKind } from '../state/payments.js';
import type { DirectLinkError } from './errors.js';

type AfterSale = Exclude<StepKind, 'payment'>;

/** Each operation: what it does and whether it is the last of its kind. */
export const MAINTENANCE_OPERATIONS: Readonly<Record<string, { kind: AfterSale; last: boolean }>> =
  {
    SAL: { kind: 'capture', last: false },
    SAS: { kind: 'capture', last: true },
    DEL: { kind: 'cancel', last: false },
    DES: { kind: 'cancel', last: true },
    RFD: { kind: 'refund', last: false },
    RFS: { kind: 'refund', last: true },
  };

/** The answer while an accepted operation is processed, and the status it reaches. */
export const PENDING_STATUS: Readonly<Record<AfterSale, number>> = {
  capture: 91,
  cancel: 61,
  refund: 81,
};
export const FINAL_STATUS: Readonly<Record<AfterSale, number>> = {
  capture: 9,
  cancel: 6,
  refund: 8,
};

/** A payment's money, in minor units, from its history. */
export interface PaymentTotals {
  /** Authorised and not captured at once (RES). */
  authorised: number;
  /** Captured for good (STATUS 9): a sale, or captures that reached 9. */
  captured: number;
  /** Captures still pending or uncertain. */
  capturing: number;
  /** Refunds accepted, pending or final. */
  refunded: number;
  cancelled: boolean;
  captureClosed: boolean;
  refundClosed: boolean;
}

export function totalsOf(payment: PaymentRecord): PaymentTotals {
  const first = payment.steps[0]!;
  const totals: PaymentTotals = {
    authorised: first.status === 5 ? first.amountMinor : 0,
    captured: first.status === 9 ? first.amountMinor : 0,
    capturing: 0,
    refunded: 0,
    cancelled: false,
    captureClosed: false,
    refundClosed: false,
  };
  for (const step of payment.steps.slice(1)) {
    const last = MAINTENANCE_OPERATIONS[step.operation]?.last === true;
    if (step.kind === 'capture') {
      if (step.status === 9) totals.captured += step.amountMinor;
      else totals.capturing += step.amountMinor;
      totals.captureClosed ||= last;
    } else if (step.kind === 'refund') {
      totals.refunded += step.amountMinor;
      totals.refundClosed ||= last;
    } else if (step.kind === 'cancel') {
      totals.cancelled = true;
    }
  }
  return totals;
}

export type MaintenanceDecision =
  | { accepted: { kind: AfterSale; operation: string; amountMinor: number } }
  | { refused: DirectLinkError; details: string[] };

/** Accepts or refuses an operation on a payment; `amount` is the request's AMOUNT (×100) or `''`. */
export function decideMaintenance(
  payment: PaymentRecord,
  operation: string,
  amount: string,
): MaintenanceDecision {
  const spec = MAINTENANCE_OPERATIONS[operation];
  if (operation === '') return { refused: 'missing-field', details: ['operation'] };
  if (spec === undefined) return { refused: 'invalid-field', details: ['operation not allowed'] };
  if (amount !== '' && (!/^\d{1,15}$/.test(amount) || Number(amount) === 0)) {
    return { refused: 'invalid-field', details: ['amount too long or not numeric'] };
  }
  const requested = amount === '' ? undefined : Number(amount);
  const totals = totalsOf(payment);
  const notAuthorized: MaintenanceDecision = { refused: 'not-authorized', details: [] };
  const accept = (amountMinor: number): MaintenanceDecision => ({
    accepted: { kind: spec.kind, operation, amountMinor },
  });
  const open = totals.authorised > 0 && !totals.cancelled;
  switch (spec.kind) {
    case 'capture': {
      const remaining = totals.authorised - totals.captured - totals.capturing;
      if (!open || totals.captureClosed || remaining <= 0) return notAuthorized;
      if (requested !== undefined && requested > remaining) return notAuthorized;
      return accept(requested ?? remaining);
    }
    case 'cancel':
      if (!open || totals.captured + totals.capturing > 0) return notAuthorized;
      return accept(totals.authorised);
    case 'refund': {
      if (totals.captured === 0 || totals.refundClosed) return notAuthorized;
      const refundable = totals.captured - totals.refunded;
      if (refundable <= 0 || (requested !== undefined && requested > refundable)) {
        return { refused: 'over-refund', details: [] };
      }
      return accept(requested ?? refundable);
    }
  }
}
