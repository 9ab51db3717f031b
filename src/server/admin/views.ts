/**
 * What the payments page's JSON API answers: ledger rows and records turned into plain views
 * (labels, tones, amounts as two-decimal text, the buttons allowed). Pure.
 */
import { describeStatus } from '../../protocol/status.js';
import type { PaymentRow } from '../ledger/payments.js';
import type { DeliveryRecord, EventRecord } from '../ledger/records.js';
import { iso, major } from '../ledger/sql-values.js';
import { allowedActions } from './actions.js';
import { operationView, type AdminOperationRecord, type OperationView } from './operation-views.js';
import { needsAttention, plainStatus, WAITING_OUTCOMES, type Tone } from './plain-status.js';

export interface AdminPaymentView {
  id: string;
  orderRef: string;
  orderId: string;
  payId: string;
  /** `"10.00"`. */
  amount: string;
  currency: string;
  status: number | null;
  /** The protocol's name of the status (`Payment requested`), for those who know it. */
  statusName: string | null;
  /** Plain words (`Captured`). */
  label: string;
  tone: Tone;
  attention: boolean;
  cardNumber: string | null;
  brand: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  label: string;
  tone: Tone;
  status: number;
  statusName: string;
  /** Who said it, in plain words. */
  source: string;
  /** E.g. "Older than what was known: kept, not applied". */
  note: string | null;
  /** The amount the message names, `"5.00"`, when it names one. */
  amount: string | null;
}

export interface DeliveryView {
  id: string;
  /** What was (or is to be) told, e.g. "Refunded, 5.00 EUR". */
  about: string;
  state: 'delivered' | 'waiting' | 'gave-up';
  label: string;
  at: string;
  attempts: number;
  lastError: string | null;
}

export interface AdminPaymentDetail extends AdminPaymentView {
  capturedAmount: string;
  refundedAmount: string;
  ncError: string | null;
  actions: {
    capture: string | null;
    cancel: boolean;
    refund: string | null;
    /** "Ask Ogone for the status" is offered. */
    check: boolean;
    reason: string | null;
  };
  /** True while the bank has not answered the last step (the page looks again by itself). */
  waitingForBank: boolean;
  timeline: TimelineEntry[];
  deliveries: DeliveryView[];
  /** Captures, cancels and refunds asked for, newest first. */
  operations: OperationView[];
}

const amounts = (row: PaymentRow) => ({
  amountMinor: BigInt(row.amount_minor),
  capturedMinor: BigInt(row.captured_minor),
  refundedMinor: BigInt(row.refunded_minor),
});

export function paymentView(row: PaymentRow, now: Date, staleAfterMs: number): AdminPaymentView {
  const plain = plainStatus(row.status, amounts(row));
  const updatedAt = row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at);
  return {
    id: row.id,
    orderRef: row.order_ref,
    orderId: row.order_id,
    payId: row.pay_id,
    amount: major(row.amount_minor),
    currency: row.currency,
    status: row.status,
    statusName: row.status === null ? null : describeStatus(row.status).name,
    label: plain.label,
    tone: plain.tone,
    attention: needsAttention(row.status, updatedAt, now, staleAfterMs),
    cardNumber: row.card_number,
    brand: row.brand,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const SOURCES: Readonly<Record<EventRecord['source'], string>> = {
  feedback: 'Message from Ogone',
  directlink: 'Answer from Ogone',
  query: 'Status check with Ogone',
  return: 'Shopper came back to the shop',
};

const NOTES: Readonly<Record<EventRecord['disposition'], string | null>> = {
  applied: null,
  stale: 'Older than what was already known: kept, not applied',
  observed: "Shown to the shopper; the bank's own message decides",
};

function timelineEntry(event: EventRecord): TimelineEntry {
  const plain = plainStatus(event.status);
  const repeats = event.duplicates > 0 ? `Arrived ${event.duplicates + 1} times` : null;
  const note = [NOTES[event.disposition], repeats].filter((n) => n !== null).join('. ');
  const amount = event.params['AMOUNT'];
  return {
    id: event.id,
    at: event.receivedAt,
    label: plain.label,
    tone: plain.tone,
    status: event.status,
    statusName: describeStatus(event.status).name,
    source: SOURCES[event.source],
    note: note === '' ? null : note,
    amount: amount !== undefined && /^\d+(\.\d{1,2})?$/.test(amount) ? normalise(amount) : null,
  };
}

function normalise(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

function deliveryView(delivery: DeliveryRecord, about: string): DeliveryView {
  const tries = `${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}`;
  if (delivery.deliveredAt !== null) {
    return {
      id: delivery.id,
      about,
      state: 'delivered',
      label: 'Delivered',
      at: delivery.deliveredAt,
      attempts: delivery.attempts,
      lastError: null,
    };
  }
  const dead = delivery.deadAt !== null;
  return {
    id: delivery.id,
    about,
    state: dead ? 'gave-up' : 'waiting',
    label: dead
      ? `Could not reach the shop; gave up after ${tries}`
      : `Waiting to be sent (${tries})`,
    at: dead ? delivery.deadAt! : delivery.nextAttemptAt,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
  };
}

export function detailView(
  row: PaymentRow,
  history: {
    events: EventRecord[];
    deliveries: DeliveryRecord[];
    operations?: readonly AdminOperationRecord[] | undefined;
  },
  context: { now: Date; staleAfterMs: number; operationsAvailable: boolean },
): AdminPaymentDetail {
  const allowed = allowedActions({
    status: row.status,
    ...amounts(row),
    operationsAvailable: context.operationsAvailable,
  });
  const timeline = history.events.map(timelineEntry);
  const text = (minor: bigint | null) => (minor === null ? null : major(minor.toString()));
  return {
    ...paymentView(row, context.now, context.staleAfterMs),
    capturedAmount: major(row.captured_minor),
    refundedAmount: major(row.refunded_minor),
    ncError: row.nc_error,
    actions: {
      capture: text(allowed.capture),
      cancel: allowed.cancel,
      refund: text(allowed.refund),
      check: allowed.check,
      reason: allowed.reason,
    },
    waitingForBank:
      row.status === null || WAITING_OUTCOMES.includes(describeStatus(row.status).outcome),
    timeline: [...timeline].reverse(),
    operations: (history.operations ?? []).map((r) => operationView(r, row.currency)).reverse(),
    deliveries: history.deliveries
      .map((delivery) => {
        const entry = timeline.find((e) => e.id === delivery.eventId);
        const about = entry === undefined ? 'A result' : entry.label;
        const amount = entry?.amount == null ? '' : `, ${entry.amount} ${row.currency}`;
        return deliveryView(delivery, `${about}${amount}`);
      })
      .reverse(),
  };
}
