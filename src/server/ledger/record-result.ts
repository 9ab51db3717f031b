/**
 * Records one verified message in one transaction: the payment's row locked, the event inserted
 * under its unique idempotency key (a duplicate stops there), the state machine applied, the
 * delivery enqueued and a saved card recorded. Nothing is half-recorded: it commits or not.
 */
import type { PaymentResult } from '../../contract/types.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import { isSuccessOutcome } from '../../protocol/status.js';
import { saveCard } from './cards.js';
import type { Driver, Queryable } from './drivers/driver.js';
import { insertEvent, setDisposition } from './events.js';
import { enqueue } from './outbox.js';
import { lockPayment, updateReturn, updateState, type PaymentRow } from './payments.js';
import type { EventSource } from './records.js';
import { displayedStatus, stageOf, transition, type PaymentState } from './state-machine.js';

/** A verified message to record. */
export interface ResultToRecord {
  source: EventSource;
  provider: string;
  result: PaymentResult;
  /** PAYIDSUB (0 when absent). */
  step: number;
  /** The signed parameters, SHASIGN left out. */
  params: Readonly<Record<string, string>>;
  /** The order's customer (from `resolveOrder`), for the payment and a saved card. */
  customerId: string | undefined;
  /** Whether a card alias in a success may be recorded as a saved card. */
  mayRecordCard: boolean;
  /**
   * What to deliver for a platform message (applied or stale), given the verdict and the
   * payment's status after it; `undefined` for none.
   */
  payload:
    ((disposition: 'applied' | 'stale', paymentStatus: number | null) => unknown) | undefined;
}

/** What recording did. `observed` is a shopper's return (recorded, never applied). */
export interface RecordedResult {
  disposition: 'applied' | 'stale' | 'duplicate' | 'observed';
  /** The payment after the message. */
  payment: PaymentRow;
  /** The event recorded under the message's key (the first one's, for a duplicate). */
  eventId: string;
  /** Whether a delivery was enqueued. */
  enqueued: boolean;
}

const CAPTURED = new Set([9, 95]);
const REFUNDED = new Set([8, 84, 85]);

function detailsOf(result: PaymentResult) {
  return {
    payId: result.payId,
    ncError: result.ncError,
    trxDate: result.trxDate ?? null,
    cardNumber: result.cardNumber ?? null,
    brand: result.brand ?? null,
    alias: result.alias ?? null,
  };
}

function currentState(row: PaymentRow): PaymentState | null {
  if (row.last_status === null) return null;
  return { last: row.last_status, step: row.state_step, settled: row.settled_status };
}

/** Enqueues the message's delivery (applied or stale: the merchant's books see every step). */
async function deliver(
  tx: Queryable,
  row: PaymentRow,
  input: ResultToRecord,
  eventId: string,
  disposition: 'applied' | 'stale',
  paymentStatus: number | null,
): Promise<boolean> {
  if (input.payload === undefined) return false;
  await enqueue(tx, {
    paymentId: row.id,
    eventId,
    idempotencyKey: input.result.idempotencyKey,
    payload: input.payload(disposition, paymentStatus),
  });
  return true;
}

async function applyPlatform(
  tx: Queryable,
  row: PaymentRow,
  input: ResultToRecord,
  eventId: string,
): Promise<RecordedResult> {
  const { result } = input;
  const t = transition(currentState(row), { status: result.status, step: input.step });
  if (t.kind === 'stale') {
    await setDisposition(tx, eventId, 'stale');
    const enqueued = await deliver(tx, row, input, eventId, 'stale', row.status);
    return { disposition: 'stale', payment: row, eventId, enqueued };
  }
  const shown = displayedStatus(t.next);
  const own = shown === result.status;
  const settles = t.next.settled === result.status && stageOf(result.status) !== undefined;
  const minor = toOgoneAmount(result.amount);
  const payment = await updateState(tx, row.id, {
    status: shown,
    lastStatus: t.next.last,
    step: t.next.step,
    settledStatus: t.next.settled,
    settledKey: settles ? result.idempotencyKey : row.settled_key,
    stateKey: own ? result.idempotencyKey : (row.settled_key ?? result.idempotencyKey),
    details: own ? detailsOf(result) : null,
    capturedAddMinor: CAPTURED.has(result.status) ? minor : '0',
    refundedAddMinor: REFUNDED.has(result.status) ? minor : '0',
  });
  const enqueued = await deliver(tx, row, input, eventId, 'applied', payment.status);
  const customerId = payment.customer_id;
  if (
    input.mayRecordCard &&
    customerId !== null &&
    result.alias !== undefined &&
    isSuccessOutcome(result.outcome)
  ) {
    await saveCard(tx, {
      provider: input.provider,
      customerId,
      alias: result.alias,
      cardNumber: result.cardNumber ?? null,
      brand: result.brand ?? null,
      expiry: input.params['ED'] ?? null,
      paymentId: row.id,
    });
  }
  return { disposition: 'applied', payment, eventId, enqueued };
}

async function applyReturn(tx: Queryable, row: PaymentRow, input: ResultToRecord) {
  const { result } = input;
  const seen =
    row.return_status === null ? null : { last: row.return_status, step: 0, settled: null };
  const t = transition(seen, { status: result.status, step: 0 });
  return t.kind === 'apply'
    ? updateReturn(tx, row.id, result.status, result.idempotencyKey, detailsOf(result))
    : row;
}

/** Records a verified message; see the file comment. */
export function recordResult(driver: Driver, input: ResultToRecord): Promise<RecordedResult> {
  const { result } = input;
  return driver.transaction(async (tx) => {
    const row = await lockPayment(tx, {
      provider: input.provider,
      orderRef: result.orderRef,
      orderId: result.orderId,
      amountMinor: toOgoneAmount(result.amount),
      currency: result.currency,
      customerId: input.customerId,
    });
    const shopper = input.source === 'return';
    const event = await insertEvent(tx, {
      paymentId: row.id,
      source: input.source,
      idempotencyKey: result.idempotencyKey,
      status: result.status,
      step: input.step,
      params: input.params,
      disposition: shopper ? 'observed' : 'applied',
    });
    const eventId = event.id;
    if (event.duplicate)
      return { disposition: 'duplicate', payment: row, eventId, enqueued: false };
    if (shopper) {
      const payment = await applyReturn(tx, row, input);
      return { disposition: 'observed', payment, eventId, enqueued: false };
    }
    return applyPlatform(tx, row, input, eventId);
  });
}
