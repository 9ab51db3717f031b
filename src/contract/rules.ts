/**
 * The contract's value rules, in plain TypeScript: shared by the zod schemas (`schemas.ts`, the
 * source of truth) and the browser's hand-written guards (`guards.ts`), so a rule is written once.
 */
import { OUTCOMES, type Outcome } from '../protocol/status.js';
import type { OrderState } from './types.js';

/** ISO 4217 currency codes as the protocol carries them. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Merchant order references: what `resolveOrder` receives and what comes back in COMPLUS. */
export const ORDER_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Ogone field names: upper-case letters, digits and `_`. */
export const FIELD_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;

/** A SHA-1, SHA-256 or SHA-512 signature in upper-case hex. */
export const SIGNATURE_PATTERN = /^[0-9A-F]{40,128}$/;

/** Two-decimal major units, e.g. `19.99`. */
export const AMOUNT_PATTERN = /^\d+\.\d{2}$/;

/** What `GET <endpoint>/orders/<orderRef>` may answer as `state`. */
export const ORDER_STATES: readonly OrderState[] = ['open', 'paid', 'pending', 'uncertain'];

/** A plain JSON object whose values are all strings. */
export function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** The cross-field rule of a signed payload, once every field has its type. */
export function isConsistentSignedPayload(payload: {
  action: string;
  method: 'POST' | 'GET';
  fields: Record<string, string>;
  orderId: string;
}): boolean {
  const { action, fields, orderId } = payload;
  if (action.length === 0 || orderId.length === 0 || orderId.length > 30) return false;
  // A GET (Worldline Direct's hosted checkout) carries nothing: the session is server-side.
  if (payload.method === 'GET') return Object.keys(fields).length === 0;
  return (
    fields['ORDERID'] === orderId &&
    SIGNATURE_PATTERN.test(fields['SHASIGN'] ?? '') &&
    Object.keys(fields).every((name) => FIELD_NAME_PATTERN.test(name))
  );
}

/** The cross-field rule of a payment result, once every field has its type. */
export function isConsistentPaymentResult(result: {
  orderRef: string;
  orderId: string;
  idempotencyKey: string;
  amount: string;
  currency: string;
}): boolean {
  return (
    result.orderRef !== '' &&
    result.orderId !== '' &&
    result.idempotencyKey !== '' &&
    AMOUNT_PATTERN.test(result.amount) &&
    CURRENCY_PATTERN.test(result.currency)
  );
}

/** One of the protocol's outcomes (`paid`, `refused`, …). */
export function isOutcome(value: unknown): value is Outcome {
  return OUTCOMES.includes(value as Outcome);
}

/** One of the order states `GET <endpoint>/orders/<orderRef>` answers. */
export function isOrderState(value: unknown): value is OrderState {
  return ORDER_STATES.includes(value as OrderState);
}
