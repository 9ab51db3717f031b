/**
 * `sandbox/pay`: the shopper's card form (or Cancel) is submitted; one payment per session. A card
 * whose issuer challenges goes through the 3-D Secure page first.
 */
import { cardBehaviour, cardBrand, maskCardNumber } from '../cards.js';
import type { SandboxContext } from '../context.js';
import { readForm } from '../http/request.js';
import { errorResponse } from '../http/responses.js';
import { stringsFor } from '../pages/strings.js';
import { ALREADY_PROCESSED_NCERROR } from '../state/paid-orders.js';
import type { StoredCard } from '../state/payments.js';
import type { Session } from '../state/sessions.js';
import { authenticationFor } from '../three-ds/authentication.js';
import { challengePageResponse, completionResponse } from '../three-ds/challenge-page.js';
import { AUTHENTICATION_FAILED, CANCELLED, outcomeFor } from './acquirer.js';
import { checkCardForm, type SubmittedCard } from './card-form.js';
import { completeSession } from './complete.js';
import { paymentPageResponse } from './open-page.js';

/** Opens the issuer's challenge for the session's card; its buttons finish the session. */
function challengeFor(
  context: SandboxContext,
  session: Session,
  payId: string,
  card: StoredCard,
  saveCard: boolean,
) {
  const challenge = context.challenges.open((token, createdAt) => ({
    token,
    createdAt,
    environment: session.environment,
    pspid: session.pspid,
    orderId: session.orderId,
    amountMinor: session.amountMinor,
    currency: session.currency,
    language: session.language,
    maskedCard: card.masked,
    brand: card.brand,
    urls: session.urls,
    finish: (authenticated) => {
      const outcome = authenticated
        ? outcomeFor(card.behaviour, session.operation)
        : AUTHENTICATION_FAILED;
      const hold = authenticated ? context.controls.takeHold(session.orderId) : undefined;
      return completeSession(context, session, {
        outcome,
        payId,
        card,
        saveCard,
        eci: authenticated ? '5' : '7',
        ...(hold ? { hold } : {}),
      });
    },
  }));
  session.challenge = challenge.token;
  return challengePageResponse(context, challenge);
}

/** The card the shopper typed, as the platform keeps it. */
function typedCard({ digits, expiry, cardholder }: SubmittedCard): StoredCard {
  return {
    masked: maskCardNumber(digits),
    brand: cardBrand(digits),
    ed: expiry.ed,
    cardholder,
    behaviour: cardBehaviour(digits),
  };
}

/** Pays with an accepted card: claims the ORDERID first, synchronously. */
function payWith(context: SandboxContext, session: Session, card: StoredCard, saveCard: boolean) {
  // Claimed before anything is awaited: of two sessions for one ORDERID, one pays.
  const payId = context.payIds.next();
  if (context.paidOrders.claim(session.orderId, payId) !== undefined) {
    return errorResponse({
      errorText: 'This order has already been processed',
      ncError: ALREADY_PROCESSED_NCERROR,
      ...(session.shopUrl ? { shopUrl: session.shopUrl } : {}),
    });
  }
  const { behaviour } = card;
  if (authenticationFor(behaviour, 'hosted-page', true) === 'challenge') {
    return challengeFor(context, session, payId, card, saveCard);
  }
  const hold = context.controls.takeHold(session.orderId);
  const outcome = outcomeFor(behaviour, session.operation);
  session.done = completeSession(context, session, {
    outcome,
    payId,
    card,
    saveCard,
    ...(hold ? { hold } : {}),
  }).then(() => undefined);
  return session.done.then(() => completionResponse(session.completed!));
}

export async function submitPayment(request: Request, context: SandboxContext): Promise<Response> {
  if (request.method !== 'POST') {
    return errorResponse(
      { errorText: 'method not allowed', hint: 'The payment form is posted.' },
      405,
    );
  }
  const form = await readForm(request);
  if (form === 'unsupported') return errorResponse({ errorText: 'unsupported content type' });
  const session = context.sessions.get(form.get('session') ?? '');
  if (session === undefined) {
    return errorResponse({
      errorText: 'session expired or unknown',
      hint: 'Start the payment again from the merchant’s site.',
    });
  }
  if (session.done) {
    await session.done;
    return completionResponse(session.completed!);
  }
  const challenge = session.challenge ? context.challenges.get(session.challenge) : undefined;
  if (challenge?.done) {
    await challenge.done;
    return completionResponse(challenge.completed!);
  }
  if (challenge) return challengePageResponse(context, challenge);
  if (form.get('action') === 'cancel') {
    session.done = completeSession(context, session, {
      outcome: CANCELLED,
      payId: context.payIds.next(),
      card: undefined,
      saveCard: false,
    }).then(() => undefined);
    await session.done;
    return completionResponse(session.completed!);
  }
  // The saved card is paid with as it is (its alias comes back again).
  if (form.get('action') === 'saved' && session.savedCard) {
    return payWith(context, session, session.savedCard, true);
  }
  const checked = checkCardForm(form, context.config.now(), stringsFor(session.language));
  if ('errors' in checked) return paymentPageResponse(session, checked.values, checked.errors);
  return payWith(context, session, typedCard(checked.card), checked.card.saveCard);
}
