/** Texts of the sandbox pages in the languages Ogone's LANGUAGE selects (English by default). */
export interface SandboxStrings {
  /** BCP 47 tag for `<html lang>` and number formatting. */
  locale: string;
  title: string;
  securePayment: string;
  merchant: string;
  orderId: string;
  total: string;
  amount: string;
  operation: string;
  payWithCard: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  cardholder: string;
  pay: string;
  cancel: string;
  saveCardFallback: string;
  fixErrors: string;
  invalidCardNumber: string;
  invalidExpiry: string;
  invalidCvc: string;
  missingCardholder: string;
  testCards: string;
  testCardsIntro: string;
  anyOtherCard: string;
  cancelNote: string;
  sandboxNote: string;
  operationSale: string;
  operationAuthorisation: string;
  savedCard: string;
  savedCardExpires: string;
  payWithSavedCard: string;
  orAnotherCard: string;
}

const en: SandboxStrings = {
  locale: 'en-US',
  title: 'Secure payment',
  securePayment: 'Secure payment',
  merchant: 'Merchant',
  orderId: 'Order',
  total: 'Total to pay',
  amount: 'Amount',
  operation: 'Operation',
  payWithCard: 'Pay by card',
  cardNumber: 'Card number',
  expiry: 'Expiry date (MM/YY)',
  cvc: 'CVC',
  cardholder: 'Cardholder name',
  pay: 'Pay',
  cancel: 'Cancel',
  saveCardFallback: 'Save my card details for future payments',
  fixErrors: 'Please check the highlighted fields.',
  invalidCardNumber: 'This card number is not valid.',
  invalidExpiry: 'Enter a valid expiry date in the future, as MM/YY.',
  invalidCvc: 'The CVC is the 3 or 4 digits on the back of the card.',
  missingCardholder: 'Enter the name shown on the card.',
  testCards: 'Test cards',
  testCardsIntro: 'No real card is charged. Use any future expiry date and any 3-digit CVC.',
  anyOtherCard: 'Any other valid card number is accepted like the first one.',
  cancelNote: 'Cancel returns STATUS 1.',
  sandboxNote: 'Ogone sandbox: a local stand-in for the hosted payment page. No money moves.',
  operationSale: 'Sale',
  operationAuthorisation: 'Authorisation only',
  savedCard: 'Your saved card',
  savedCardExpires: 'expires',
  payWithSavedCard: 'Pay with this card',
  orAnotherCard: 'Or pay with another card',
};

const fr: SandboxStrings = {
  locale: 'fr-FR',
  title: 'Paiement sécurisé',
  securePayment: 'Paiement sécurisé',
  merchant: 'Marchand',
  orderId: 'Commande',
  total: 'Total à payer',
  amount: 'Montant',
  operation: 'Opération',
  payWithCard: 'Payer par carte',
  cardNumber: 'Numéro de carte',
  expiry: "Date d'expiration (MM/AA)",
  cvc: 'CVC',
  cardholder: 'Titulaire de la carte',
  pay: 'Payer',
  cancel: 'Annuler',
  saveCardFallback: 'Enregistrer ma carte pour mes prochains paiements',
  fixErrors: 'Veuillez vérifier les champs signalés.',
  invalidCardNumber: "Ce numéro de carte n'est pas valide.",
  invalidExpiry: "Saisissez une date d'expiration future, au format MM/AA.",
  invalidCvc: 'Le CVC est composé des 3 ou 4 chiffres au dos de la carte.',
  missingCardholder: 'Saisissez le nom figurant sur la carte.',
  testCards: 'Cartes de test',
  testCardsIntro:
    "Aucune carte réelle n'est débitée. Utilisez une date d'expiration future et un CVC à 3 chiffres.",
  anyOtherCard: 'Tout autre numéro valide est accepté comme le premier.',
  cancelNote: 'Annuler renvoie le STATUS 1.',
  sandboxNote:
    "Bac à sable Ogone : une imitation locale de la page de paiement. Aucun argent n'est débité.",
  operationSale: 'Vente',
  operationAuthorisation: 'Autorisation seule',
  savedCard: 'Votre carte enregistrée',
  savedCardExpires: 'expire fin',
  payWithSavedCard: 'Payer avec cette carte',
  orAnotherCard: 'Ou payez avec une autre carte',
};

