/**
 * SQL of reconciliation: which payments are due a status query (pending or uncertain past a
 * threshold, or with an operation that got no answer), claimed with `FOR UPDATE SKIP LOCKED` so
 * one instance queries a given payment at a time, and the back-off schedule kept per payment.
 */
import type { Queryable } from '../ledger/drivers/driver.js';
import { CLAIM_MS, MIN_QUERY_SPACING_MS, UNSETTLED_STATUSES } from './backoff.js';

export interface DueRow {
  id: string;
  order_ref: string;
  order_id: string;
  pay_id: string;
  status: number | null;
  attempts: number | null;
}

export interface DueQuery {
  now: number;
  olderThanMs: number;
  /** An operation `sent` longer ago than this lost its sender. */
  inFlightMs: number;
  limit: number;
  /** Lock the rows (claim); false for a dry run. */
  lock: boolean;
}

/** The payments due a query now, oldest due first. */
export function duePayments(db: Queryable, q: DueQuery): Promise<DueRow[]> {
  return db.query<DueRow>(
    `SELECT p.id::text AS id, p.order_ref, p.order_id, p.pay_id, p.status, r.attempts
     FROM payments p LEFT JOIN reconciliation r ON r.payment_id = p.id
     WHERE ((p.status = ANY($1::integer[]) AND p.updated_at <= $2::timestamptz)
         OR EXISTS (SELECT 1 FROM operations o WHERE o.payment_id = p.id
           AND (o.state = 'uncertain' OR (o.state = 'sent' AND o.sent_at <= $3::timestamptz))))
       AND r.flagged_at IS NULL
       AND (r.next_query_at IS NULL OR r.next_query_at <= $4::timestamptz)
       AND (r.last_query_at IS NULL OR r.last_query_at <= $5::timestamptz)
       AND (r.claimed_until IS NULL OR r.claimed_until <= $4::timestamptz)
     ORDER BY COALESCE(r.next_query_at, p.updated_at), p.id
     LIMIT ${Math.trunc(q.limit)}${q.lock ? ' FOR UPDATE OF p SKIP LOCKED' : ''}`,
    [
      UNSETTLED_STATUSES,
      new Date(q.now - q.olderThanMs),
      new Date(q.now - q.inFlightMs),
      new Date(q.now),
      new Date(q.now - MIN_QUERY_SPACING_MS),
    ],
  );
}

/** Claims a payment's query for this instance (and notes the query's time). */
export async function claim(tx: Queryable, paymentId: string, now: number): Promise<void> {
  await tx.query(
    `INSERT INTO reconciliation (payment_id, last_query_at, claimed_until)
     VALUES ($1::bigint, $2::timestamptz, $3::timestamptz)
     ON CONFLICT (payment_id) DO UPDATE SET last_query_at = EXCLUDED.last_query_at,
       claimed_until = EXCLUDED.claimed_until`,
    [paymentId, new Date(now), new Date(now + CLAIM_MS)],
  );
}

/** When the payment was last queried (ms), `null` when never. */
export async function lastQueryAt(tx: Queryable, paymentId: string): Promise<number | null> {
  const rows = await tx.query<{ last_query_at: Date | null }>(
    'SELECT last_query_at FROM reconciliation WHERE payment_id = $1::bigint',
    [paymentId],
  );
  const at = rows[0]?.last_query_at;
  return at === null || at === undefined ? null : new Date(at).getTime();
}

/** Notes a query made now (a status query outside reconciliation), keeping the schedule. */
export async function noteQuery(tx: Queryable, paymentId: string, now: number): Promise<void> {
  await tx.query(
    `INSERT INTO reconciliation (payment_id, last_query_at) VALUES ($1::bigint, $2::timestamptz)
     ON CONFLICT (payment_id) DO UPDATE SET last_query_at = EXCLUDED.last_query_at`,
    [paymentId, new Date(now)],
  );
}

/** The payment is final (or starts a new step): no schedule any more; the last query's time stays. */
export async function clearReconciliation(tx: Queryable, paymentId: string): Promise<void> {
  await tx.query(
    `UPDATE reconciliation SET attempts = 0, next_query_at = NULL, claimed_until = NULL,
       flagged_at = NULL, last_problem = NULL WHERE payment_id = $1::bigint`,
    [paymentId],
  );
}

/** After a query that left the payment unresolved: the next one, or a flag for a human. */
export async function schedule(
  tx: Queryable,
  paymentId: string,
  next: { attempts: number; nextAt: number | null; flagged: boolean; problem: string | null },
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO reconciliation (payment_id, attempts, last_query_at, next_query_at, flagged_at,
       last_problem)
     VALUES ($1::bigint, $2, $3::timestamptz, $4::timestamptz, $5::timestamptz, $6)
     ON CONFLICT (payment_id) DO UPDATE SET attempts = EXCLUDED.attempts,
       next_query_at = EXCLUDED.next_query_at, flagged_at = EXCLUDED.flagged_at,
       last_problem = EXCLUDED.last_problem, claimed_until = NULL`,
    [
      paymentId,
      next.attempts,
      new Date(now),
      next.nextAt === null ? null : new Date(next.nextAt),
      next.flagged ? new Date(now) : null,
      next.problem,
    ],
  );
}
