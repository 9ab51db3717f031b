/** Dutch strings of `<ogone-checkout>`, loaded when the page speaks Dutch. */
import type { OgoneCheckoutStrings } from '../strings.js';

const strings: OgoneCheckoutStrings = {
  pay: 'Nu betalen',
  saveCard: 'Mijn kaart bewaren voor volgende aankopen',
  total: 'Totaal',
  signing: 'Uw beveiligde betaling wordt voorbereid…',
  redirecting: 'De beveiligde betaalpagina wordt geopend…',
  verifying: 'Uw betaling wordt gecontroleerd…',
  paid: 'Bedankt! Uw betaling is ontvangen.',
  pending: 'We wachten op de bevestiging van uw bank. U hoeft niet opnieuw te betalen.',
  uncertain: 'We controleren uw betaling bij de bank. Betaal alstublieft niet opnieuw.',
  cancelled: 'U hebt de betaling geannuleerd. Er is niets afgeschreven.',
  refused: 'Uw betaling is niet gelukt. Er is niets afgeschreven.',
  tryAgain: 'Opnieuw proberen',
  checkAgain: 'Opnieuw controleren',
  backToCheckout: 'Terug naar afrekenen',
  receiptAmount: 'Bedrag',
  receiptOrder: 'Bestelling',
  receiptCard: 'Kaart',
  cardEnding: 'eindigend op',
  cardSaved: 'Kaart bewaard voor de volgende keer',
  errorNetwork: 'De betaaldienst is niet bereikbaar. Controleer uw verbinding.',
  errorServer: 'De betaaldienst werkt nu niet. Niets afgeschreven; probeer het zo opnieuw.',
  errorTimeout: 'De betaaldienst reageert niet. Niets afgeschreven; probeer het opnieuw.',
  errorStart: 'De betaling kon niet worden gestart.',
  errorVerifyNetwork:
    'De betaaldienst is niet bereikbaar, dus we kunnen uw betaling niet bevestigen. Controleer uw verbinding en controleer dan opnieuw. Betaal niet opnieuw.',
  errorVerifyServer:
    'We kunnen uw betaling nu niet bevestigen. Controleer het zo opnieuw en betaal niet opnieuw.',
  errorVerifyTimeout:
    'Het bevestigen van uw betaling duurt langer dan normaal. Controleer het zo opnieuw en betaal niet opnieuw.',
  errorVerify:
    'We konden uw betaling niet bevestigen. Neem contact met ons op voordat u opnieuw betaalt.',
  errorTampered:
    'Deze betaallink is ongeldig, dus we konden geen betaling bevestigen. Hebt u betaald? Neem dan contact met ons op voordat u opnieuw betaalt.',
  errorMismatch:
    'Dit betaalresultaat hoort bij een andere bestelling. Voor deze bestelling is niets veranderd.',
  cardsLegend: 'Betalen met',
  newCard: 'Een nieuwe kaart gebruiken',
  cardExpires: 'geldig tot {expiry}',
  cardExpired: 'verlopen {expiry}',
  remove: 'Verwijderen',
  removeLabel: '{card} verwijderen',
  removeQuestion: '{card} verwijderen?',
  removeYes: 'Ja, verwijderen',
  removeNo: 'Bewaren',
  removed: '{card} is verwijderd.',
  removeFailed: 'We konden deze kaart niet verwijderen. Probeer het opnieuw.',
  cardRefused:
    'Uw bank heeft deze kaart geweigerd. Er is niets afgeschreven. Kies een andere kaart of gebruik een nieuwe.',
  cardInvalid:
    'Deze kaart kon niet worden gebruikt. Er is niets afgeschreven. Kies een andere kaart of gebruik een nieuwe.',
  challenge: 'Uw bank wil bevestigen dat u het bent. De pagina van uw bank wordt geopend…',
  errorCardGone:
    'Deze kaart is niet meer opgeslagen. Er is niets afgeschreven. Kies een andere kaart of gebruik een nieuwe.',
  errorCardExpired:
    'Deze kaart is verlopen. Er is niets afgeschreven. Kies een andere kaart of gebruik een nieuwe.',
  errorCardsOff:
    'Opgeslagen kaarten kunnen nu niet worden gebruikt. Er is niets afgeschreven. Gebruik een nieuwe kaart.',
  errorNotPayable:
    'Deze bestelling kan nu niet worden betaald; misschien is ze al betaald. Controleer dit voordat u opnieuw betaalt.',
  errorPayUnsure:
    'We konden niet bevestigen of uw betaling gelukt is. Controleer het opnieuw en betaal niet nog eens.',
};

export default strings;
