/** Queries on `events`: every verified message once per idempotency key, duplicates counted. */
import type { Queryable } from './drivers/driver.js';
import type { EventRecord, EventSource } from './records.js';
import { iso, json } from './sql-values.js';

/** The shopper carries returns; the platform sends feedbacks and answers queries. */
export function channelOf(source: EventSource): 'shopper' | 'platform' {
  return source === 'return' ? 'shopper' : 'platform';
}

export interface NewEvent {
  paymentId: string;
  source: EventSource;
  idempotencyKey: string;
  status: number;
  step: number;
  params: Readonly<Record<string, string>>;
  disposition: EventRecord['disposition'];
}

/**
 * Inserts the message, or — when one with the same key arrived on the same channel before —
 * counts it as a duplicate of that one. Either way, the id of the event recorded under the key.
 */
export async function insertEvent(
  tx: Queryable,
  event: NewEvent,
): Promise<{ id: string; duplicate: boolean }> {
  const channel = channelOf(event.source);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO events (payment_id, source, channel, idempotency_key, status, step, params, disposition)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7::jsonb, $8)
     ON CONFLICT (idempotency_key, channel) DO NOTHING
     RETURNING id::text AS id`,
    [
      event.paymentId,
      event.source,
      channel,
      event.idempotencyKey,
      event.status,
      event.step,
      JSON.stringify(event.params),
      event.disposition,
    ],
  );
  if (inserted.length > 0) return { id: inserted[0]!.id, duplicate: false };
  const counted = await tx.query<{ id: string }>(
    `UPDATE events SET duplicates = duplicates + 1, last_received_at = now()
     WHERE idempotency_key = $1 AND channel = $2 RETURNING id::text AS id`,
    [event.idempotencyKey, channel],
  );
  return { id: counted[0]!.id, duplicate: true };
}

export async function setDisposition(
  tx: Queryable,
  id: string,
  disposition: EventRecord['disposition'],
): Promise<void> {
  await tx.query('UPDATE events SET disposition = $2 WHERE id = $1::bigint', [id, disposition]);
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
     FROM events WHERE payment_id = $1::bigint ORDER BY id`,
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
