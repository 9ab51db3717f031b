/**
 * What a platform message writes to its payment once the state machine applied it: the shown
 * status, the state kept for later messages, the message's details and the money it moved.
 */
import type { PaymentResult } from '../../contract/types.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import type { PaymentRow, StateUpdate } from './payments.js';
import { displayedStatus, stageOf, type PaymentState } from './state-machine.js';

const CAPTURED = new Set([9, 95]);
const REFUNDED = new Set([8, 84, 85]);

export function detailsOf(result: PaymentResult): NonNullable<StateUpdate['details']> {
  return {
    payId: result.payId,
    ncError: result.ncError,
    trxDate: result.trxDate ?? null,
    cardNumber: result.cardNumber ?? null,
    brand: result.brand ?? null,
    alias: result.alias ?? null,
  };
}

/** The payment's state as the state machine reads it (`null`: no platform message yet). */
export function currentState(row: PaymentRow): PaymentState | null {
  if (row.last_status === null) return null;
  return { last: row.last_status, step: row.state_step, settled: row.settled_status };
}

/** The update for `next` (the state machine's answer) from the payment `row` (`null`: new). */
export function planUpdate(
  row: PaymentRow | null,
  next: PaymentState,
  result: PaymentResult,
): StateUpdate {
  const shown = displayedStatus(next);
  const own = shown === result.status;
  const settles = next.settled === result.status && stageOf(result.status) !== undefined;
  const settledKey = row?.settled_key ?? null;
  const minor = toOgoneAmount(result.amount);
  return {
    status: shown,
    lastStatus: next.last,
    step: next.step,
    settledStatus: next.settled,
    settledKey: settles ? result.idempotencyKey : settledKey,
    stateKey: own ? result.idempotencyKey : (settledKey ?? result.idempotencyKey),
    details: own ? detailsOf(result) : null,
    capturedAddMinor: CAPTURED.has(result.status) ? minor : '0',
    refundedAddMinor: REFUNDED.has(result.status) ? minor : '0',
  };
}
