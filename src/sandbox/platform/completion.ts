/** Where the shopper goes after a result: the return URL with the signed result, or a result page. */
import { describeStatus } from '../../protocol/status.js';
import { isSuccess } from '../hosted-page/acquirer.js';
import { returnUrlFor, withQuery } from '../hosted-page/redirect.js';
import { renderResultPage } from '../pages/result-page.js';
import { stringsFor } from '../pages/strings.js';
import type { PaymentRecord, PaymentStep } from '../state/payments.js';
import type { Completion } from '../state/sessions.js';

/** The completion of a payment's first step, given its signed result pairs. */
export function completionFor(
  payment: PaymentRecord,
  step: PaymentStep,
  sent: readonly [string, string][],
): Completion {
  const target = returnUrlFor(step.status, payment.urls);
  if (target !== undefined) return { location: withQuery(target, sent) };
  return {
    html: renderResultPage({
      strings: stringsFor(payment.language),
      status: step.status,
      statusName: describeStatus(step.status).name,
      tone: isSuccess(step.status) ? 'success' : step.status === 2 ? 'error' : 'neutral',
      orderId: payment.orderId,
      payId: payment.payId,
      amountMinor: String(payment.amountMinor),
      currency: payment.currency,
      ncError: step.ncError,
    }),
  };
}
