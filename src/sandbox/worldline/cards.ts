/**
 * The Worldline sandbox's test cards: the Ogone sandbox's behaviours (success, refused, uncertain)
 * plus a 3-D Secure challenge card, and Worldline's two documented preprod Visas (notes §5: the
 * frictionless `4330 2649 3634 4675` and the 3-D Secure 2 `4874 9706 8667 2022`). The card checks
 * themselves (Luhn, expiry, CVC) are the Ogone sandbox's, imported.
 */
import { cardBrand, luhnValid } from '../cards.js';

export type WorldlineCardBehaviour = 'success' | 'refused' | 'uncertain' | 'challenge';

export interface WorldlineTestCard {
  number: string;
  behaviour: WorldlineCardBehaviour;
  description: string;
}

export const WORLDLINE_TEST_CARDS: readonly WorldlineTestCard[] = [
  {
    number: '4111 1111 1111 1111',
    behaviour: 'success',
    description: 'Accepted (statusCode 9 sale, 5 authorisation)',
  },
  {
    number: '4330 2649 3634 4675',
    behaviour: 'success',
    description: 'Accepted (Worldline preprod Visa)',
  },
  { number: '4000 0000 0000 0002', behaviour: 'refused', description: 'Refused (statusCode 2)' },
  {
    number: '4000 0000 0000 0051',
    behaviour: 'uncertain',
    description: 'Uncertain (statusCode 92 sale, 52 authorisation)',
  },
  {
    number: '4874 9706 8667 2022',
    behaviour: 'challenge',
    description: '3-D Secure challenge: Complete or Fail on the next page',
  },
];

const BEHAVIOURS = new Map(
  WORLDLINE_TEST_CARDS.map((card) => [card.number.replace(/ /g, ''), card.behaviour]),
);

/** How the sandbox treats a valid card number: any other Luhn-valid number succeeds. */
export function worldlineCardBehaviour(digits: string): WorldlineCardBehaviour {
  return BEHAVIOURS.get(digits) ?? 'success';
}

/** True for a number the page accepts: a listed test card, or any Luhn-valid one. */
export function acceptableCardNumber(digits: string): boolean {
  return BEHAVIOURS.has(digits) || luhnValid(digits);
}

/** Worldline `paymentProductId`: 1 Visa, 3 Mastercard, 2 American Express, 128 Discover, 125 JCB. */
export function paymentProductId(digits: string): number {
  const brand = cardBrand(digits);
  const ids: Record<string, number> = {
    VISA: 1,
    MasterCard: 3,
    'American Express': 2,
    Discover: 128,
    JCB: 125,
  };
  return ids[brand] ?? 1;
}
