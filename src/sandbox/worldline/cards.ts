/**
 * The Worldline sandbox's test cards: every card of the Ogone sandbox with the same behaviour
 * (its list is the source, so a card added there appears here), plus Worldline's two documented
 * preprod Visas (notes §5: the frictionless `4330 2649 3634 4675` and the 3-D Secure 2
 * `4874 9706 8667 2022`). The card checks themselves (Luhn, expiry, CVC) are the Ogone sandbox's.
 */
import {
  cardBehaviour,
  cardBrand,
  isTestCard,
  luhnValid,
  TEST_CARDS,
  type CardBehaviour,
} from '../cards.js';

export type WorldlineCardBehaviour = CardBehaviour;

export interface WorldlineTestCard {
  number: string;
  behaviour: WorldlineCardBehaviour;
  description: string;
}

/** What each behaviour does here, in Worldline's terms (a new behaviour must be described). */
const DESCRIPTIONS: Record<WorldlineCardBehaviour, string> = {
  success: 'Accepted (statusCode 9 sale, 5 authorisation)',
  refused: 'Refused (statusCode 2)',
  uncertain: 'Uncertain (statusCode 92 sale, 52 authorisation)',
  waiting: 'Waiting for payment (statusCode 41)',
  challenge: '3-D Secure challenge: Complete or Fail on the next page',
  'authentication-required':
    'Issuer insists on 3-D Secure: challenged here, declined for a merchant-initiated payment',
};

const WORLDLINE_DOCUMENTED: readonly { number: string; behaviour: WorldlineCardBehaviour }[] = [
  { number: '4330 2649 3634 4675', behaviour: 'success' },
  { number: '4874 9706 8667 2022', behaviour: 'challenge' },
];

export const WORLDLINE_TEST_CARDS: readonly WorldlineTestCard[] = [
  ...TEST_CARDS,
  ...WORLDLINE_DOCUMENTED,
].map(({ number, behaviour }) => ({ number, behaviour, description: DESCRIPTIONS[behaviour] }));

const EXTRA = new Map(
  WORLDLINE_DOCUMENTED.map((card) => [card.number.replace(/ /g, ''), card.behaviour]),
);

/** How the sandbox treats a valid card number: any unlisted Luhn-valid number succeeds. */
export function worldlineCardBehaviour(digits: string): WorldlineCardBehaviour {
  return EXTRA.get(digits) ?? cardBehaviour(digits);
}

/** True for a number the page accepts: a listed test card as it is, or any Luhn-valid one. */
export function acceptableCardNumber(digits: string): boolean {
  return EXTRA.has(digits) || isTestCard(digits) || luhnValid(digits);
}

const PRODUCT_IDS: Record<string, number> = {
  VISA: 1,
  MasterCard: 3,
  'American Express': 2,
  Discover: 128,
  JCB: 125,
};

/** Worldline `paymentProductId` of a brand (1 Visa, 3 Mastercard, 2 Amex, 128 Discover, 125 JCB). */
export function paymentProductIdOfBrand(brand: string | undefined): number {
  return (brand === undefined ? undefined : PRODUCT_IDS[brand]) ?? 1;
}

/** Worldline `paymentProductId` of a card number. */
export function paymentProductId(digits: string): number {
  return paymentProductIdOfBrand(cardBrand(digits));
}
