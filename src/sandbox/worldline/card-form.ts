/** The checkout page's card form: the model it is drawn from, and the submitted card read back. */
import { cvcValid, normalizeCardNumber, parseExpiry } from '../cards.js';
import { acceptableCardNumber, paymentProductId, worldlineCardBehaviour } from './cards.js';
import type { SandboxContext } from './context.js';
import type { CardField, CheckoutPageModel } from './pages/checkout-page.js';
import { checkoutStrings } from './pages/strings.js';
import { keptCard, maskedCardNumber, type SandboxCard } from './payment-model.js';
import type { CheckoutSession } from './state.js';

export async function pageModel(
  context: SandboxContext,
  session: CheckoutSession,
  action: string,
  values: CheckoutPageModel['values'],
  errors: CheckoutPageModel['errors'] = {},
): Promise<CheckoutPageModel> {
  const savedCards = [];
  for (const token of session.tokens) {
    const stored = await context.state.token(token);
    if (stored === undefined) continue;
    const expiry = stored.card.expiryDate;
    savedCards.push({
      token,
      masked: maskedCardNumber(stored.card),
      expiry: `${expiry.slice(0, 2)}/${expiry.slice(2)}`,
    });
  }
  return {
    strings: checkoutStrings(session.locale),
    action,
    merchantId: context.config.merchantId,
    merchantReference: session.merchantReference,
    amount: session.amount,
    currency: session.currency,
    savedCards,
    askToSave: session.tokenization === 'ask',
    values,
    errors,
  };
}

export type CardRead =
  | { card: SandboxCard; saveCard: boolean }
  | { values: CheckoutPageModel['values']; errors: CheckoutPageModel['errors'] };

/** Reads the card form; a fault gives the page again with the fields marked (never the CVC). */
export function readCard(form: URLSearchParams, session: CheckoutSession, now: Date): CardRead {
  const strings = checkoutStrings(session.locale);
  const rawNumber = (form.get('card_number') ?? '').slice(0, 40);
  const rawExpiry = (form.get('expiry') ?? '').slice(0, 10);
  const cardholder = (form.get('cardholder') ?? '').trim().slice(0, 50);
  const saveCard = form.get('save_card') === 'yes';
  const digits = normalizeCardNumber(rawNumber);
  const expiry = parseExpiry(rawExpiry, now);
  const errors: Partial<Record<CardField, string>> = {};
  if (digits === undefined || !acceptableCardNumber(digits))
    errors.cardNumber = strings.invalidCardNumber;
  if (expiry === undefined) errors.expiry = strings.invalidExpiry;
  if (!cvcValid(form.get('cvc') ?? '')) errors.cvc = strings.invalidCvc;
  if (cardholder === '') errors.cardholder = strings.missingCardholder;
  if (digits === undefined || expiry === undefined || Object.keys(errors).length > 0) {
    return { values: { cardNumber: rawNumber, expiry: rawExpiry, cardholder, saveCard }, errors };
  }
  const card = keptCard(digits, {
    expiryDate: expiry.ed,
    cardholderName: cardholder,
    paymentProductId: paymentProductId(digits),
    behaviour: worldlineCardBehaviour(digits),
  });
  return { card, saveCard };
}
