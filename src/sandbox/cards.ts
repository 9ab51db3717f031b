/** Test cards and the card checks a real hosted page makes before it asks the acquirer. */

/**
 * What the sandbox's bank does with a card: the acquirer's answer, or a 3-D Secure demand first
 * (`challenge`: the issuer always asks the shopper to authenticate; `authentication-required`:
 * DirectLink gets NCERROR 40001139 and no challenge, the hosted page challenges).
 */
export type CardBehaviour =
  'success' | 'refused' | 'uncertain' | 'waiting' | 'challenge' | 'authentication-required';

/** A card listed on the payment page and in the README. */
export interface TestCard {
  number: string;
  behaviour: CardBehaviour;
  /** What the shopper reads in the list. */
  description: string;
}

/** The published test cards. Any other Luhn-valid number behaves like the success card. */
export const TEST_CARDS: readonly TestCard[] = [
  {
    number: '4111 1111 1111 1111',
    behaviour: 'success',
    description: 'Accepted: STATUS 9 (SAL) or 5 (RES)',
  },
  { number: '4000 0000 0000 0002', behaviour: 'refused', description: 'Refused: STATUS 2' },
  {
    number: '4000 0000 0000 0051',
    behaviour: 'uncertain',
    description: 'Uncertain: STATUS 92 (SAL) or 52 (RES)',
  },
  {
    number: '4000 0000 0000 0041',
    behaviour: 'waiting',
    description: 'Waiting for payment: STATUS 41',
  },
  {
    number: '4000 0000 0000 3220',
    behaviour: 'challenge',
    description: '3-D Secure challenge, then accepted or refused (DirectLink: STATUS 46)',
  },
  {
    number: '4000 0000 0000 3063',
    behaviour: 'authentication-required',
    description: 'Issuer insists on 3-D Secure (DirectLink: NCERROR 40001139)',
  },
];

const BEHAVIOUR_BY_DIGITS = new Map(
  TEST_CARDS.map((card) => [card.number.replace(/ /g, ''), card.behaviour]),
);

/** Removes the spaces and dashes shoppers type; `undefined` unless 12-19 digits remain. */
export function normalizeCardNumber(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{12,19}$/.test(digits) ? digits : undefined;
}

/** The Luhn (mod 10) check every card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True for the numbers in {@link TEST_CARDS} (spaces removed). */
export function isTestCard(digits: string): boolean {
  return BEHAVIOUR_BY_DIGITS.has(digits);
}

/** How the sandbox's acquirer treats a valid card number. */
export function cardBehaviour(digits: string): CardBehaviour {
  return BEHAVIOUR_BY_DIGITS.get(digits) ?? 'success';
}

/** Ogone's BRAND for a card number. */
export function cardBrand(digits: string): string {
  if (digits.startsWith('4')) return 'VISA';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard';
  if (two === 34 || two === 37) return 'American Express';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'Discover';
  if (four >= 3528 && four <= 3589) return 'JCB';
  return 'CreditCard';
}

/** `XXXXXXXXXXXX1111`: every digit but the last four masked, as Ogone's CARDNO. */
export function maskCardNumber(digits: string): string {
  return 'X'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}

/** A parsed expiry date. */
export interface Expiry {
  month: number;
  /** Four-digit year. */
  year: number;
  /** Ogone's ED: `MMYY`. */
  ed: string;
}

/**
 * Parses `MM/YY` (also `MM / YY`, `MMYY`, `MM/YYYY`). `undefined` when malformed, expired (the card
 * is valid until the end of its month) or more than 20 years away.
 */
export function parseExpiry(input: string, now: Date): Expiry | undefined {
  const match = /^\s*(\d{1,2})\s*[/-]?\s*(\d{2}|\d{4})\s*$/.exec(input);
  if (!match) return undefined;
  const month = Number(match[1]);
  const rawYear = match[2]!;
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear);
  if (month < 1 || month > 12) return undefined;
  const currentYear = now.getUTCFullYear();
  const currentMonth = now.getUTCMonth() + 1;
  if (year < currentYear || (year === currentYear && month < currentMonth)) return undefined;
  if (year > currentYear + 20) return undefined;
  return {
    month,
    year,
    ed: `${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`,
  };
}

/** A card verification code: 3 digits, or 4 (American Express). */
export function cvcValid(input: string): boolean {
  return /^\d{3,4}$/.test(input.trim());
}
