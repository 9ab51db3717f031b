/**
 * Records one verified message in one transaction: the payment's row locked, the event inserted
 * under its unique idempotency key (a duplicate stops there), the state machine applied, the
 * delivery enqueued and a saved card recorded. Nothing is half-recorded: it commits or not. The
 * first message of a new payment takes a one-statement path (`record-first.ts`).
 */
import type { PaymentResult } from '../../contract/types.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import { isSuccessOutcome } from '../../protocol/status.js';
import { saveCard } from './cards.js';
import type { Driver, Queryable } from './drivers/driver.js';
import { channelOf, countDuplicate, markStale } from './events.js';
import {
  lockPaymentAndInsertEvent,
  updateReturn,
  updateState,
  type Enqueue,
  type PaymentRow,
} from './payments.js';
import type { EventSource } from './records.js';
import { currentState, detailsOf, planUpdate } from './record-plan.js';
import { insertFirstResult } from './record-first.js';
import { transition } from './state-machine.js';

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

/** A verified success carrying ALIAS, from a matched order: its card is recorded. */
function savesCard(input: ResultToRecord): boolean {
  return (
    input.mayRecordCard &&
    input.result.alias !== undefined &&
    isSuccessOutcome(input.result.outcome)
  );
}

/** The delivery of a platform message (applied or stale: the merchant's books see every step). */
function delivery(
  input: ResultToRecord,
  eventId: string,
  disposition: 'applied' | 'stale',
  paymentStatus: number | null,
): Enqueue | undefined {
  if (input.payload === undefined) return undefined;
  return {
    eventId,
    idempotencyKey: input.result.idempotencyKey,
    payload: input.payload(disposition, paymentStatus),
  };
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
    const enqueue = delivery(input, eventId, 'stale', row.status);
    await markStale(tx, eventId, result.idempotencyKey, enqueue?.payload);
    return { disposition: 'stale', payment: row, eventId, enqueued: enqueue !== undefined };
  }
  const update = planUpdate(row, t.next, result);
  const enqueue = delivery(input, eventId, 'applied', update.status);
  const payment = await updateState(tx, row.id, update, enqueue);
  const enqueued = enqueue !== undefined;
  const customerId = payment.customer_id;
  if (savesCard(input) && customerId !== null && result.alias !== undefined) {
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

function seedOf({ provider, result, customerId }: ResultToRecord) {
  return {
    provider,
    orderRef: result.orderRef,
    orderId: result.orderId,
    amountMinor: toOgoneAmount(result.amount),
    currency: result.currency,
    customerId,
  };
}

function eventOf(input: ResultToRecord) {
  return {
    source: input.source,
    channel: channelOf(input.source),
    idempotencyKey: input.result.idempotencyKey,
    status: input.result.status,
    step: input.step,
    params: input.params,
    disposition: input.source === 'return' ? 'observed' : 'applied',
  };
}

/** Records a verified message; see the file comment. */
export async function recordResult(driver: Driver, input: ResultToRecord): Promise<RecordedResult> {
  const { result } = input;
  const seed = seedOf(input);
  const event = eventOf(input);
  if (input.source !== 'return' && !savesCard(input)) {
    // The first message of a new payment: one statement (see record-first.ts).
    const t = transition(null, { status: result.status, step: input.step });
    if (t.kind === 'apply') {
      const update = planUpdate(null, t.next, result);
      const payload = input.payload?.('applied', update.status);
      const first = await insertFirstResult(driver, seed, event, update, payload);
      if (first !== undefined) {
        return {
          disposition: 'applied',
          payment: first.row,
          eventId: first.eventId,
          enqueued: payload !== undefined,
        };
      }
    }
  }
  return driver.transaction((tx) => recordInTransaction(tx, input));
}

/**
 * The locking path of {@link recordResult} inside a transaction the caller holds (the
 * after-sale operations record an answer in the same transaction as their own row).
 */
export async function recordInTransaction(
  tx: Queryable,
  input: ResultToRecord,
): Promise<RecordedResult> {
  const { result } = input;
  const shopper = input.source === 'return';
  const { row, eventId: inserted } = await lockPaymentAndInsertEvent(
    tx,
    seedOf(input),
    eventOf(input),
  );
  if (inserted === null) {
    const eventId = await countDuplicate(tx, result.idempotencyKey, input.source);
    return { disposition: 'duplicate', payment: row, eventId, enqueued: false };
  }
  const eventId = inserted;
  if (shopper) {
    const payment = await applyReturn(tx, row, input);
    return { disposition: 'observed', payment, eventId, enqueued: false };
  }
  return applyPlatform(tx, row, input, eventId);
}
