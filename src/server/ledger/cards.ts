/** Queries on `cards`: a card saved on the hosted page, recorded from a verified success only. */
import type { Queryable } from './drivers/driver.js';
import type { CardRecord } from './records.js';
import { iso, isoOrNull } from './sql-values.js';

export interface SavedCard {
  provider: string;
  customerId: string;
  alias: string;
  cardNumber: string | null;
  brand: string | null;
  expiry: string | null;
  paymentId: string;
}

/** Records the card, or — for a card already saved by this customer — updates it as used now. */
export async function saveCard(tx: Queryable, card: SavedCard): Promise<void> {
  await tx.query(
    `INSERT INTO cards (provider, customer_id, alias, card_number, brand, expiry, payment_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::bigint)
     ON CONFLICT (customer_id, alias) DO UPDATE SET
       card_number = COALESCE(EXCLUDED.card_number, cards.card_number),
       brand = COALESCE(EXCLUDED.brand, cards.brand),
       expiry = COALESCE(EXCLUDED.expiry, cards.expiry),
       payment_id = EXCLUDED.payment_id,
       last_used_at = now()`,
    [
      card.provider,
      card.customerId,
      card.alias,
      card.cardNumber,
      card.brand,
      card.expiry,
      card.paymentId,
    ],
  );
}

interface CardRow {
  customer_id: string;
  alias: string;
  card_number: string | null;
  brand: string | null;
  expiry: string | null;
  created_at: Date;
  last_used_at: Date;
  removed_at: Date | null;
}

/** A customer's cards, most recently used first; removed ones only when asked. */
export async function listCards(
  db: Queryable,
  customerId: string,
  includeRemoved = false,
): Promise<CardRecord[]> {
  const rows = await db.query<CardRow>(
    `SELECT customer_id, alias, card_number, brand, expiry, created_at, last_used_at, removed_at
     FROM cards WHERE customer_id = $1 ${includeRemoved ? '' : 'AND removed_at IS NULL'}
     ORDER BY last_used_at DESC, id DESC`,
    [customerId],
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    alias: row.alias,
    cardNumber: row.card_number,
    brand: row.brand,
    expiry: row.expiry,
    createdAt: iso(row.created_at),
    lastUsedAt: iso(row.last_used_at),
    removedAt: isoOrNull(row.removed_at),
  }));
}
