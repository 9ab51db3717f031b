/** German strings of `<ogone-checkout>`, loaded when the page speaks German. */
import type { OgoneCheckoutStrings } from '../strings.js';

const strings: OgoneCheckoutStrings = {
  pay: 'Jetzt bezahlen',
  saveCard: 'Meine Karte für künftige Einkäufe speichern',
  total: 'Gesamt',
  signing: 'Ihre sichere Zahlung wird vorbereitet…',
  redirecting: 'Die sichere Zahlungsseite wird geöffnet…',
  verifying: 'Ihre Zahlung wird geprüft…',
  paid: 'Vielen Dank! Ihre Zahlung ist eingegangen.',
  pending: 'Wir warten auf die Bestätigung Ihrer Bank. Sie müssen nicht erneut bezahlen.',
  uncertain: 'Wir prüfen Ihre Zahlung mit der Bank. Bitte bezahlen Sie nicht erneut.',
  cancelled: 'Sie haben die Zahlung abgebrochen. Es wurde nichts abgebucht.',
  refused: 'Ihre Zahlung ist nicht durchgegangen. Es wurde nichts abgebucht.',
  tryAgain: 'Erneut versuchen',
  checkAgain: 'Erneut prüfen',
  backToCheckout: 'Zurück zur Kasse',
  receiptAmount: 'Betrag',
  receiptOrder: 'Bestellung',
  receiptCard: 'Karte',
  cardEnding: 'mit Endziffern',
  cardSaved: 'Karte für das nächste Mal gespeichert',
  errorNetwork: 'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung.',
  errorServer: 'Zahlungsdienst nicht verfügbar. Nichts abgebucht; bitte gleich erneut versuchen.',
  errorTimeout: 'Der Zahlungsdienst antwortet nicht. Nichts abgebucht; bitte erneut versuchen.',
  errorStart: 'Die Zahlung konnte nicht gestartet werden.',
  errorVerifyNetwork:
    'Der Zahlungsdienst ist nicht erreichbar, daher können wir Ihre Zahlung nicht bestätigen. Prüfen Sie Ihre Verbindung und prüfen Sie dann erneut. Bitte bezahlen Sie nicht erneut.',
  errorVerifyServer:
    'Wir können Ihre Zahlung gerade nicht bestätigen. Bitte prüfen Sie gleich erneut und bezahlen Sie nicht noch einmal.',
  errorVerifyTimeout:
    'Die Bestätigung Ihrer Zahlung dauert länger als üblich. Bitte prüfen Sie gleich erneut und bezahlen Sie nicht noch einmal.',
  errorVerify:
    'Wir konnten Ihre Zahlung nicht bestätigen. Bitte kontaktieren Sie uns, bevor Sie erneut bezahlen.',
  errorTampered:
    'Dieser Zahlungslink ist ungültig, daher konnten wir keine Zahlung bestätigen. Falls Sie bezahlt haben, kontaktieren Sie uns bitte, bevor Sie erneut bezahlen.',
  errorMismatch:
    'Dieses Zahlungsergebnis gehört zu einer anderen Bestellung. Für diese Bestellung hat sich nichts geändert.',
  cardsLegend: 'Bezahlen mit',
  newCard: 'Eine neue Karte verwenden',
  cardExpires: 'gültig bis {expiry}',
  cardExpired: 'abgelaufen {expiry}',
  remove: 'Entfernen',
  removeLabel: '{card} entfernen',
  removeQuestion: '{card} entfernen?',
  removeYes: 'Ja, entfernen',
  removeNo: 'Behalten',
  removed: '{card} wurde entfernt.',
  removeFailed: 'Wir konnten diese Karte nicht entfernen. Bitte versuchen Sie es erneut.',
  cardRefused:
    'Ihre Bank hat diese Karte abgelehnt. Es wurde nichts abgebucht. Wählen Sie eine andere Karte oder verwenden Sie eine neue.',
  cardInvalid:
    'Diese Karte konnte nicht verwendet werden. Es wurde nichts abgebucht. Wählen Sie eine andere Karte oder verwenden Sie eine neue.',
  challenge: 'Ihre Bank möchte bestätigen, dass Sie es sind. Ihre Seite wird geöffnet…',
  errorCardGone:
    'Diese Karte ist nicht mehr gespeichert. Es wurde nichts abgebucht. Wählen Sie eine andere Karte oder verwenden Sie eine neue.',
  errorCardExpired:
    'Diese Karte ist abgelaufen. Es wurde nichts abgebucht. Wählen Sie eine andere Karte oder verwenden Sie eine neue.',
  errorCardsOff:
    'Gespeicherte Karten können gerade nicht verwendet werden. Es wurde nichts abgebucht. Bitte verwenden Sie eine neue Karte.',
  errorNotPayable:
    'Diese Bestellung kann gerade nicht bezahlt werden; vielleicht ist sie schon bezahlt. Bitte prüfen Sie das, bevor Sie erneut bezahlen.',
  errorPayUnsure:
    'Wir konnten nicht bestätigen, ob Ihre Zahlung durchgegangen ist. Bitte prüfen Sie erneut und bezahlen Sie nicht noch einmal.',
};

export default strings;
