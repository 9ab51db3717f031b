/** The read side of `payments`: public records, an order's attempts, lookups and listings. */
import { describeStatus } from '../../protocol/status.js';
import type { Queryable } from './drivers/driver.js';
import { PAYMENT_COLUMNS, type PaymentRow } from './payments.js';
import type { PaymentRecord } from './records.js';
import { iso, major } from './sql-values.js';

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
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_ref = $1 ORDER BY payments.id`,
    [orderRef],
  );
}

/** The attempts whose orderRef or ORDERID is `reference`, oldest first. */
export async function findPayments(db: Queryable, reference: string): Promise<PaymentRow[]> {
  return db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_ref = $1 OR order_id = $1 ORDER BY payments.id`,
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
     ORDER BY updated_at DESC, payments.id DESC LIMIT ${limit}`,
    params,
  );
}
