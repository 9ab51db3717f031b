/**
 * A customer's saved cards as `/cards` and `/pay` use them: by the opaque public id, always
 * within one customer (another customer's card is simply not found), forgotten on request, and
 * marked as used after a payment.
 */
import type { Queryable } from './drivers/driver.js';
import { iso } from './sql-values.js';

/** A saved card of one customer, with its alias (server-side only, never sent to a browser). */
export interface CustomerCard {
  /** `cards.id`, internal. */
  rowId: string;
  /** The opaque id the browser sees. */
  publicId: string;
  alias: string;
  cardNumber: string | null;
  brand: string | null;
  /** `MMYY` (Ogone's `ED`). */
  expiry: string | null;
  createdAt: string;
  lastUsedAt: string;
  /** A payment used it after the one that saved it (`lastUsedAt` moved on from its creation). */
  usedSinceSaved: boolean;
}

interface Row {
  id: string;
  public_id: string;
  alias: string;
  card_number: string | null;
  brand: string | null;
  expiry: string | null;
  created_at: Date;
  last_used_at: Date;
}

const COLUMNS = `id::text AS id, public_id, alias, card_number, brand, expiry, created_at,
  last_used_at`;

function card(row: Row): CustomerCard {
  const createdAt = iso(row.created_at);
  const lastUsedAt = iso(row.last_used_at);
  return {
    rowId: row.id,
    publicId: row.public_id,
    alias: row.alias,
    cardNumber: row.card_number,
    brand: row.brand,
    expiry: row.expiry,
    createdAt,
    lastUsedAt,
    usedSinceSaved: lastUsedAt !== createdAt,
  };
}

/** The customer's cards that were not removed, most recently used first. */
export async function customerCards(db: Queryable, customerId: string): Promise<CustomerCard[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM cards WHERE customer_id = $1 AND removed_at IS NULL
     ORDER BY last_used_at DESC, cards.id DESC`,
    [customerId],
  );
  return rows.map(card);
}

/** One card of the customer by public id; `undefined` when unknown, removed or someone else's. */
export async function customerCard(
  db: Queryable,
  customerId: string,
  publicId: string,
): Promise<CustomerCard | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM cards
     WHERE customer_id = $1 AND public_id = $2 AND removed_at IS NULL`,
    [customerId, publicId],
  );
  return rows[0] === undefined ? undefined : card(rows[0]);
}

/** Marks the card removed (never offered again); false when there was nothing to remove. */
export async function forgetCard(
  db: Queryable,
  customerId: string,
  publicId: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE cards SET removed_at = now()
     WHERE customer_id = $1 AND public_id = $2 AND removed_at IS NULL RETURNING id::text AS id`,
    [customerId, publicId],
  );
  return rows.length > 0;
}

/** Records that a payment used the card now. */
export async function touchCard(db: Queryable, rowId: string, paymentId: string): Promise<void> {
  await db.query(
    `UPDATE cards SET last_used_at = now(), payment_id = $2::bigint WHERE id = $1::bigint`,
    [rowId, paymentId],
  );
}

/** Records that the payment's saved card (`/pay`'s) was used now; nothing for other payments. */
export async function touchCardOfPayment(db: Queryable, paymentId: string): Promise<void> {
  await db.query(
    `UPDATE cards SET last_used_at = now(), payment_id = p.id
     FROM payments p WHERE p.id = $1::bigint AND cards.id = p.card_id`,
    [paymentId],
  );
}
