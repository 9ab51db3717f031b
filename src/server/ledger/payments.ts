/** Queries on `payments`: the row of one attempt (locked), its state update, and the read side. */
import { describeStatus } from '../../protocol/status.js';
import type { Queryable } from './drivers/driver.js';
import type { PaymentRecord } from './records.js';
import { iso, major } from './sql-values.js';

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
}

export const PAYMENT_COLUMNS = `id::text AS id, provider, order_ref, order_id, pay_id, status,
  last_status, state_step, settled_status, settled_key, state_key, return_status, return_key,
  amount_minor::text AS amount_minor, currency, captured_minor::text AS captured_minor,
  refunded_minor::text AS refunded_minor, card_number, brand, alias, customer_id, nc_error,
  trx_date, created_at, updated_at`;

/** What identifies a payment attempt and what its first message says about it. */
export interface PaymentSeed {
  provider: string;
  orderRef: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  customerId: string | undefined;
}

/**
 * The attempt's row, created on its first message, locked until the transaction ends: every
 * message of one payment is recorded one after the other, whatever instance received it.
 */
export async function lockPayment(tx: Queryable, seed: PaymentSeed): Promise<PaymentRow> {
  const rows = await tx.query<PaymentRow>(
    `INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency, customer_id)
     VALUES ($1, $2, $3, $4::bigint, $5, $6)
     ON CONFLICT (provider, order_id)
       DO UPDATE SET customer_id = COALESCE(payments.customer_id, EXCLUDED.customer_id)
     RETURNING ${PAYMENT_COLUMNS}`,
    [
      seed.provider,
      seed.orderRef,
      seed.orderId,
      seed.amountMinor,
      seed.currency,
      seed.customerId ?? null,
    ],
  );
  return rows[0]!;
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

export async function updateState(tx: Queryable, id: string, u: StateUpdate): Promise<PaymentRow> {
  const d = u.details;
  const rows = await tx.query<PaymentRow>(
    `UPDATE payments SET status = $2, outcome = $3, last_status = $4, state_step = $5,
       settled_status = $6, settled_key = $7, state_key = $8,
       pay_id = COALESCE(NULLIF($9, ''), pay_id), nc_error = COALESCE($10, nc_error),
       trx_date = COALESCE($11, trx_date), card_number = COALESCE($12, card_number),
       brand = COALESCE($13, brand), alias = COALESCE($14, alias),
       captured_minor = LEAST(amount_minor, captured_minor + $15::bigint),
       refunded_minor = LEAST(amount_minor, refunded_minor + $16::bigint),
       updated_at = now()
     WHERE id = $1::bigint RETURNING ${PAYMENT_COLUMNS}`,
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

/** The public record of a row. */
export function paymentRecord(row: PaymentRow): PaymentRecord {
  const described = row.status === null ? null : describeStatus(row.status);
  return {
    id: row.id,
    provider: row.provider,
    orderRef: row.order_ref,
    orderId: row.order_id,
    payId: row.pay_id,
    status: row.status,
    statusName: described?.name ?? null,
    outcome: described?.outcome ?? null,
    returnStatus: row.return_status,
    amount: major(row.amount_minor),
    currency: row.currency,
    capturedAmount: major(row.captured_minor),
    refundedAmount: major(row.refunded_minor),
    cardNumber: row.card_number,
    brand: row.brand,
    alias: row.alias,
    customerId: row.customer_id,
    ncError: row.nc_error,
    trxDate: row.trx_date,
    idempotencyKey: row.state_key,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Every attempt of an order, oldest first. */
export async function paymentsOfOrder(db: Queryable, orderRef: string): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_ref = $1 ORDER BY id`,
    [orderRef],
  );
}

/** The attempts whose orderRef or ORDERID is `reference`, oldest first. */
export async function findPayments(db: Queryable, reference: string): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_ref = $1 OR order_id = $1 ORDER BY id`,
    [reference],
  );
}

/** Filters of {@link listPayments}. */
export interface PaymentFilter {
  /** A STATUS code (`9`) or an outcome (`paid`). */
  status?: number | string | undefined;
  /** Only payments changed at or after this moment. */
  since?: Date | undefined;
  /** At most this many, newest first (default 100, at most 10 000). */
  limit?: number | undefined;
}

export async function listPayments(db: Queryable, filter: PaymentFilter): Promise<PaymentRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (typeof filter.status === 'number') {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  } else if (typeof filter.status === 'string') {
    params.push(filter.status);
    where.push(`outcome = $${params.length}`);
  }
  if (filter.since !== undefined) {
    params.push(filter.since.toISOString());
    where.push(`updated_at >= $${params.length}::timestamptz`);
  }
  const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 100)), 10_000);
  return db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at DESC, id DESC LIMIT ${limit}`,
    params,
  );
}
