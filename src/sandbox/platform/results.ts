/** The signed result of a payment or of one of its steps, and its delivery as feedback. */
import type { SandboxContext } from '../context.js';
import { isSuccess } from '../hosted-page/acquirer.js';
import { signedResult } from '../hosted-page/result.js';
import type { PaymentRecord, PaymentStep } from '../state/payments.js';

/** The SHA-OUT-signed pairs of a step (PAYIDSUB for an after-sale step), as redirect or feedback. */
export function signedStepResult(
  context: SandboxContext,
  payment: PaymentRecord,
  step: PaymentStep,
): Promise<[string, string][]> {
  const { config } = context;
  const card = payment.card;
  return signedResult(
    {
      orderId: payment.orderId,
      currency: payment.currency,
      amountMinor: String(step.amountMinor),
      outcome: { status: step.status, ncError: step.ncError, acceptance: step.acceptance },
      payId: payment.payId,
      ...(step.payIdSub > 0 ? { payIdSub: step.payIdSub } : {}),
      card: card && {
        masked: card.masked,
        brand: card.brand,
        ed: card.ed,
        cardholder: card.cardholder,
      },
      cn: payment.cn,
      alias: isSuccess(payment.steps[0]!.status) ? payment.alias : undefined,
      complus: payment.complus,
      ip: payment.ip,
      paramPlus: payment.paramPlus,
      now: config.now(),
    },
    config.shaOut,
    config.hashAlgorithm,
  );
}

/** Sends a step's signed result to the feedback URL (online try, then deferred retries). */
export async function sendStepFeedback(
  context: SandboxContext,
  payment: PaymentRecord,
  step: PaymentStep,
): Promise<void> {
  if (context.feedback === undefined) return;
  await context.feedback.deliver(await signedStepResult(context, payment, step));
}
