/**
 * A DirectLink payment waiting for 3-D Secure (STATUS 46): the challenge the HTML_ANSWER form
 * opens, and what its buttons do — the acquirer's answer (or "authentication failed"), the signed
 * redirect to ACCEPTURL / DECLINEURL / EXCEPTIONURL and the usual feedback.
 */
import type { SandboxContext } from '../context.js';
import type { Environment } from '../http/router.js';
import {
  AUTHENTICATION_FAILED,
  holdsOrderId,
  isSuccess,
  outcomeFor,
} from '../hosted-page/acquirer.js';
import { completionFor } from '../platform/completion.js';
import { rememberAlias } from '../platform/record.js';
import { signedStepResult } from '../platform/results.js';
import { holdStep } from '../platform/settle.js';
import type { PaymentRecord } from '../state/payments.js';
import type { Completion } from '../state/sessions.js';
import { challengePath } from './challenge-page.js';
import { threeDsHtml, toBase64 } from './html-answer.js';

async function finish(
  context: SandboxContext,
  payment: PaymentRecord,
  authenticated: boolean,
  createsAlias: boolean,
): Promise<Completion> {
  const step = payment.steps[0]!;
  const card = payment.card!;
  const outcome = authenticated
    ? outcomeFor(card.behaviour, payment.operation)
    : AUTHENTICATION_FAILED;
  step.status = outcome.status;
  step.ncError = outcome.ncError;
  step.acceptance = outcome.acceptance;
  payment.eci = authenticated ? '5' : '7';
  const hold = authenticated ? context.controls.takeHold(payment.orderId) : undefined;
  if (hold) holdStep(context, payment, step, outcome, hold.untilMs);
  else if (!holdsOrderId(outcome.status))
    context.paidOrders.release(payment.orderId, payment.payId);
  if (createsAlias && isSuccess(step.status)) rememberAlias(context, payment);
  const sent = await signedStepResult(context, payment, step);
  if (context.feedback) await context.feedback.deliver(sent);
  return completionFor(payment, step, sent);
}

/** Opens the challenge of a 46 payment; returns the base64 HTML_ANSWER that leads to it. */
export function openDirectLinkChallenge(
  context: SandboxContext,
  payment: PaymentRecord,
  environment: Environment,
  origin: string,
  createsAlias: boolean,
): string {
  const challenge = context.challenges.open((token, createdAt) => ({
    token,
    createdAt,
    environment,
    pspid: payment.pspid,
    orderId: payment.orderId,
    amountMinor: String(payment.amountMinor),
    currency: payment.currency,
    language: payment.language,
    maskedCard: payment.card!.masked,
    brand: payment.card!.brand,
    urls: payment.urls,
    finish: (authenticated) => finish(context, payment, authenticated, createsAlias),
  }));
  return toBase64(threeDsHtml(`${origin}${challengePath(context, challenge)}`, challenge.token));
}
