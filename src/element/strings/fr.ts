/** French strings of `<ogone-checkout>`, loaded when the page speaks French. */
import type { OgoneCheckoutStrings } from '../strings.js';

const strings: OgoneCheckoutStrings = {
  pay: 'Payer',
  saveCard: 'Enregistrer ma carte pour mes prochains achats',
  total: 'Total',
  signing: 'Préparation de votre paiement sécurisé…',
  redirecting: 'Ouverture de la page de paiement sécurisée…',
  verifying: 'Vérification de votre paiement…',
  paid: 'Merci ! Votre paiement a bien été reçu.',
  pending: 'Nous attendons la confirmation de votre banque. Inutile de payer à nouveau.',
  uncertain: 'Nous vérifions votre paiement auprès de la banque. Merci de ne pas payer à nouveau.',
  cancelled: 'Vous avez annulé le paiement. Rien n’a été débité.',
  refused: 'Votre paiement n’a pas abouti. Rien n’a été débité.',
  tryAgain: 'Réessayer',
  checkAgain: 'Vérifier à nouveau',
  backToCheckout: 'Retour au paiement',
  receiptAmount: 'Montant',
  receiptOrder: 'Commande',
  receiptCard: 'Carte',
  cardEnding: 'se terminant par',
  cardSaved: 'Carte enregistrée pour la prochaine fois',
  errorNetwork: 'Le service de paiement est injoignable. Vérifiez votre connexion.',
  errorServer: 'Service de paiement indisponible. Rien n’a été débité ; réessayez bientôt.',
  errorTimeout: 'Le service de paiement ne répond pas. Rien n’a été débité ; réessayez.',
  errorStart: 'Le paiement n’a pas pu démarrer.',
  errorVerifyNetwork:
    'Le service de paiement est injoignable : impossible de confirmer votre paiement. Vérifiez votre connexion, puis vérifiez à nouveau. Ne payez pas une seconde fois.',
  errorVerifyServer:
    'Nous ne pouvons pas confirmer votre paiement pour le moment. Vérifiez à nouveau dans un instant et ne payez pas une seconde fois.',
  errorVerifyTimeout:
    'La confirmation de votre paiement prend plus de temps que d’habitude. Vérifiez à nouveau dans un instant et ne payez pas une seconde fois.',
  errorVerify:
    'Nous n’avons pas pu confirmer votre paiement. Contactez-nous avant de payer à nouveau.',
  errorTampered:
    'Ce lien de paiement n’est pas valide : aucun paiement n’a pu être confirmé. Si vous avez payé, contactez-nous avant de payer à nouveau.',
  errorMismatch:
    'Ce résultat de paiement concerne une autre commande. Rien n’a changé pour cette commande.',
  cardsLegend: 'Payer avec',
  newCard: 'Utiliser une nouvelle carte',
  cardExpires: 'expire fin {expiry}',
  cardExpired: 'expirée depuis {expiry}',
  remove: 'Supprimer',
  removeLabel: 'Supprimer {card}',
  removeQuestion: 'Supprimer {card} ?',
  removeYes: 'Oui, supprimer',
  removeNo: 'La garder',
  removed: '{card} supprimée.',
  removeFailed: 'Nous n’avons pas pu supprimer cette carte. Veuillez réessayer.',
  cardRefused:
    'Votre banque a refusé cette carte. Rien n’a été débité. Choisissez une autre carte ou utilisez-en une nouvelle.',
  cardInvalid:
    'Cette carte n’a pas pu être utilisée. Rien n’a été débité. Choisissez une autre carte ou utilisez-en une nouvelle.',
  challenge: 'Votre banque veut confirmer que c’est bien vous. Ouverture de sa page…',
  errorCardGone:
    'Cette carte n’est plus enregistrée. Rien n’a été débité. Choisissez une autre carte ou utilisez-en une nouvelle.',
  errorCardExpired:
    'Cette carte a expiré. Rien n’a été débité. Choisissez une autre carte ou utilisez-en une nouvelle.',
  errorCardsOff:
    'Les cartes enregistrées ne sont pas disponibles pour le moment. Rien n’a été débité. Utilisez une nouvelle carte.',
  errorNotPayable:
    'Cette commande ne peut pas être payée maintenant : elle est peut-être déjà payée. Vérifiez avant de payer à nouveau.',
  errorPayUnsure:
    'Nous n’avons pas pu confirmer si votre paiement a abouti. Vérifiez à nouveau et ne payez pas une deuxième fois.',
};

export default strings;
