/**
 * Payments `/pay` starts with DirectLink: the attempt recorded before anything is sent (so a lost
 * answer still has its row), one on its way per order at a time (a unique index), and looked up
 * again when the shopper comes back from 3-D Secure.
 */
import type { Queryable } from './drivers/driver.js';

/** What is known of an attempt before orderdirect is sent. */
export interface DirectAttempt {
  provider: string;
  orderRef: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  customerId: string;
  /** `cards.id` of the saved card used. */
  cardRowId: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Inserts the attempt's payment row (no status yet, on its way); its id, or `busy` when another
 * saved-card payment of the order is on its way.
 */
export async function recordAttempt(db: Queryable, a: DirectAttempt): Promise<string | 'busy'> {
  try {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency, customer_id,
         started_by, card_id, in_flight)
       VALUES ($1, $2, $3, $4::bigint, $5, $6, 'directlink', $7::bigint, true)
       RETURNING id::text AS id`,
      [a.provider, a.orderRef, a.orderId, a.amountMinor, a.currency, a.customerId, a.cardRowId],
    );
    return rows[0]!.id;
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return 'busy';
    throw error;
  }
}

/**
 * The attempt is no longer on its way: its answer was recorded, or nothing was sent or processed.
 * (An answer lost for good keeps it on its way until the platform's feedback sets its status.)
 */
export async function landAttempt(db: Queryable, paymentId: string): Promise<void> {
  await db.query('UPDATE payments SET in_flight = false WHERE id = $1::bigint', [paymentId]);
}

/** True when `/pay` started the attempt with this ORDERID. */
export async function isDirectAttempt(
  db: Queryable,
  provider: string,
  orderId: string,
): Promise<boolean> {
  const rows = await db.query<{ started_by: string | null }>(
    'SELECT started_by FROM payments WHERE provider = $1 AND order_id = $2',
    [provider, orderId],
  );
  return rows[0]?.started_by === 'directlink';
}

/** The order's saved-card attempt still on its way, and whether it has been so for `staleSeconds`. */
export async function inFlightAttempt(
  db: Queryable,
  orderRef: string,
  staleSeconds: number,
): Promise<{ id: string; orderId: string; stale: boolean } | undefined> {
  const rows = await db.query<{ id: string; order_id: string; stale: boolean }>(
    `SELECT id::text AS id, order_id,
       created_at < now() - make_interval(secs => $2::integer) AS stale
     FROM payments WHERE order_ref = $1 AND in_flight AND status IS NULL`,
    [orderRef, staleSeconds],
  );
  const row = rows[0];
  return row === undefined ? undefined : { id: row.id, orderId: row.order_id, stale: row.stale };
}
