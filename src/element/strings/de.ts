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
};

export default strings;
