/**
 * How a customer's saved cards are shown (`GET <basePath>/cards`): last four digits, `MM/YY`,
 * expired ones flagged (a card is valid to the end of its expiry month, UTC) and not selected,
 * the most recently used valid one selected. Pure.
 */
import type { SavedCard, SavedCards } from '../../contract/types.js';

/** What the listing needs of a stored card. */
export interface StoredCardView {
  publicId: string;
  cardNumber: string | null;
  brand: string | null;
  /** `MMYY`. */
  expiry: string | null;
  lastUsedAt: string;
  usedSinceSaved: boolean;
}

const ED = /^(\d{2})(\d{2})$/;

/** `{ month, year }` of an `MMYY` expiry, `undefined` when malformed. */
export function parseEd(ed: string | null): { month: number; year: number } | undefined {
  const match = ED.exec(ed ?? '');
  if (match === null) return undefined;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return undefined;
  return { month, year: 2000 + Number(match[2]) };
}

/**
 * True once the expiry month is over. An unreadable expiry counts as expired: a card that cannot
 * be shown as valid is not offered for a one-click payment.
 */
export function isExpired(ed: string | null, now: Date): boolean {
  const parsed = parseEd(ed);
  if (parsed === undefined) return true;
  const endOfMonth = Date.UTC(parsed.year, parsed.month, 1); // first moment of the next month
  return now.getTime() >= endOfMonth;
}

/** The last four digits of a masked number (`XXXXXXXXXXXX1111` → `1111`), `""` when none. */
export function lastFour(cardNumber: string | null): string {
  const digits = (cardNumber ?? '').replace(/\D/g, '');
  return digits.slice(-4);
}

function view(card: StoredCardView, now: Date): SavedCard {
  const parsed = parseEd(card.expiry);
  return {
    id: card.publicId,
    brand: card.brand ?? 'CreditCard',
    last4: lastFour(card.cardNumber),
    expiry: parsed
      ? `${String(parsed.month).padStart(2, '0')}/${String(parsed.year % 100).padStart(2, '0')}`
      : '',
    expired: isExpired(card.expiry, now),
    lastUsedAt: card.usedSinceSaved ? card.lastUsedAt : null,
  };
}

/** The answer for a customer's cards, given most recently used first. */
export function savedCardsAnswer(cards: readonly StoredCardView[], now: Date): SavedCards {
  const list = cards.map((card) => view(card, now));
  const selected = list.find((card) => !card.expired);
  return { enabled: true, cards: list, selectedCardId: selected?.id ?? null };
}

/** Why saved cards are off for this answer, in plain words. */
export function savedCardsOff(reason: string): SavedCards {
  return { enabled: false, cards: [], selectedCardId: null, reason };
}
