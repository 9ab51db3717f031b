/**
 * What `<ogone-checkout>` says, in the languages of the Ogone heartland. Override any of them with
 * the element's `strings` property.
 */

/** Every text the element shows. */
export interface OgoneCheckoutStrings {
  /** Pay button (the `pay-label` slot replaces it). */
  pay: string;
  /** Consent checkbox label (the `consent` slot replaces it). */
  saveCard: string;
  /** Label of the display amount. */
  total: string;
  signing: string;
  redirecting: string;
  verifying: string;
  /** Verified `paid` or `authorized`. */
  paid: string;
  /** Verified `pending` or `uncertain`: not final yet, never a success. */
  confirming: string;
  /** Verified `cancelled`. */
  cancelled: string;
  /** Verified `refused`, or any other outcome that is not a success. */
  refused: string;
  /** Button after a failure or an unsuccessful payment. */
  tryAgain: string;
  /** `ogone-error` code `network`. */
  errorNetwork: string;
  /** Any other `ogone-error` before the redirect (signing rejected, bad payload, foreign host…). */
  errorStart: string;
  /** Any other `ogone-error` on return (verification failed, amount mismatch…): no success shown. */
  errorVerify: string;
}

/** Languages with built-in strings. */
export type OgoneCheckoutLanguage = 'en' | 'fr' | 'nl' | 'de';

export const OGONE_CHECKOUT_STRINGS: Readonly<Record<OgoneCheckoutLanguage, OgoneCheckoutStrings>> =
  {
    en: {
      pay: 'Pay now',
      saveCard: 'Save my card for future purchases',
      total: 'Total',
      signing: 'Preparing your secure payment…',
      redirecting: 'Opening the secure payment page…',
      verifying: 'Checking your payment…',
      paid: 'Thank you! Your payment has been received.',
      confirming: 'We are confirming your payment. You will receive a confirmation shortly.',
      cancelled: 'You cancelled the payment. Nothing was charged.',
      refused: 'Your payment did not go through. Nothing was charged.',
      tryAgain: 'Try again',
      errorNetwork: 'We could not reach the payment service. Check your connection.',
      errorStart: 'The payment could not be started.',
      errorVerify: 'We could not confirm your payment. Please contact us before paying again.',
    },
    fr: {
      pay: 'Payer',
      saveCard: 'Enregistrer ma carte pour mes prochains achats',
      total: 'Total',
      signing: 'Préparation de votre paiement sécurisé…',
      redirecting: 'Ouverture de la page de paiement sécurisée…',
      verifying: 'Vérification de votre paiement…',
      paid: 'Merci ! Votre paiement a bien été reçu.',
      confirming: 'Nous confirmons votre paiement. Vous recevrez bientôt une confirmation.',
      cancelled: 'Vous avez annulé le paiement. Rien n’a été débité.',
      refused: 'Votre paiement n’a pas abouti. Rien n’a été débité.',
      tryAgain: 'Réessayer',
      errorNetwork: 'Le service de paiement est injoignable. Vérifiez votre connexion.',
      errorStart: 'Le paiement n’a pas pu démarrer.',
      errorVerify:
        'Nous n’avons pas pu confirmer votre paiement. Contactez-nous avant de payer à nouveau.',
    },
    nl: {
      pay: 'Nu betalen',
      saveCard: 'Mijn kaart bewaren voor volgende aankopen',
      total: 'Totaal',
      signing: 'Uw beveiligde betaling wordt voorbereid…',
      redirecting: 'De beveiligde betaalpagina wordt geopend…',
      verifying: 'Uw betaling wordt gecontroleerd…',
      paid: 'Bedankt! Uw betaling is ontvangen.',
      confirming: 'We bevestigen uw betaling. U ontvangt binnenkort een bevestiging.',
      cancelled: 'U hebt de betaling geannuleerd. Er is niets afgeschreven.',
      refused: 'Uw betaling is niet gelukt. Er is niets afgeschreven.',
      tryAgain: 'Opnieuw proberen',
      errorNetwork: 'De betaaldienst is niet bereikbaar. Controleer uw verbinding.',
      errorStart: 'De betaling kon niet worden gestart.',
      errorVerify:
        'We konden uw betaling niet bevestigen. Neem contact met ons op voordat u opnieuw betaalt.',
    },
    de: {
      pay: 'Jetzt bezahlen',
      saveCard: 'Meine Karte für künftige Einkäufe speichern',
      total: 'Gesamt',
      signing: 'Ihre sichere Zahlung wird vorbereitet…',
      redirecting: 'Die sichere Zahlungsseite wird geöffnet…',
      verifying: 'Ihre Zahlung wird geprüft…',
      paid: 'Vielen Dank! Ihre Zahlung ist eingegangen.',
      confirming: 'Wir bestätigen Ihre Zahlung. Sie erhalten in Kürze eine Bestätigung.',
      cancelled: 'Sie haben die Zahlung abgebrochen. Es wurde nichts abgebucht.',
      refused: 'Ihre Zahlung ist nicht durchgegangen. Es wurde nichts abgebucht.',
      tryAgain: 'Erneut versuchen',
      errorNetwork: 'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung.',
      errorStart: 'Die Zahlung konnte nicht gestartet werden.',
      errorVerify:
        'Wir konnten Ihre Zahlung nicht bestätigen. Bitte kontaktieren Sie uns, bevor Sie erneut bezahlen.',
    },
  };

/** The built-in language for a BCP 47 tag (`fr-BE` → `fr`); anything else is English. */
export function builtInLanguage(tag: string | null | undefined): OgoneCheckoutLanguage {
  const base = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase();
  return base === 'fr' || base === 'nl' || base === 'de' ? base : 'en';
}
