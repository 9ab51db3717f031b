/**
 * What `<ogone-checkout>` says: the string table's type, the English strings (always in the
 * bundle) and the loader of the other built-in languages, each its own module fetched on demand.
 * Override any text with the element's `strings` property.
 */

/**
 * The texts of the saved-card list and of paying with a saved card. `{card}` stands for a card's
 * name (`Visa ending in 1111`), `{expiry}` for its `MM/YY`. English ones load with the list.
 */
export interface OgoneCheckoutCardStrings {
  /** Legend of the radio group of saved cards. */
  cardsLegend: string;
  /** The last radio: pay on the hosted page with a card not saved here. */
  newCard: string;
  /** After a saved card's name: `expires 12/34`. */
  cardExpires: string;
  /** After an expired card's name (not selectable): `expired 01/20`. */
  cardExpired: string;
  /** Visible text of the button next to each card. */
  remove: string;
  /** Its name for screen readers: `Remove Visa ending in 1111`. */
  removeLabel: string;
  /** The inline confirmation: `Remove Visa ending in 1111?`. */
  removeQuestion: string;
  removeYes: string;
  removeNo: string;
  /** Announced when the card is gone: `Visa ending in 1111 removed.`. */
  removed: string;
  /** The endpoint did not remove the card. */
  removeFailed: string;
  /** A saved card was declined (STATUS 2): the shopper may pick another one. */
  cardRefused: string;
  /** A saved card payment was invalid or incomplete (STATUS 0). */
  cardInvalid: string;
  /** Before leaving for the bank's 3-D Secure page. */
  challenge: string;
  /** `card-not-found`: the card is no longer saved. */
  errorCardGone: string;
  /** `card-expired`. */
  errorCardExpired: string;
  /** `saved-cards-unavailable`: saved cards are off; a new card still works. */
  errorCardsOff: string;
  /** `order-not-payable`: already paid or pending; check before paying again. */
  errorNotPayable: string;
  /** No clear answer from `/pay` (connection, timeout, server, Ogone): a payment may have happened. */
  errorPayUnsure: string;
}

/** Every text the element shows. */
export interface OgoneCheckoutStrings extends OgoneCheckoutCardStrings {
  /** Pay button (the `pay-label` slot replaces it). */
  pay: string;
  /** Consent checkbox label (the `consent` slot replaces it). */
  saveCard: string;
  /** Label of the display amount. */
  total: string;
  signing: string;
  redirecting: string;
  verifying: string;
  /** A successful payment (`paid`, `authorized`, or a later after-sale state of one). */
  paid: string;
  /** A pending payment: waiting for the bank, never a success. */
  pending: string;
  /** An uncertain payment: being checked with the bank; the shopper must not pay again. */
  uncertain: string;
  /** Verified `cancelled`. */
  cancelled: string;
  /** Verified `refused`, or any other outcome that is neither a success nor pending. */
  refused: string;
  /** Button after a failure to start, or after an unsuccessful payment: signs again. */
  tryAgain: string;
  /** Button when a payment may have happened but could not be confirmed: asks again. */
  checkAgain: string;
  /** Button after an invalid or foreign return: back to this order's checkout. */
  backToCheckout: string;
  /** Receipt labels. */
  receiptAmount: string;
  receiptOrder: string;
  receiptCard: string;
  /** Between the card brand and its last four digits: `VISA ending in 1111`. */
  cardEnding: string;
  /** Receipt line when the card was saved (an alias came back). */
  cardSaved: string;
  /** Before the redirect: the shopper's connection (`network`). */
  errorNetwork: string;
  /** Before the redirect: the shop's server failing (`endpoint-unavailable`). */
  errorServer: string;
  /** Before the redirect: no answer in time (`timeout`). */
  errorTimeout: string;
  /** Before the redirect, anything else (signing rejected, bad payload, foreign host…). */
  errorStart: string;
  /** On return: `network`; a payment may have happened, so "check again", never "pay again". */
  errorVerifyNetwork: string;
  /** On return: `endpoint-unavailable`. */
  errorVerifyServer: string;
  /** On return: `timeout`. */
  errorVerifyTimeout: string;
  /** On return: amount mismatch, unknown order, bad answer, set-up error: contact the shop. */
  errorVerify: string;
  /** On return: the parameters failed verification (`verification-failed`). */
  errorTampered: string;
  /** On return: the verified result is for another order (`order-mismatch`). */
  errorMismatch: string;
}

