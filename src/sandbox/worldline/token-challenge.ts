/**
 * The 3-D Secure page of a server-to-server token payment (`merchantAction` REDIRECT): Complete
 * or Fail, then back to `threeDSecure.redirectionData.returnUrl` with `paymentId` and `RETURNMAC`
 * appended ([inference]: the names follow the hosted checkout return; the provider reads the
 * payment with a signed GET either way).
 */
import { notify, type SandboxContext } from './context.js';
import { htmlResponse, readForm, redirectResponse, withQuery } from './http.js';
import { renderChallengePage } from './pages/challenge-page.js';
import { renderMessagePage } from './pages/message-page.js';
import { checkoutStrings } from './pages/strings.js';
import { settle } from './payment-factory.js';
import { maskedCardNumber } from './payment-model.js';

export async function handleTokenChallenge(
  context: SandboxContext,
  request: Request,
  token: string,
): Promise<Response> {
  const { state, config } = context;
  const challenge = state.challenges.get(token);
  const payment = challenge === undefined ? undefined : state.payments.get(challenge.paymentId);
  const strings = checkoutStrings(challenge?.locale);
  if (challenge === undefined || payment === undefined) {
    return htmlResponse(
      renderMessagePage({
        strings,
        title: strings.sessionEnded,
        text: strings.sessionEndedText,
        tone: 'neutral',
      }),
      { status: 404 },
    );
  }
  const location = withQuery(challenge.returnUrl, [
    ['paymentId', payment.id],
    ['RETURNMAC', challenge.returnMac],
  ]);
  if (challenge.finished !== undefined) {
    await challenge.finished;
    return redirectResponse(location);
  }
  const form = request.method === 'POST' ? await readForm(request) : undefined;
  const action = form?.get('action');
  if (action === 'complete' || action === 'fail') {
    challenge.finished = Promise.resolve().then(() => {
      settle(payment, action === 'complete' ? 'success' : 'authentication-failed', config.now());
      void notify(context, payment);
    });
    await challenge.finished;
    return redirectResponse(location);
  }
  const html = renderChallengePage({
    strings,
    action: new URL(request.url).pathname,
    merchantId: config.merchantId,
    amount: payment.amount,
    currency: payment.currency,
    maskedCard: payment.card === undefined ? '' : maskedCardNumber(payment.card),
  });
  return htmlResponse(html, { formTargets: [challenge.returnUrl] });
}
