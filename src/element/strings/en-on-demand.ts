/**
 * English texts of `<ogone-checkout>` shown only once the return half is loaded (results, receipt,
 * return errors, the saved-card list), loaded with it. The rest of English is in `../strings.ts`.
 */
import type { OgoneCheckoutStrings, OnDemandKey } from '../strings.js';

export const EN_ON_DEMAND: Pick<OgoneCheckoutStrings, OnDemandKey> = {
  paid: 'Thank you! Your payment has been received.',
  pending: 'We are waiting for your bank to confirm your payment. There is no need to pay again.',
  uncertain: 'We are checking your payment with the bank. Please do not pay again.',
  cancelled: 'You cancelled the payment. Nothing was charged.',
  refused: 'Your payment did not go through. Nothing was charged.',
  receiptAmount: 'Amount',
  receiptOrder: 'Order',
  receiptCard: 'Card',
  cardEnding: 'ending in',
  cardSaved: 'Card saved for next time',
  errorVerifyServer:
    'We cannot confirm your payment right now. Please check again in a moment, and do not pay again.',
  errorVerifyTimeout:
    'Confirming your payment is taking longer than usual. Please check again in a moment, and do not pay again.',
  errorTampered:
    'This payment link is not valid, so we could not confirm a payment. If you paid, please contact us before paying again.',
  errorMismatch: 'This payment result is for another order. Nothing has changed for this order.',

  cardsLegend: 'Pay with',
  newCard: 'Use a new card',
  cardExpires: 'expires {expiry}',
  cardExpired: 'expired {expiry}',
  remove: 'Remove',
  removeLabel: 'Remove {card}',
  removeQuestion: 'Remove {card}?',
  removeYes: 'Yes, remove',
  removeNo: 'Keep it',
  removed: '{card} removed.',
  removeFailed: 'We could not remove this card. Please try again.',
  cardRefused:
    'Your bank declined this card. Nothing was charged. Choose another card or use a new one.',
  cardInvalid:
    'This card could not be used. Nothing was charged. Choose another card or use a new one.',
  challenge: 'Your bank wants to confirm it is you. Opening its page…',
  errorCardGone:
    'This card is no longer saved. Nothing was charged. Choose another card or use a new one.',
  errorCardExpired:
    'This card has expired. Nothing was charged. Choose another card or use a new one.',
  errorCardsOff:
    'Saved cards cannot be used right now. Nothing was charged. Please use a new card.',
  errorNotPayable:
    'This order cannot be paid now: it may already be paid. Please check before paying again.',
  errorPayUnsure:
    'We could not confirm whether your payment went through. Please check again, and do not pay again.',
};
