/** The card form the shopper submits, checked as a real hosted page does before asking the bank. */
import {
  cvcValid,
  isTestCard,
  luhnValid,
  normalizeCardNumber,
  parseExpiry,
  type Expiry,
} from '../cards.js';
import type { PaymentPageModel } from '../pages/payment-page.js';
import type { SandboxStrings } from '../pages/strings.js';

/** A card the page accepted. */
export interface SubmittedCard {
  digits: string;
  expiry: Expiry;
  cardholder: string;
  saveCard: boolean;
}

export type CardFormCheck =
  | { card: SubmittedCard }
  | { values: PaymentPageModel['values']; errors: PaymentPageModel['errors'] };

/** Reads and checks the submitted fields; on a fault, what to show again (never the CVC). */
export function checkCardForm(
  form: URLSearchParams,
  now: Date,
  strings: SandboxStrings,
): CardFormCheck {
  const rawNumber = (form.get('cardno') ?? '').slice(0, 40);
  const rawExpiry = (form.get('expiry') ?? '').slice(0, 10);
  const cvc = form.get('cvc') ?? '';
  const cardholder = (form.get('cn') ?? '').trim().slice(0, 35);
  const saveCard = form.get('alias_consent') === 'Y';
  const digits = normalizeCardNumber(rawNumber);
  const expiry = parseExpiry(rawExpiry, now);
  const errors: PaymentPageModel['errors'] = {};
  // The listed test cards are accepted as they are (4000 0000 0000 0041 fails Luhn).
  if (digits === undefined || !(isTestCard(digits) || luhnValid(digits))) {
    errors.cardNumber = strings.invalidCardNumber;
  }
  if (expiry === undefined) errors.expiry = strings.invalidExpiry;
  if (!cvcValid(cvc)) errors.cvc = strings.invalidCvc;
  if (cardholder === '') errors.cardholder = strings.missingCardholder;
  if (digits === undefined || expiry === undefined || Object.keys(errors).length > 0) {
    return { values: { cardNumber: rawNumber, expiry: rawExpiry, cardholder, saveCard }, errors };
  }
  return { card: { digits, expiry, cardholder, saveCard } };
}
