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
};

export default strings;
