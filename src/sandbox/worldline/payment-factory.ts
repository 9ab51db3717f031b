/**
 * Payments coming into being: a new payment for a card, and the outcome of its checkout applied
 * (accepted, refused, uncertain, waiting for 3-D Secure, cancelled by the shopper) with the
 * operation it records and the webhook event type it announces.
 */
import type { WorldlineCardBehaviour } from './cards.js';
import {
  statusOf,
  type AuthorizationMode,
  type SandboxCard,
  type SandboxPayment,
} from './payment-model.js';

export interface NewPayment {
  base: string;
  hostedCheckoutId: string | undefined;
  amount: number;
  currency: string;
  merchantReference: string;
  mode: AuthorizationMode;
  card: SandboxCard | undefined;
  token: string | undefined;
  webhookUrls: string[];
}

/** A payment in the `redirected` phase (nothing decided yet). */
export function newPayment(init: NewPayment, now: Date): SandboxPayment {
  return {
    ...init,
    id: `${init.base}_0`,
    phase: 'redirected',
    error: undefined,
    captured: 0,
    refunded: 0,
    released: 0,
    closed: false,
    operations: [],
    changedAt: now,
  };
}

/** What the checkout came to. */
export type CheckoutOutcome =
  | Exclude<WorldlineCardBehaviour, 'challenge'>
  | 'redirected'
  | 'cancelled'
  | 'authentication-failed';

/** True for a card whose issuer asks for 3-D Secure before anything else. */
export function asksAuthentication(
  behaviour: WorldlineCardBehaviour,
): behaviour is 'challenge' | 'authentication-required' {
  return behaviour === 'challenge' || behaviour === 'authentication-required';
}

/** Applies the checkout's outcome to the payment. A sale is captured at once, and final. */
export function settle(payment: SandboxPayment, outcome: CheckoutOutcome, now: Date): void {
  payment.changedAt = now;
  payment.error = undefined;
  switch (outcome) {
    case 'success':
      payment.phase = 'authorized';
      if (payment.mode === 'SALE') {
        payment.captured = payment.amount;
        payment.closed = true;
      }
      break;
    case 'refused':
      payment.phase = 'rejected';
      payment.error = 'declined';
      break;
    case 'authentication-failed':
      payment.phase = 'rejected';
      payment.error = 'authentication-refused';
      break;
    case 'authentication-required':
      payment.phase = 'rejected';
      payment.error = 'authentication-required';
      break;
    case 'uncertain':
      payment.phase = 'uncertain';
      break;
    case 'waiting':
      payment.phase = 'waiting';
      break;
    case 'cancelled':
      payment.phase = 'cancelled-by-customer';
      payment.error = 'cancelled-by-customer';
      break;
    case 'redirected':
      payment.phase = 'redirected';
      return;
  }
  const status = statusOf(payment);
  payment.operations.push({
    id: `${payment.base}_${payment.operations.length}`,
    kind: 'authorization',
    amount: payment.amount,
    status: status.status,
    statusCode: status.statusCode,
    at: now,
  });
}

/** The webhook type for the payment's current status, e.g. `payment.pending_capture`. */
export function eventType(payment: SandboxPayment): string {
  return `payment.${statusOf(payment).status.toLowerCase()}`;
}
