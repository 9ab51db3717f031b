/**
 * Queries on `checkouts` and `webhook_events` (migration 4): a started hosted checkout with its
 * RETURNMAC, found again by its id or by the attempt's reference; a webhook event remembered once
 * taken, so a redelivery (same event id, or same type for the same payment) is not read again.
 */
import type { Queryable } from './drivers/driver.js';

/** A checkout a provider started. */
export interface CheckoutRecord {
  provider: string;
  orderRef: string;
  orderId: string;
  hostedCheckoutId: string | null;
  /** The opaque value the return must carry (compared in constant time by the provider). */
  returnMac: string | null;
  amountMinor: string;
  currency: string;
  customerId: string | null;
  saveCard: boolean;
}

interface CheckoutRow {
  provider: string;
  order_ref: string;
  order_id: string;
  hosted_checkout_id: string | null;
  return_mac: string | null;
  amount_minor: string;
  currency: string;
  customer_id: string | null;
  save_card: boolean;
}

const COLUMNS = `provider, order_ref, order_id, hosted_checkout_id, return_mac,
  amount_minor::text AS amount_minor, currency, customer_id, save_card`;

function recordOf(row: CheckoutRow): CheckoutRecord {
  return {
    provider: row.provider,
    orderRef: row.order_ref,
    orderId: row.order_id,
    hostedCheckoutId: row.hosted_checkout_id,
    returnMac: row.return_mac,
    amountMinor: row.amount_minor,
    currency: row.currency,
    customerId: row.customer_id,
    saveCard: row.save_card,
  };
}

/** Records a started checkout (its reference is fresh: a second insert of it is refused). */
export async function insertCheckout(db: Queryable, checkout: CheckoutRecord): Promise<void> {
  await db.query(
    `INSERT INTO checkouts (provider, order_ref, order_id, hosted_checkout_id, return_mac,
       amount_minor, currency, customer_id, save_card)
     VALUES ($1, $2, $3, $4, $5, $6::bigint, $7, $8, $9)`,
    [
      checkout.provider,
      checkout.orderRef,
      checkout.orderId,
      checkout.hostedCheckoutId,
      checkout.returnMac,
      checkout.amountMinor,
      checkout.currency,
      checkout.customerId,
      checkout.saveCard,
    ],
  );
}

/** The checkout of a hosted checkout id, or `undefined`. */
export async function checkoutByHostedId(
  db: Queryable,
  provider: string,
  hostedCheckoutId: string,
): Promise<CheckoutRecord | undefined> {
  const rows = await db.query<CheckoutRow>(
    `SELECT ${COLUMNS} FROM checkouts WHERE provider = $1 AND hosted_checkout_id = $2`,
    [provider, hostedCheckoutId],
  );
  return rows[0] === undefined ? undefined : recordOf(rows[0]);
}

/** The checkout of an attempt's reference (`merchantReference`), or `undefined`. */
export async function checkoutByOrderId(
  db: Queryable,
  provider: string,
  orderId: string,
): Promise<CheckoutRecord | undefined> {
  const rows = await db.query<CheckoutRow>(
    `SELECT ${COLUMNS} FROM checkouts WHERE provider = $1 AND order_id = $2`,
    [provider, orderId],
  );
  return rows[0] === undefined ? undefined : recordOf(rows[0]);
}

/** A webhook event as the dedupe sees it. */
export interface WebhookEventKey {
  eventId: string;
  /** `type:kind:id`: a redelivery of the same event carries the same one. */
  duplicateKey: string;
  type: string;
}

/**
 * Whether an event was taken before: `event` (the same event id), `same-change` (another event of
 * the same type for the same payment and change) or `undefined`; counts the redelivery.
 */
export async function countIfTaken(
  db: Queryable,
  provider: string,
  event: WebhookEventKey,
): Promise<'event' | 'same-change' | undefined> {
  const rows = await db.query<{ same_event: boolean }>(
    `UPDATE webhook_events SET duplicates = duplicates + 1, last_received_at = now()
     WHERE id = (SELECT id FROM webhook_events
                 WHERE provider = $1 AND (event_id = $2 OR duplicate_key = $3)
                 ORDER BY (event_id = $2) DESC, id LIMIT 1)
     RETURNING event_id = $2 AS same_event`,
    [provider, event.eventId, event.duplicateKey],
  );
  if (rows[0] === undefined) return undefined;
  return rows[0].same_event ? 'event' : 'same-change';
}

/** Remembers events as taken (after their results were recorded); a known one is left as is. */
export async function markTaken(
  db: Queryable,
  provider: string,
  events: readonly WebhookEventKey[],
): Promise<void> {
  for (const event of events) {
    await db.query(
      `INSERT INTO webhook_events (provider, event_id, duplicate_key, event_type)
       VALUES ($1, $2, $3, $4) ON CONFLICT (provider, event_id) DO NOTHING`,
      [provider, event.eventId, event.duplicateKey, event.type],
    );
  }
}
