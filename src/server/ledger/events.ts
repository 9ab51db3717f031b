/** Queries on `events`: every verified message once per idempotency key, duplicates counted. */
import type { Queryable } from './drivers/driver.js';
import type { EventRecord, EventSource } from './records.js';
import { iso, json } from './sql-values.js';

/** The shopper carries returns; the platform sends feedbacks and answers queries. */
export function channelOf(source: EventSource): 'shopper' | 'platform' {
  return source === 'return' ? 'shopper' : 'platform';
}

/** Counts one more arrival of a message recorded before; the id of that event. */
export async function countDuplicate(
  tx: Queryable,
  idempotencyKey: string,
  source: EventSource,
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE events SET duplicates = duplicates + 1, last_received_at = now()
     WHERE idempotency_key = $1 AND channel = $2 RETURNING id::text AS id`,
    [idempotencyKey, channelOf(source)],
  );
  return rows[0]!.id;
}

/** Marks an event stale and, in the same statement, enqueues its delivery (when `payload`). */
export async function markStale(
  tx: Queryable,
  eventId: string,
  idempotencyKey: string,
  payload: unknown,
): Promise<void> {
  await tx.query(
    `WITH d AS (UPDATE events SET disposition = 'stale' WHERE id = $1::bigint RETURNING payment_id)
     INSERT INTO outbox (payment_id, event_id, idempotency_key, payload)
     SELECT d.payment_id, $1::bigint, $2::text, $3::jsonb FROM d WHERE $3::jsonb IS NOT NULL`,
    [eventId, idempotencyKey, payload === undefined ? null : JSON.stringify(payload)],
  );
}

interface EventRow {
  id: string;
  payment_id: string;
  source: EventSource;
  idempotency_key: string;
  status: number;
  step: number;
  disposition: EventRecord['disposition'];
  duplicates: number;
  received_at: Date;
  last_received_at: Date;
  params: unknown;
}

/** A payment's events, oldest first. */
export async function eventsOf(db: Queryable, paymentId: string): Promise<EventRecord[]> {
  const rows = await db.query<EventRow>(
    `SELECT id::text AS id, payment_id::text AS payment_id, source, idempotency_key, status, step,
       disposition, duplicates, received_at, last_received_at, params
     FROM events WHERE payment_id = $1::bigint ORDER BY events.id`,
    [paymentId],
  );
  return rows.map((row) => ({
    id: row.id,
    paymentId: row.payment_id,
    source: row.source,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    step: row.step,
    disposition: row.disposition,
    duplicates: row.duplicates,
    receivedAt: iso(row.received_at),
    lastReceivedAt: iso(row.last_received_at),
    params: json<Record<string, string>>(row.params),
  }));
}
