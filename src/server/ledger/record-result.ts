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
import { channelOf, countDuplicate, markStale } from './events.js';
import {
  lockPaymentAndInsertEvent,
  updateReturn,
  updateState,
  type Enqueue,
  type PaymentRow,
} from './payments.js';
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
  const shown = displayedStatus(t.next);
  const own = shown === result.status;
  const settles = t.next.settled === result.status && stageOf(result.status) !== undefined;
  const minor = toOgoneAmount(result.amount);
  const enqueue = delivery(input, eventId, 'applied', shown);
  const payment = await updateState(
    tx,
    row.id,
    {
      status: shown,
      lastStatus: t.next.last,
      step: t.next.step,
      settledStatus: t.next.settled,
      settledKey: settles ? result.idempotencyKey : row.settled_key,
      stateKey: own ? result.idempotencyKey : (row.settled_key ?? result.idempotencyKey),
      details: own ? detailsOf(result) : null,
      capturedAddMinor: CAPTURED.has(result.status) ? minor : '0',
      refundedAddMinor: REFUNDED.has(result.status) ? minor : '0',
    },
    enqueue,
  );
  const enqueued = enqueue !== undefined;
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
    const shopper = input.source === 'return';
    const { row, eventId: inserted } = await lockPaymentAndInsertEvent(
      tx,
      {
        provider: input.provider,
        orderRef: result.orderRef,
        orderId: result.orderId,
        amountMinor: toOgoneAmount(result.amount),
        currency: result.currency,
        customerId: input.customerId,
      },
      {
        source: input.source,
        channel: channelOf(input.source),
        idempotencyKey: result.idempotencyKey,
        status: result.status,
        step: input.step,
        params: input.params,
        disposition: shopper ? 'observed' : 'applied',
      },
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
  });
}