/** Languages with built-in strings. */
export type OgoneCheckoutLanguage = 'en' | 'fr' | 'nl' | 'de' | 'it' | 'es';

/**
 * English texts shown only once the return half is loaded (results, receipt, later return errors,
 * the saved-card list): they load with it (`strings/en-on-demand.ts`), keeping the first load small.
 */
export type OnDemandKey =
  | keyof OgoneCheckoutCardStrings
  | 'paid'
  | 'pending'
  | 'uncertain'
  | 'cancelled'
  | 'refused'
  | 'receiptAmount'
  | 'receiptOrder'
  | 'receiptCard'
  | 'cardEnding'
  | 'cardSaved'
  | 'errorVerifyServer'
  | 'errorVerifyTimeout'
  | 'errorTampered'
  | 'errorMismatch';

/** English, always in the bundle, but for the {@link OnDemandKey} texts. */
export const EN: Omit<OgoneCheckoutStrings, OnDemandKey> = {
  pay: 'Pay now',
  saveCard: 'Save my card for future purchases',
  total: 'Total',
  signing: 'Preparing your secure payment…',
  redirecting: 'Opening the secure payment page…',
  verifying: 'Checking your payment…',
  tryAgain: 'Try again',
  checkAgain: 'Check again',
  backToCheckout: 'Back to checkout',
  errorNetwork: 'We could not reach the payment service. Check your connection.',
  errorServer: 'The payment service is unavailable. Nothing was charged; try again shortly.',
  errorTimeout: 'The payment service did not answer in time. Nothing was charged; try again.',
  errorStart: 'The payment could not be started.',
  errorVerifyNetwork:
    'We could not reach the payment service to confirm your payment. Check your connection, then check again. Please do not pay again.',
  errorVerify: 'We could not confirm your payment. Please contact us before paying again.',
};

/** The built-in language for a BCP 47 tag (`fr-BE` → `fr`); anything else is English. */
export function builtInLanguage(tag: string | null | undefined): OgoneCheckoutLanguage {
  const base = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as OgoneCheckoutLanguage) : 'en';
}

const LANGUAGES: readonly OgoneCheckoutLanguage[] = ['en', 'fr', 'nl', 'de', 'it', 'es'];

type Module = Promise<{ default: OgoneCheckoutStrings }>;

/** One module per language, so a page fetches only the one it speaks. */
const LOADERS: Record<Exclude<OgoneCheckoutLanguage, 'en'>, () => Module> = {
  fr: () => import('./strings/fr.js'),
  nl: () => import('./strings/nl.js'),
  de: () => import('./strings/de.js'),
  it: () => import('./strings/it.js'),
  es: () => import('./strings/es.js'),
};

// English lacks its on-demand texts until the return half loads; the element adds them from there.
const loaded: Partial<Record<OgoneCheckoutLanguage, OgoneCheckoutStrings>> = {
  en: EN as OgoneCheckoutStrings,
};
const loading: Partial<Record<OgoneCheckoutLanguage, Promise<void>>> = {};

/** The strings of `language` if already loaded, else `undefined`. */
export function loadedStrings(language: OgoneCheckoutLanguage): OgoneCheckoutStrings | undefined {
  return loaded[language];
}

/**
 * Loads `language`'s strings once (English is built in). Never rejects: if the module cannot be
 * fetched the element keeps speaking English, and a later call tries again.
 */
export function loadStrings(language: OgoneCheckoutLanguage): Promise<void> {
  if (language === 'en' || loaded[language]) return Promise.resolve();
  return (loading[language] ??= LOADERS[language]()
    .then((module) => {
      loaded[language] = module.default;
    })
    .catch(() => {
      delete loading[language];
    }));
}
