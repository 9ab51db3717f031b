/** Writes to `payments`: the row of one attempt (locked, with its event), its state, the return seen. */
import { describeStatus } from '../../protocol/status.js';
import type { Queryable } from './drivers/driver.js';

/** A payments row as the ledger reads it (bigints as text). */
export interface PaymentRow {
  id: string;
  provider: string;
  order_ref: string;
  order_id: string;
  pay_id: string;
  status: number | null;
  last_status: number | null;
  state_step: number;
  settled_status: number | null;
  settled_key: string | null;
  state_key: string | null;
  return_status: number | null;
  return_key: string | null;
  amount_minor: string;
  currency: string;
  captured_minor: string;
  refunded_minor: string;
  card_number: string | null;
  brand: string | null;
  alias: string | null;
  customer_id: string | null;
  nc_error: string | null;
  trx_date: string | null;
  created_at: Date;
  updated_at: Date;
  /** A `/pay` call on its way (or whose answer was lost): may have been charged (migration 2). */
  in_flight?: boolean;
}

export const PAYMENT_COLUMNS = `id::text AS id, provider, order_ref, order_id, pay_id, status,
  last_status, state_step, settled_status, settled_key, state_key, return_status, return_key,
  amount_minor::text AS amount_minor, currency, captured_minor::text AS captured_minor,
  refunded_minor::text AS refunded_minor, card_number, brand, alias, customer_id, nc_error,
  trx_date, created_at, updated_at, in_flight`;

/** What identifies a payment attempt and what its first message says about it. */
export interface PaymentSeed {
  provider: string;
  orderRef: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  customerId: string | undefined;
}

/** The first columns of a new event (its payment is the locked row). */
export interface EventSeed {
  source: string;
  channel: string;
  idempotencyKey: string;
  status: number;
  step: number;
  params: Readonly<Record<string, string>>;
  disposition: string;
}

/**
 * In one statement: the attempt's row, created on its first message and locked until the
 * transaction ends (every message of one payment is recorded one after the other, whatever
 * instance received it), and the event inserted under its unique key. `eventId` is `null` when
 * a message with the same key was recorded before (a duplicate).
 */
export async function lockPaymentAndInsertEvent(
  tx: Queryable,
  seed: PaymentSeed,
  event: EventSeed,
): Promise<{ row: PaymentRow; eventId: string | null }> {
  const rows = await tx.query<PaymentRow & { event_id: string | null }>(
    `WITH p AS (
       INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency, customer_id)
       VALUES ($1, $2, $3, $4::bigint, $5, $6)
       ON CONFLICT (provider, order_id)
         DO UPDATE SET customer_id = COALESCE(payments.customer_id, EXCLUDED.customer_id)
       RETURNING *),
     e AS (
       INSERT INTO events (payment_id, source, channel, idempotency_key, status, step, params, disposition)
       SELECT p.id, $7::text, $8::text, $9::text, $10::integer, $11::integer, $12::jsonb, $13::text FROM p
       ON CONFLICT (idempotency_key, channel) DO NOTHING
       RETURNING id)
     SELECT ${PAYMENT_COLUMNS}, (SELECT id::text FROM e) AS event_id FROM p`,
    [
      seed.provider,
      seed.orderRef,
      seed.orderId,
      seed.amountMinor,
      seed.currency,
      seed.customerId ?? null,
      event.source,
      event.channel,
      event.idempotencyKey,
      event.status,
      event.step,
      JSON.stringify(event.params),
      event.disposition,
    ],
  );
  const { event_id: eventId, ...row } = rows[0]!;
  return { row, eventId };
}

/** A delivery to enqueue with a state change (same statement). */
export interface Enqueue {
  eventId: string;
  idempotencyKey: string;
  payload: unknown;
}

/** The state a platform message sets (see `record-result.ts`). */
export interface StateUpdate {
  status: number;
  lastStatus: number;
  step: number;
  settledStatus: number | null;
  settledKey: string | null;
  stateKey: string;
  /** Fields of the message, kept when it sets the shown status. */
  details: {
    payId: string;
    ncError: string;
    trxDate: string | null;
    cardNumber: string | null;
    brand: string | null;
    alias: string | null;
  } | null;
  capturedAddMinor: string;
  refundedAddMinor: string;
}

/** Sets the state a platform message led to and, in the same statement, enqueues its delivery. */
export async function updateState(
  tx: Queryable,
  id: string,
  u: StateUpdate,
  enqueue: Enqueue | undefined,
): Promise<PaymentRow> {
  const d = u.details;
  const rows = await tx.query<PaymentRow>(
    `WITH u AS (UPDATE payments SET status = $2, outcome = $3, last_status = $4, state_step = $5,
       settled_status = $6, settled_key = $7, state_key = $8,
       pay_id = COALESCE(NULLIF($9, ''), pay_id), nc_error = COALESCE($10, nc_error),
       trx_date = COALESCE($11, trx_date), card_number = COALESCE($12, card_number),
       brand = COALESCE($13, brand), alias = COALESCE($14, alias),
       captured_minor = LEAST(amount_minor, captured_minor + $15::bigint),
       refunded_minor = LEAST(amount_minor, refunded_minor + $16::bigint),
       updated_at = now()
     WHERE id = $1::bigint RETURNING *),
     o AS (INSERT INTO outbox (payment_id, event_id, idempotency_key, payload)
       SELECT u.id, $17::bigint, $18::text, $19::jsonb FROM u WHERE $19::jsonb IS NOT NULL)
     SELECT ${PAYMENT_COLUMNS} FROM u`,
    [
      id,
      u.status,
      describeStatus(u.status).outcome,
      u.lastStatus,
      u.step,
      u.settledStatus,
      u.settledKey,
      u.stateKey,
      d?.payId ?? '',
      d?.ncError ?? null,
      d?.trxDate ?? null,
      d?.cardNumber ?? null,
      d?.brand ?? null,
      d?.alias ?? null,
      u.capturedAddMinor,
      u.refundedAddMinor,
      enqueue?.eventId ?? null,
      enqueue?.idempotencyKey ?? null,
      enqueue === undefined ? null : JSON.stringify(enqueue.payload),
    ],
  );
  return rows[0]!;
}

/** Records what the shopper's return showed (never the platform state, only fills gaps). */
export async function updateReturn(
  tx: Queryable,
  id: string,
  status: number,
  key: string,
  details: NonNullable<StateUpdate['details']>,
): Promise<PaymentRow> {
  const rows = await tx.query<PaymentRow>(
    `UPDATE payments SET return_status = $2, return_key = $3,
       pay_id = CASE WHEN pay_id = '' THEN $4 ELSE pay_id END,
       nc_error = CASE WHEN status IS NULL THEN $5 ELSE nc_error END,
       trx_date = COALESCE(trx_date, $6), card_number = COALESCE(card_number, $7),
       brand = COALESCE(brand, $8), alias = COALESCE(alias, $9), updated_at = now()
     WHERE id = $1::bigint RETURNING ${PAYMENT_COLUMNS}`,
    [
      id,
      status,
      key,
      details.payId,
      details.ncError,
      details.trxDate,
      details.cardNumber,
      details.brand,
      details.alias,
    ],
  );
  return rows[0]!;
}
