/**
 * The hosted checkout page the shopper sees: the card form (or a saved card), the save-card
 * consent when the merchant asked for it, cancel, and the 3-D Secure challenge for the challenge
 * card. A second submit gets the first answer again.
 */
import { pageModel, readCard } from './card-form.js';
import { answerPage, endedPage, finish } from './checkout-finish.js';
import type { SandboxContext } from './context.js';
import { htmlResponse, readForm, redirectResponse } from './http.js';
import { renderChallengePage } from './pages/challenge-page.js';
import { renderCheckoutPage } from './pages/checkout-page.js';
import { checkoutStrings } from './pages/strings.js';
import { asksAuthentication, newPayment } from './payment-factory.js';
import { maskedCardNumber, type SandboxCard } from './payment-model.js';
import type { CheckoutSession } from './state.js';

function usable(
  context: SandboxContext,
  session: CheckoutSession | undefined,
): session is CheckoutSession {
  return (
    session !== undefined &&
    !session.cancelled &&
    context.config.now().getTime() <= session.expiresAt
  );
}

/** GET or POST of a checkout page (`challenge`: the 3-D Secure step of that page). */
export async function handleCheckoutPage(
  context: SandboxContext,
  request: Request,
  pageToken: string,
  challenge: boolean,
): Promise<Response> {
  const { state, config } = context;
  const id = state.pages.get(pageToken);
  const session = id === undefined ? undefined : state.checkouts.get(id);
  if (session?.finished !== undefined) return answerPage(await session.finished);
  const locale = session?.locale ?? 'en_GB';
  if (!usable(context, session)) return endedPage(locale, session === undefined ? 404 : 200);
  const pagePath = new URL(request.url).pathname.replace(/\/challenge$/, '');
  const formTargets = [session.returnUrl];
  const strings = checkoutStrings(session.locale);
  if (challenge && session.challenge !== undefined) {
    const pending = session.challenge;
    const form = request.method === 'POST' ? await readForm(request) : undefined;
    const action = form?.get('action');
    if (action === 'complete' || action === 'fail') {
      session.finished = Promise.resolve(
        finish(
          context,
          session,
          action === 'complete' ? 'success' : 'authentication-failed',
          pending.card,
          pending.saveCard,
          undefined,
        ),
      );
      return answerPage(await session.finished);
    }
    const html = renderChallengePage({
      strings,
      action: `${pagePath}/challenge`,
      merchantId: config.merchantId,
      amount: session.amount,
      currency: session.currency,
      maskedCard: maskedCardNumber(pending.card),
    });
    return htmlResponse(html, { formTargets });
  }
  const blank = { cardNumber: '', expiry: '', cardholder: '', saveCard: false };
  if (request.method !== 'POST') {
    return htmlResponse(renderCheckoutPage(await pageModel(context, session, pagePath, blank)), {
      formTargets,
    });
  }
  const form = await readForm(request);
  const action = form?.get('action');
  if (form === undefined || action === 'cancel') {
    session.finished = Promise.resolve(
      finish(context, session, 'cancelled', undefined, false, undefined),
    );
    return answerPage(await session.finished);
  }
  if (action === 'pay-token') {
    const token = form.get('token') ?? '';
    const stored = session.tokens.includes(token) ? await state.token(token) : undefined;
    if (stored === undefined) {
      return htmlResponse(renderCheckoutPage(await pageModel(context, session, pagePath, blank)), {
        formTargets,
      });
    }
    return payWith(context, session, stored.card, false, token, pagePath);
  }
  const read = readCard(form, session, config.now());
  if ('errors' in read) {
    return htmlResponse(
      renderCheckoutPage(await pageModel(context, session, pagePath, read.values, read.errors)),
      {
        formTargets,
      },
    );
  }
  return payWith(context, session, read.card, read.saveCard, undefined, pagePath);
}

async function payWith(
  context: SandboxContext,
  session: CheckoutSession,
  card: SandboxCard,
  saveCard: boolean,
  token: string | undefined,
  pagePath: string,
): Promise<Response> {
  const { behaviour } = card;
  if (!asksAuthentication(behaviour)) {
    session.finished = Promise.resolve(finish(context, session, behaviour, card, saveCard, token));
    return answerPage(await session.finished);
  }
  // The issuer asks for a challenge: the payment waits in REDIRECTED (46) meanwhile.
  const payment = newPayment(
    {
      base: session.hostedCheckoutId,
      hostedCheckoutId: session.hostedCheckoutId,
      amount: session.amount,
      currency: session.currency,
      merchantReference: session.merchantReference,
      mode: session.mode,
      card,
      token,
      webhookUrls: session.webhookUrls,
    },
    context.config.now(),
  );
  context.state.payments.set(payment.id, payment);
  session.paymentId = payment.id;
  session.challenge = { card, saveCard };
  return redirectResponse(`${pagePath}/challenge`);
}
