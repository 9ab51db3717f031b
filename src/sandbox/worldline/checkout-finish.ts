/**
 * How a hosted checkout ends for the shopper: the payment settled, a token saved when asked, the
 * webhook sent, and the way back to `returnUrl` with `hostedCheckoutId` and `RETURNMAC` (Gap 2:
 * whether RETURNMAC is appended on a cancel too is unconfirmed; Worldline's own Magento plugin
 * refuses a return without both, so the sandbox always appends both, and the provider never
 * trusts them for the outcome) or a result page when the checkout asked for one.
 */
import { notify, type SandboxContext } from './context.js';
import { htmlResponse, redirectResponse, withQuery } from './http.js';
import { renderMessagePage } from './pages/message-page.js';
import { checkoutStrings } from './pages/strings.js';
import { newPayment, settle, type CheckoutOutcome } from './payment-factory.js';
import type { SandboxCard } from './payment-model.js';
import type { CheckoutSession, PageOutcome } from './state.js';

export function answerPage(outcome: PageOutcome): Promise<Response> | Response {
  if ('redirect' in outcome) return redirectResponse(outcome.redirect);
  return htmlResponse(outcome.html, { formTargets: outcome.formTargets });
}

export function endedPage(locale: string, status = 200): Promise<Response> {
  const strings = checkoutStrings(locale);
  return htmlResponse(
    renderMessagePage({
      strings,
      title: strings.sessionEnded,
      text: strings.sessionEndedText,
      tone: 'neutral',
    }),
    { status },
  );
}

/** Ends the checkout: the payment settled, a token saved if asked, the webhook, the way back. */
export function finish(
  context: SandboxContext,
  session: CheckoutSession,
  outcome: CheckoutOutcome,
  card: SandboxCard | undefined,
  saveCard: boolean,
  tokenUsed: string | undefined,
): PageOutcome {
  const { state, config } = context;
  const now = config.now();
  const payment =
    (session.paymentId === undefined ? undefined : state.payments.get(session.paymentId)) ??
    newPayment(
      {
        base: session.hostedCheckoutId,
        hostedCheckoutId: session.hostedCheckoutId,
        amount: session.amount,
        currency: session.currency,
        merchantReference: session.merchantReference,
        mode: session.mode,
        card,
        token: tokenUsed,
        webhookUrls: session.webhookUrls,
      },
      now,
    );
  settle(payment, outcome, now);
  if (outcome === 'success' && card !== undefined && tokenUsed === undefined) {
    if (session.tokenization === 'always' || (session.tokenization === 'ask' && saveCard)) {
      payment.token = state.saveCard(card);
    }
  }
  state.payments.set(payment.id, payment);
  session.paymentId = payment.id;
  session.challenge = undefined;
  if (outcome === 'cancelled') session.cancelled = true;
  void notify(context, payment);
  const strings = checkoutStrings(session.locale);
  const location =
    session.returnUrl === undefined
      ? undefined
      : withQuery(session.returnUrl, [
          ['hostedCheckoutId', session.hostedCheckoutId],
          ['RETURNMAC', session.returnMac],
        ]);
  if (location !== undefined && !session.showResultPage) return { redirect: location };
  const title =
    outcome === 'success'
      ? strings.resultPaid
      : outcome === 'cancelled'
        ? strings.resultCancelled
        : outcome === 'uncertain' || outcome === 'waiting'
          ? strings.resultPending
          : strings.resultRefused;
  const tone =
    outcome === 'success'
      ? 'ok'
      : outcome === 'uncertain' || outcome === 'waiting'
        ? 'neutral'
        : 'bad';
  return { html: renderMessagePage({ strings, title, tone, link: location }), formTargets: [] };
}
