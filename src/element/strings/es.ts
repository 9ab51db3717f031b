/** Spanish strings of `<ogone-checkout>`, loaded when the page speaks Spanish. */
import type { OgoneCheckoutStrings } from '../strings.js';

const strings: OgoneCheckoutStrings = {
  pay: 'Pagar ahora',
  saveCard: 'Guardar mi tarjeta para futuras compras',
  total: 'Total',
  signing: 'Preparando tu pago seguro…',
  redirecting: 'Abriendo la página de pago segura…',
  verifying: 'Comprobando tu pago…',
  paid: '¡Gracias! Hemos recibido tu pago.',
  pending: 'Estamos esperando la confirmación de tu banco. No hace falta que vuelvas a pagar.',
  uncertain: 'Estamos comprobando tu pago con el banco. Por favor, no vuelvas a pagar.',
  cancelled: 'Has cancelado el pago. No se ha cobrado nada.',
  refused: 'Tu pago no se ha podido completar. No se ha cobrado nada.',
  tryAgain: 'Intentar de nuevo',
  checkAgain: 'Comprobar de nuevo',
  backToCheckout: 'Volver al pago',
  receiptAmount: 'Importe',
  receiptOrder: 'Pedido',
  receiptCard: 'Tarjeta',
  cardEnding: 'terminada en',
  cardSaved: 'Tarjeta guardada para la próxima vez',
  errorNetwork: 'No hemos podido conectar con el servicio de pago. Comprueba tu conexión.',
  errorServer: 'El servicio de pago no está disponible. No se ha cobrado nada; inténtalo pronto.',
  errorTimeout: 'El servicio de pago no responde. No se ha cobrado nada; inténtalo de nuevo.',
  errorStart: 'No se ha podido iniciar el pago.',
  errorVerifyNetwork:
    'No hemos podido conectar con el servicio de pago para confirmar tu pago. Comprueba tu conexión y vuelve a comprobarlo. No vuelvas a pagar.',
  errorVerifyServer:
    'Ahora mismo no podemos confirmar tu pago. Vuelve a comprobarlo en un momento y no vuelvas a pagar.',
  errorVerifyTimeout:
    'La confirmación de tu pago está tardando más de lo habitual. Vuelve a comprobarlo en un momento y no vuelvas a pagar.',
  errorVerify:
    'No hemos podido confirmar tu pago. Ponte en contacto con nosotros antes de volver a pagar.',
  errorTampered:
    'Este enlace de pago no es válido, así que no hemos podido confirmar ningún pago. Si has pagado, ponte en contacto con nosotros antes de volver a pagar.',
  errorMismatch:
    'Este resultado de pago corresponde a otro pedido. Nada ha cambiado en este pedido.',
  cardsLegend: 'Pagar con',
  newCard: 'Usar una tarjeta nueva',
  cardExpires: 'caduca {expiry}',
  cardExpired: 'caducada {expiry}',
  remove: 'Eliminar',
  removeLabel: 'Eliminar {card}',
  removeQuestion: '¿Eliminar {card}?',
  removeYes: 'Sí, eliminar',
  removeNo: 'Conservarla',
  removed: '{card} eliminada.',
  removeFailed: 'No hemos podido eliminar esta tarjeta. Inténtalo de nuevo.',
  cardRefused:
    'Tu banco ha rechazado esta tarjeta. No se ha cobrado nada. Elige otra tarjeta o usa una nueva.',
  cardInvalid:
    'No se ha podido usar esta tarjeta. No se ha cobrado nada. Elige otra tarjeta o usa una nueva.',
  challenge: 'Tu banco quiere confirmar que eres tú. Abriendo su página…',
  errorCardGone:
    'Esta tarjeta ya no está guardada. No se ha cobrado nada. Elige otra tarjeta o usa una nueva.',
  errorCardExpired:
    'Esta tarjeta ha caducado. No se ha cobrado nada. Elige otra tarjeta o usa una nueva.',
  errorCardsOff:
    'Ahora no se pueden usar las tarjetas guardadas. No se ha cobrado nada. Usa una tarjeta nueva.',
  errorNotPayable:
    'Este pedido no se puede pagar ahora: quizá ya esté pagado. Compruébalo antes de volver a pagar.',
  errorPayUnsure:
    'No hemos podido confirmar si tu pago se ha realizado. Compruébalo de nuevo y no vuelvas a pagar.',
};

export default strings;