const nl: SandboxStrings = {
  locale: 'nl-NL',
  title: 'Veilig betalen',
  securePayment: 'Veilig betalen',
  merchant: 'Handelaar',
  orderId: 'Bestelling',
  total: 'Te betalen',
  amount: 'Bedrag',
  operation: 'Verrichting',
  payWithCard: 'Betalen met kaart',
  cardNumber: 'Kaartnummer',
  expiry: 'Vervaldatum (MM/JJ)',
  cvc: 'CVC',
  cardholder: 'Naam kaarthouder',
  pay: 'Betalen',
  cancel: 'Annuleren',
  saveCardFallback: 'Mijn kaartgegevens bewaren voor volgende betalingen',
  fixErrors: 'Controleer de gemarkeerde velden.',
  invalidCardNumber: 'Dit kaartnummer is niet geldig.',
  invalidExpiry: 'Vul een geldige vervaldatum in de toekomst in, als MM/JJ.',
  invalidCvc: 'De CVC bestaat uit de 3 of 4 cijfers op de achterkant van de kaart.',
  missingCardholder: 'Vul de naam in die op de kaart staat.',
  testCards: 'Testkaarten',
  testCardsIntro:
    'Er wordt geen echte kaart belast. Gebruik een toekomstige vervaldatum en een CVC van 3 cijfers.',
  anyOtherCard: 'Elk ander geldig kaartnummer wordt aanvaard zoals het eerste.',
  cancelNote: 'Annuleren geeft STATUS 1.',
  sandboxNote:
    'Ogone-sandbox: een lokale nabootsing van de betaalpagina. Er wordt geen geld verplaatst.',
  operationSale: 'Verkoop',
  operationAuthorisation: 'Alleen autorisatie',
  savedCard: 'Uw bewaarde kaart',
  savedCardExpires: 'vervalt',
  payWithSavedCard: 'Betalen met deze kaart',
  orAnotherCard: 'Of betaal met een andere kaart',
};

const de: SandboxStrings = {
  locale: 'de-DE',
  title: 'Sichere Zahlung',
  securePayment: 'Sichere Zahlung',
  merchant: 'Händler',
  orderId: 'Bestellung',
  total: 'Zu zahlen',
  amount: 'Betrag',
  operation: 'Vorgang',
  payWithCard: 'Mit Karte bezahlen',
  cardNumber: 'Kartennummer',
  expiry: 'Ablaufdatum (MM/JJ)',
  cvc: 'CVC',
  cardholder: 'Name des Karteninhabers',
  pay: 'Bezahlen',
  cancel: 'Abbrechen',
  saveCardFallback: 'Meine Kartendaten für künftige Zahlungen speichern',
  fixErrors: 'Bitte prüfen Sie die markierten Felder.',
  invalidCardNumber: 'Diese Kartennummer ist ungültig.',
  invalidExpiry: 'Geben Sie ein gültiges, zukünftiges Ablaufdatum als MM/JJ ein.',
  invalidCvc: 'Die CVC sind die 3 oder 4 Ziffern auf der Kartenrückseite.',
  missingCardholder: 'Geben Sie den Namen auf der Karte ein.',
  testCards: 'Testkarten',
  testCardsIntro:
    'Es wird keine echte Karte belastet. Verwenden Sie ein zukünftiges Ablaufdatum und eine 3-stellige CVC.',
  anyOtherCard: 'Jede andere gültige Kartennummer wird wie die erste akzeptiert.',
  cancelNote: 'Abbrechen ergibt STATUS 1.',
  sandboxNote: 'Ogone-Sandbox: ein lokaler Ersatz für die Zahlungsseite. Es fließt kein Geld.',
  operationSale: 'Verkauf',
  operationAuthorisation: 'Nur Autorisierung',
  savedCard: 'Ihre gespeicherte Karte',
  savedCardExpires: 'gültig bis',
  payWithSavedCard: 'Mit dieser Karte bezahlen',
  orAnotherCard: 'Oder mit einer anderen Karte bezahlen',
};

const BY_LANGUAGE: Record<string, SandboxStrings> = { en, fr, nl, de };

/** Texts for an Ogone LANGUAGE (`fr_BE` → French); anything else is English. */
export function stringsFor(language: string | undefined): SandboxStrings {
  const base = (language ?? '').slice(0, 2).toLowerCase();
  const strings = BY_LANGUAGE[base] ?? en;
  if (strings === en || !language) return strings;
  // Keep the region for number formatting (fr_BE → fr-BE, de_CH → de-CH).
  const region = /^[a-z]{2}[_-]([A-Z]{2})$/i.exec(language)?.[1];
  return region ? { ...strings, locale: `${base}-${region.toUpperCase()}` } : strings;
}
