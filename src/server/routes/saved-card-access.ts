/**
 * Who may use a saved card: the order (authorised by `resolveOrder`) names its customer, and only
 * that customer's cards exist for the request — another customer's card answers exactly like an
 * unknown one (404 `card-not-found`). Also why saved cards are off, and the "already paid" guard.
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { fail } from '../http/failure.js';
import { customerCard, type CustomerCard } from '../ledger/customer-cards.js';
import { orderStatus } from '../ledger/order-state.js';
import { paymentsOfOrder } from '../ledger/payments-read.js';
import type { CheckedOrder } from '../rules/order-check.js';
import type { OgoneRequest } from '../types.js';
import { lookupOrder } from './order-lookup.js';
import { withLedger } from './record.js';

export const OFF_NO_API_USER =
  'Saved cards are off: this shop has no API user (the directLink option, OGONE_USERID and OGONE_PASSWORD for serve).';
export const OFF_NO_LEDGER =
  'Saved cards are off: this shop keeps no payment ledger (the ledger option), where saved cards are recorded.';
export const OFF_NO_CUSTOMER =
  'Saved cards are off for this order: it has no customerId (guest checkout).';

/** Why saved cards are off for this shop, or `undefined` when they are on. */
export function savedCardsOffReason(o: ResolvedOptions): string | undefined {
  if (o.directLink === undefined) return OFF_NO_API_USER;
  if (o.ledger === undefined) return OFF_NO_LEDGER;
  return undefined;
}

/** Refuses with 409 `saved-cards-unavailable` (saying why) when saved cards are off. */
export function requireSavedCards(o: ResolvedOptions): void {
  const off = savedCardsOffReason(o);
  if (off !== undefined) fail('saved-cards-unavailable', off);
}

/** The order `resolveOrder` authorises for this request; 404 `unknown-order` otherwise. */
export async function authorisedOrder(
  o: ResolvedOptions,
  orderRef: string,
  info: OgoneRequest,
): Promise<CheckedOrder> {
  const checked = await lookupOrder(o, orderRef, info);
  if (checked === null) return fail('unknown-order', 'No order is known under this orderRef.');
  return checked;
}

/** The order's customer; 409 `saved-cards-unavailable` for a guest order. */
export function customerOf(checked: CheckedOrder): string {
  const id = checked.order.customerId;
  if (id === undefined || id === '') return fail('saved-cards-unavailable', OFF_NO_CUSTOMER);
  return id;
}

const NOT_FOUND = 'No saved card is known under this id.';

/** The customer's card; 404 `card-not-found` when unknown, removed or another customer's. */
export async function ownedCard(
  o: ResolvedOptions,
  customerId: string,
  cardId: string,
): Promise<CustomerCard> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cardId)) return fail('card-not-found', NOT_FOUND);
  const card = await withLedger(o, 'reading a saved card', (db) =>
    customerCard(db, customerId, cardId),
  );
  if (card === undefined) return fail('card-not-found', NOT_FOUND);
  return card;
}

/** 409 `order-not-payable` when the ledger knows the order is paid already (no ledger: no check). */
export async function refuseIfPaid(o: ResolvedOptions, orderRef: string): Promise<void> {
  if (o.ledger === undefined) return;
  const rows = await withLedger(o, 'reading an order', (db) => paymentsOfOrder(db, orderRef));
  if (orderStatus(orderRef, rows).state === 'paid') {
    fail('order-not-payable', 'This order is paid already; it cannot be paid again.');
  }
}
