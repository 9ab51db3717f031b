/** `sandbox/pay`: the shopper's card form (or Cancel) is submitted; one payment per session. */
import { cardBehaviour, cardBrand, maskCardNumber } from '../cards.js';
import { readForm } from '../http/request.js';
import { errorResponse, htmlResponse, redirectResponse } from '../http/responses.js';
import { stringsFor } from '../pages/strings.js';
import { ALREADY_PROCESSED_NCERROR } from '../state/paid-orders.js';
import type { Session } from '../state/sessions.js';
import { CANCELLED, holdsOrderId, outcomeFor } from './acquirer.js';
import { checkCardForm } from './card-form.js';
import { completeSession } from './complete.js';
import type { HostedPageContext } from './context.js';
import { paymentPageResponse } from './open-page.js';

/** What a completed session answers, to the first submit and to any later one. */
function answer(session: Session): Promise<Response> | Response {
  const completed = session.completed!;
  if ('location' in completed) return redirectResponse(completed.location);
  return htmlResponse(completed.html);
}

export async function submitPayment(
  request: Request,
  context: HostedPageContext,
): Promise<Response> {
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
    return answer(session);
  }
  if (form.get('action') === 'cancel') {
    session.done = completeSession(context, session, {
      outcome: CANCELLED,
      payId: context.payIds.next(),
      card: undefined,
      saveCard: false,
    });
    await session.done;
    return answer(session);
  }
  const checked = checkCardForm(form, context.config.now(), stringsFor(session.language));
  if ('errors' in checked) {
    return paymentPageResponse(session, checked.values, checked.errors);
  }
  // Claimed before anything is awaited: of two sessions for one ORDERID, one pays.
  const payId = context.payIds.next();
  if (context.paidOrders.claim(session.orderId, payId) !== undefined) {
    return errorResponse({
      errorText: 'This order has already been processed',
      ncError: ALREADY_PROCESSED_NCERROR,
      ...(session.shopUrl ? { shopUrl: session.shopUrl } : {}),
    });
  }
  const { digits, expiry, cardholder, saveCard } = checked.card;
  const outcome = outcomeFor(cardBehaviour(digits), session.operation);
  if (!holdsOrderId(outcome.status)) context.paidOrders.release(session.orderId, payId);
  const card = {
    masked: maskCardNumber(digits),
    brand: cardBrand(digits),
    ed: expiry.ed,
    cardholder,
  };
  session.done = completeSession(context, session, { outcome, payId, card, saveCard });
  await session.done;
  return answer(session);
}
