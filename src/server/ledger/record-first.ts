/**
 * The first message of a new payment in one statement (atomic and durable at its commit, like a
 * transaction): the payment inserted with the state the message sets, its event and its delivery.
 * When the payment exists already (or any key collides), nothing is written and the caller takes
 * the locking path. Most feedbacks are the first of their payment: one round trip instead of five.
 */
import { describeStatus } from '../../protocol/status.js';
import type { Queryable } from './drivers/driver.js';
import {
  PAYMENT_COLUMNS,
  type EventSeed,
  type PaymentRow,
  type PaymentSeed,
  type StateUpdate,
} from './payments.js';

const UNIQUE_VIOLATION = '23505';

export async function insertFirstResult(
  db: Queryable,
  seed: PaymentSeed,
  event: EventSeed,
  u: StateUpdate,
  payload: unknown,
): Promise<{ row: PaymentRow; eventId: string } | undefined> {
  const d = u.details;
  let rows: (PaymentRow & { event_id: string })[];
  try {
    rows = await db.query(
      `WITH p AS (
         INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency, customer_id,
           status, outcome, last_status, state_step, settled_status, settled_key, state_key,
           pay_id, nc_error, trx_date, card_number, brand, alias, captured_minor, refunded_minor)
         VALUES ($1, $2, $3, $4::bigint, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
           $17, $18, $19, LEAST($4::bigint, $20::bigint), LEAST($4::bigint, $21::bigint))
         ON CONFLICT (provider, order_id) DO NOTHING
         RETURNING *),
       e AS (
         INSERT INTO events (payment_id, source, channel, idempotency_key, status, step, params, disposition)
         SELECT p.id, $22::text, $23::text, $24::text, $25::integer, $26::integer, $27::jsonb, 'applied' FROM p
         RETURNING id, payment_id),
       o AS (
         INSERT INTO outbox (payment_id, event_id, idempotency_key, payload)
         SELECT e.payment_id, e.id, $24::text, $28::jsonb FROM e WHERE $28::jsonb IS NOT NULL)
       SELECT ${PAYMENT_COLUMNS}, (SELECT id::text FROM e) AS event_id FROM p`,
      [
        seed.provider,
        seed.orderRef,
        seed.orderId,
        seed.amountMinor,
        seed.currency,
        seed.customerId ?? null,
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
        event.source,
        event.channel,
        event.idempotencyKey,
        event.status,
        event.step,
        JSON.stringify(event.params),
        payload === undefined ? null : JSON.stringify(payload),
      ],
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return undefined;
    throw error;
  }
  const first = rows[0];
  if (first === undefined) return undefined;
  const { event_id: eventId, ...row } = first;
  return { row, eventId };
}
