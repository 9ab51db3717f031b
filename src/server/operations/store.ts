/**
 * SQL of the `operations` table: an operation under its unique idempotency key, written with its
 * payment's row locked (`SELECT … FOR UPDATE`), so operations on one payment run one at a time
 * whatever instance runs them.
 */
import type { Queryable } from '../ledger/drivers/driver.js';
import { PAYMENT_COLUMNS, type PaymentRow } from '../ledger/payments.js';
import { iso } from '../ledger/sql-values.js';
import type { AfterSaleOperation, OperationKind } from './rules.js';
import type { OperationRecord } from './types.js';

/** An `operations` row (bigints as text, times as `Date`). */
export interface OperationRow {
  id: string;
  idempotency_key: string;
  payment_id: string;
  kind: OperationKind;
  operation: AfterSaleOperation;
  amount_minor: string;
  final: boolean;
  state: OperationRecord['state'];
  step: number;
  status: number | null;
  nc_error: string | null;
  problem: string | null;
  sends: number;
  created_at: Date;
  sent_at: Date | null;
  updated_at: Date;
}

const COLUMNS = `id::text AS id, idempotency_key, payment_id::text AS payment_id, kind, operation,
  amount_minor::text AS amount_minor, final, state, step, status, nc_error, problem, sends,
  created_at, sent_at, updated_at`;

/** The payment's row, locked until the transaction ends; `undefined` when unknown. */
export async function lockPayment(tx: Queryable, id: string): Promise<PaymentRow | undefined> {
  const rows = await tx.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1::bigint FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function operationByKey(
  db: Queryable,
  key: string,
): Promise<OperationRow | undefined> {
  const rows = await db.query<OperationRow>(
    `SELECT ${COLUMNS} FROM operations WHERE idempotency_key = $1`,
    [key],
  );
  return rows[0];
}

export function operationsOfPayment(db: Queryable, paymentId: string): Promise<OperationRow[]> {
  return db.query<OperationRow>(
    `SELECT ${COLUMNS} FROM operations WHERE payment_id = $1::bigint ORDER BY id`,
    [paymentId],
  );
}

/** The applied platform events of a payment (status and step), for settling operations. */
export function appliedSteps(
  db: Queryable,
  paymentId: string,
): Promise<{ status: number; step: number }[]> {
  return db.query(
    `SELECT status, step FROM events
     WHERE payment_id = $1::bigint AND channel = 'platform' AND disposition = 'applied'
     ORDER BY id`,
    [paymentId],
  );
}

/** A new operation about to be sent. */
export interface NewOperation {
  key: string;
  paymentId: string;
  kind: OperationKind;
  operation: AfterSaleOperation;
  amountMinor: number;
  final: boolean;
  step: number;
  now: Date;
}

/**
 * Records an operation as sent (before it is): inserted, or — for a key whose earlier attempt
 * certainly failed — taken over again.
 */
export async function markSent(tx: Queryable, op: NewOperation): Promise<OperationRow> {
  const rows = await tx.query<OperationRow>(
    `INSERT INTO operations (idempotency_key, payment_id, kind, operation, amount_minor, final,
       state, step, sends, created_at, sent_at, updated_at)
     VALUES ($1, $2::bigint, $3, $4, $5::bigint, $6, 'sent', $7, 1, $8, $8, $8)
     ON CONFLICT (idempotency_key) DO UPDATE SET operation = EXCLUDED.operation,
       amount_minor = EXCLUDED.amount_minor, final = EXCLUDED.final, state = 'sent',
       step = EXCLUDED.step, status = NULL, nc_error = NULL, answer = NULL, problem = NULL,
       sends = operations.sends + 1, sent_at = EXCLUDED.sent_at, updated_at = EXCLUDED.updated_at
       WHERE operations.state = 'failed'
     RETURNING ${COLUMNS}`,
    [
      op.key,
      op.paymentId,
      op.kind,
      op.operation,
      String(op.amountMinor),
      op.final,
      op.step,
      op.now,
    ],
  );
  if (rows[0] === undefined) throw new Error(`operation ${op.key} is not retryable`);
  return rows[0];
}

/** What became of an operation. */
export interface OperationUpdate {
  state: OperationRecord['state'];
  step?: number | undefined;
  status?: number | null | undefined;
  ncError?: string | null | undefined;
  answer?: Readonly<Record<string, string>> | undefined;
  problem?: string | null | undefined;
  now: Date;
}

export async function updateOperation(
  tx: Queryable,
  id: string,
  u: OperationUpdate,
): Promise<OperationRow> {
  const rows = await tx.query<OperationRow>(
    `UPDATE operations SET state = $2, step = COALESCE($3, step),
       status = CASE WHEN $4::boolean THEN $5::integer ELSE status END,
       nc_error = CASE WHEN $4::boolean THEN $6 ELSE nc_error END,
       answer = COALESCE($7::jsonb, answer), problem = $8,
       answered_at = CASE WHEN $7::jsonb IS NULL THEN answered_at ELSE $9 END, updated_at = $9
     WHERE id = $1::bigint RETURNING ${COLUMNS}`,
    [
      id,
      u.state,
      u.step ?? null,
      u.status !== undefined,
      u.status ?? null,
      u.ncError ?? null,
      u.answer === undefined ? null : JSON.stringify(u.answer),
      u.problem ?? null,
      u.now,
    ],
  );
  return rows[0]!;
}

/** The public record of a row. */
export function operationRecord(row: OperationRow): OperationRecord {
  return {
    key: row.idempotency_key,
    kind: row.kind,
    operation: row.operation,
    amount: Number(row.amount_minor),
    final: row.final,
    state: row.state,
    step: row.step,
    status: row.status,
    ncError: row.nc_error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
