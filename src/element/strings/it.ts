/** Italian strings of `<ogone-checkout>`, loaded when the page speaks Italian. */
import type { OgoneCheckoutStrings } from '../strings.js';

const strings: OgoneCheckoutStrings = {
  pay: 'Paga ora',
  saveCard: 'Salva la mia carta per i prossimi acquisti',
  total: 'Totale',
  signing: 'Preparazione del pagamento sicuro…',
  redirecting: 'Apertura della pagina di pagamento sicura…',
  verifying: 'Verifica del pagamento in corso…',
  paid: 'Grazie! Il tuo pagamento è stato ricevuto.',
  pending: 'Stiamo aspettando la conferma della tua banca. Non è necessario pagare di nuovo.',
  uncertain: 'Stiamo verificando il pagamento con la banca. Per favore non pagare di nuovo.',
  cancelled: 'Hai annullato il pagamento. Non è stato addebitato nulla.',
  refused: 'Il pagamento non è andato a buon fine. Non è stato addebitato nulla.',
  tryAgain: 'Riprova',
  checkAgain: 'Verifica di nuovo',
  backToCheckout: 'Torna al pagamento',
  receiptAmount: 'Importo',
  receiptOrder: 'Ordine',
  receiptCard: 'Carta',
  cardEnding: 'che termina con',
  cardSaved: 'Carta salvata per la prossima volta',
  errorNetwork: 'Impossibile raggiungere il servizio di pagamento. Controlla la connessione.',
  errorServer: 'Servizio di pagamento non disponibile. Nessun addebito; riprova tra poco.',
  errorTimeout: 'Il servizio di pagamento non risponde. Nessun addebito; riprova.',
  errorStart: 'Non è stato possibile avviare il pagamento.',
  errorVerifyNetwork:
    'Impossibile raggiungere il servizio di pagamento per confermare il pagamento. Controlla la connessione, poi verifica di nuovo. Non pagare una seconda volta.',
  errorVerifyServer:
    'Al momento non possiamo confermare il pagamento. Verifica di nuovo tra poco e non pagare una seconda volta.',
  errorVerifyTimeout:
    'La conferma del pagamento richiede più tempo del solito. Verifica di nuovo tra poco e non pagare una seconda volta.',
  errorVerify: 'Non siamo riusciti a confermare il pagamento. Contattaci prima di pagare di nuovo.',
  errorTampered:
    'Questo link di pagamento non è valido, quindi non abbiamo potuto confermare alcun pagamento. Se hai pagato, contattaci prima di pagare di nuovo.',
  errorMismatch:
    'Questo esito di pagamento riguarda un altro ordine. Per questo ordine non è cambiato nulla.',
  cardsLegend: 'Paga con',
  newCard: 'Usa una nuova carta',
  cardExpires: 'scade {expiry}',
  cardExpired: 'scaduta {expiry}',
  remove: 'Rimuovi',
  removeLabel: 'Rimuovi {card}',
  removeQuestion: 'Rimuovere {card}?',
  removeYes: 'Sì, rimuovi',
  removeNo: 'Tienila',
  removed: '{card} rimossa.',
  removeFailed: 'Non è stato possibile rimuovere questa carta. Riprova.',
  cardRefused:
    'La tua banca ha rifiutato questa carta. Non è stato addebitato nulla. Scegli un’altra carta o usane una nuova.',
  cardInvalid:
    'Non è stato possibile usare questa carta. Non è stato addebitato nulla. Scegli un’altra carta o usane una nuova.',
  challenge: 'La tua banca vuole confermare che sei tu. Apertura della sua pagina…',
  errorCardGone:
    'Questa carta non è più salvata. Non è stato addebitato nulla. Scegli un’altra carta o usane una nuova.',
  errorCardExpired:
    'Questa carta è scaduta. Non è stato addebitato nulla. Scegli un’altra carta o usane una nuova.',
  errorCardsOff:
    'Le carte salvate non si possono usare in questo momento. Non è stato addebitato nulla. Usa una nuova carta.',
  errorNotPayable:
    'Questo ordine non può essere pagato ora: forse è già pagato. Controlla prima di pagare di nuovo.',
  errorPayUnsure:
    'Non siamo riusciti a confermare se il pagamento è andato a buon fine. Controlla di nuovo e non pagare ancora.',
};

export default strings;
