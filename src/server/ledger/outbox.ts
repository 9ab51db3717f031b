/**
 * Queries on `outbox`: results waiting for the merchant. Claims take rows with `FOR UPDATE SKIP
 * LOCKED` and lease them, only the oldest undelivered row of each payment, so several workers
 * share the work without double delivery and each payment's results arrive in order.
 */
import type { Queryable } from './drivers/driver.js';
import type { DeliveryRecord } from './records.js';
import { iso, isoOrNull, json } from './sql-values.js';

/** A claimed row: deliver it, then report with `delivered` or `failed`. */
export interface Claimed {
  id: string;
  idempotencyKey: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
}

const HEAD_OF_PAYMENT = `NOT EXISTS (
  SELECT 1 FROM outbox e WHERE e.payment_id = o.payment_id AND e.id < o.id
    AND e.delivered_at IS NULL AND e.dead_at IS NULL)`;

const CLAIMABLE = `o.delivered_at IS NULL AND o.dead_at IS NULL
  AND (o.locked_until IS NULL OR o.locked_until < now()) AND ${HEAD_OF_PAYMENT}`;

interface ClaimRow {
  id: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
}

function claimed(rows: ClaimRow[]): Claimed[] {
  return rows.map((row) => ({
    id: row.id,
    idempotencyKey: row.idempotency_key,
    payload: json(row.payload),
    attempt: row.attempts,
  }));
}

/**
 * Leases up to `limit` rows that are due, for `leaseMs`; in the same statement, marks the rows of
 * `delivered` as delivered (the worker's marks travel with its next claim).
 */
export async function claimDue(
  db: Queryable,
  limit: number,
  leaseMs: number,
  delivered: readonly string[] = [],
): Promise<Claimed[]> {
  const rows = await db.query<ClaimRow>(
    `WITH d AS (
       UPDATE outbox SET delivered_at = now(), locked_until = NULL, last_error = NULL
       WHERE id = ANY($3::bigint[]) AND delivered_at IS NULL),
     c AS (
       SELECT o.id FROM outbox o
       WHERE ${CLAIMABLE} AND o.next_attempt_at <= now()
       ORDER BY o.id LIMIT $1 FOR UPDATE SKIP LOCKED)
     UPDATE outbox SET locked_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
     FROM c WHERE outbox.id = c.id
     RETURNING outbox.id::text AS id, outbox.idempotency_key, outbox.payload, outbox.attempts`,
    [limit, leaseMs, delivered],
  );
  return claimed(rows).sort((a, b) => Number(a.id) - Number(b.id));
}

/** Leases one row now, even before its retry time (a synchronous delivery); `undefined` if busy. */
export async function claimNow(
  db: Queryable,
  eventId: string,
  leaseMs: number,
): Promise<Claimed | 'done' | undefined> {
  const rows = await db.query<ClaimRow>(
    `WITH c AS (
       SELECT o.id FROM outbox o WHERE o.event_id = $1::bigint AND ${CLAIMABLE}
       FOR UPDATE SKIP LOCKED)
     UPDATE outbox SET locked_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
     FROM c WHERE outbox.id = c.id
     RETURNING outbox.id::text AS id, outbox.idempotency_key, outbox.payload, outbox.attempts`,
    [eventId, leaseMs],
  );
  if (rows.length > 0) return claimed(rows)[0];
  const state = await db.query<{ finished: boolean }>(
    `SELECT delivered_at IS NOT NULL OR dead_at IS NOT NULL AS finished FROM outbox
     WHERE event_id = $1::bigint`,
    [eventId],
  );
  return state[0] === undefined || state[0].finished ? 'done' : undefined;
}

export async function markDelivered(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox SET delivered_at = now(), locked_until = NULL, last_error = NULL
     WHERE id = ANY($1::bigint[]) AND delivered_at IS NULL`,
    [ids],
  );
}

/** Records a failed attempt: retried after `retryInMs`, or dead-lettered when `dead`. */
export async function markFailed(
  db: Queryable,
  id: string,
  error: string,
  retryInMs: number,
  dead: boolean,
): Promise<void> {
  await db.query(
    `UPDATE outbox SET locked_until = NULL, last_error = $2,
       next_attempt_at = now() + $3 * interval '1 millisecond',
       dead_at = CASE WHEN $4::boolean THEN now() ELSE NULL END
     WHERE id = $1::bigint AND delivered_at IS NULL`,
    [id, error.slice(0, 500), retryInMs, dead],
  );
}

interface OutboxRow {
  id: string;
  event_id: string;
  idempotency_key: string;
  attempts: number;
  next_attempt_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
  last_error: string | null;
  created_at: Date;
}

/** A payment's deliveries, oldest first. */
export async function deliveriesOf(db: Queryable, paymentId: string): Promise<DeliveryRecord[]> {
  const rows = await db.query<OutboxRow>(
    `SELECT id::text AS id, event_id::text AS event_id, idempotency_key, attempts, next_attempt_at,
       delivered_at, dead_at, last_error, created_at
     FROM outbox WHERE payment_id = $1::bigint ORDER BY outbox.id`,
    [paymentId],
  );
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    idempotencyKey: row.idempotency_key,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    deliveredAt: isoOrNull(row.delivered_at),
    deadAt: isoOrNull(row.dead_at),
    lastError: row.last_error,
    createdAt: iso(row.created_at),
  }));
}
