/** Texts of the Worldline sandbox pages, chosen by the checkout's `locale` (English by default). */

export interface CheckoutStrings {
  /** BCP 47 tag for `<html lang>` and amounts. */
  lang: string;
  product: string;
  secure: string;
  payTo: string;
  reference: string;
  savedCards: string;
  payWithSaved: string;
  expires: string;
  newCard: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  cardholder: string;
  saveCard: string;
  pay: string;
  cancel: string;
  fixErrors: string;
  invalidCardNumber: string;
  invalidExpiry: string;
  invalidCvc: string;
  missingCardholder: string;
  testCards: string;
  testCardsIntro: string;
  challengeTitle: string;
  challengeText: string;
  complete: string;
  fail: string;
  sessionEnded: string;
  sessionEndedText: string;
  resultPaid: string;
  resultRefused: string;
  resultPending: string;
  resultCancelled: string;
  backToShop: string;
  sandboxNote: string;
}

const en: CheckoutStrings = {
  lang: 'en-GB',
  product: 'Hosted Checkout',
  secure: 'Encrypted connection',
  payTo: 'Pay',
  reference: 'Reference',
  savedCards: 'Your saved cards',
  payWithSaved: 'Pay with this card',
  expires: 'expires',
  newCard: 'Pay with a card',
  cardNumber: 'Card number',
  expiry: 'Expiry (MM/YY)',
  cvc: 'Security code',
  cardholder: 'Name on card',
  saveCard: 'Save this card for my next purchases',
  pay: 'Pay now',
  cancel: 'Cancel and return to the shop',
  fixErrors: 'Some details need your attention.',
  invalidCardNumber: 'This card number is not valid.',
  invalidExpiry: 'Enter a future expiry date as MM/YY.',
  invalidCvc: 'Enter the 3 or 4 digits on the card.',
  missingCardholder: 'Enter the name shown on the card.',
  testCards: 'Sandbox test cards',
  testCardsIntro: 'Any future expiry date and any 3 digits. Any other valid number is accepted.',
  challengeTitle: '3-D Secure check',
  challengeText: 'Your bank asks you to confirm this payment.',
  complete: 'Complete authentication',
  fail: 'Fail authentication',
  sessionEnded: 'This payment session has ended',
  sessionEndedText: 'Start the payment again from the shop.',
  resultPaid: 'Payment accepted',
  resultRefused: 'Payment refused',
  resultPending: 'Payment being processed',
  resultCancelled: 'Payment cancelled',
  backToShop: 'Return to the shop',
  sandboxNote: 'Worldline Direct sandbox: a local stand-in. No money moves.',
};

const fr: CheckoutStrings = {
  ...en,
  lang: 'fr-FR',
  product: 'Paiement sécurisé',
  secure: 'Connexion chiffrée',
  payTo: 'Payer',
  reference: 'Référence',
  savedCards: 'Vos cartes enregistrées',
  payWithSaved: 'Payer avec cette carte',
  expires: 'expire',
  newCard: 'Payer par carte',
  cardNumber: 'Numéro de carte',
  expiry: 'Expiration (MM/AA)',
  cvc: 'Code de sécurité',
  cardholder: 'Nom sur la carte',
  saveCard: 'Enregistrer cette carte pour mes prochains achats',
  pay: 'Payer',
  cancel: 'Annuler et revenir à la boutique',
  fixErrors: 'Certaines informations sont à corriger.',
  invalidCardNumber: 'Ce numéro de carte n’est pas valide.',
  invalidExpiry: 'Indiquez une date d’expiration future, au format MM/AA.',
  invalidCvc: 'Indiquez les 3 ou 4 chiffres de la carte.',
  missingCardholder: 'Indiquez le nom figurant sur la carte.',
  challengeTitle: 'Vérification 3-D Secure',
  challengeText: 'Votre banque vous demande de confirmer ce paiement.',
  sessionEnded: 'Cette session de paiement est terminée',
  sessionEndedText: 'Recommencez le paiement depuis la boutique.',
  resultPaid: 'Paiement accepté',
  resultRefused: 'Paiement refusé',
  resultPending: 'Paiement en cours de traitement',
  resultCancelled: 'Paiement annulé',
  backToShop: 'Revenir à la boutique',
};

const nl: CheckoutStrings = {
  ...en,
  lang: 'nl-NL',
  product: 'Veilig betalen',
  secure: 'Versleutelde verbinding',
  payTo: 'Betaal',
  reference: 'Referentie',
  savedCards: 'Uw opgeslagen kaarten',
  payWithSaved: 'Met deze kaart betalen',
  expires: 'vervalt',
  newCard: 'Betalen met een kaart',
  cardNumber: 'Kaartnummer',
  expiry: 'Vervalt (MM/JJ)',
  cvc: 'Beveiligingscode',
  cardholder: 'Naam op de kaart',
  saveCard: 'Deze kaart bewaren voor mijn volgende aankopen',
  pay: 'Nu betalen',
  cancel: 'Annuleren en terug naar de winkel',
  fixErrors: 'Sommige gegevens moeten worden gecorrigeerd.',
  invalidCardNumber: 'Dit kaartnummer is niet geldig.',
  backToShop: 'Terug naar de winkel',
};

const de: CheckoutStrings = {
  ...en,
  lang: 'de-DE',
  product: 'Sichere Zahlung',
  secure: 'Verschlüsselte Verbindung',
  payTo: 'Bezahlen',
  reference: 'Referenz',
  savedCards: 'Ihre gespeicherten Karten',
  payWithSaved: 'Mit dieser Karte bezahlen',
  expires: 'gültig bis',
  newCard: 'Mit Karte bezahlen',
  cardNumber: 'Kartennummer',
  expiry: 'Gültig bis (MM/JJ)',
  cvc: 'Sicherheitscode',
  cardholder: 'Name auf der Karte',
  saveCard: 'Diese Karte für künftige Einkäufe speichern',
  pay: 'Jetzt bezahlen',
  cancel: 'Abbrechen und zum Shop zurückkehren',
  fixErrors: 'Einige Angaben müssen korrigiert werden.',
  invalidCardNumber: 'Diese Kartennummer ist ungültig.',
  backToShop: 'Zurück zum Shop',
};

const BY_LANGUAGE: Record<string, CheckoutStrings> = { en, fr, nl, de };

/** The texts for a `locale` such as `fr_BE` (its language part decides). */
export function checkoutStrings(locale: string | undefined): CheckoutStrings {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return BY_LANGUAGE[language] ?? en;
}
