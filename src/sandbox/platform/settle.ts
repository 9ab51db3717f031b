/**
 * How a step reaches its final status: after the maintenance delay, or when a hold ends; then
 * the merchant is told by a signed status-change feedback (PAYID, PAYIDSUB, STATUS).
 */
import type { SandboxContext } from '../context.js';
import { holdsOrderId, type Outcome } from '../hosted-page/acquirer.js';
import type { PaymentRecord, PaymentStep } from '../state/payments.js';
import { sendStepFeedback } from './results.js';

/** The uncertain status of a step (the "2" of Ogone's second digit). */
export function uncertainStatus(payment: PaymentRecord, step: PaymentStep): number {
  switch (step.kind) {
    case 'payment':
      return payment.operation === 'RES' ? 52 : 92;
    case 'capture':
      return 92;
    case 'cancel':
      return 62;
    case 'refund':
      return 82;
  }
}

/** NCERROR of an uncertain answer. */
export const UNCERTAIN_NCERROR = '20002001';

/** Applies the final outcome of a step and sends the status-change feedback. */
export async function settleStep(
  context: SandboxContext,
  payment: PaymentRecord,
  step: PaymentStep,
  final: Outcome,
): Promise<void> {
  step.status = final.status;
  step.ncError = final.ncError;
  step.acceptance = final.acceptance;
  if (step.kind === 'payment' && !holdsOrderId(final.status)) {
    context.paidOrders.release(payment.orderId, payment.payId);
  }
  await sendStepFeedback(context, payment, step);
}

/** Settles a step after `delayMs` (counted by `idle()`). */
export function settleLater(
  context: SandboxContext,
  payment: PaymentRecord,
  step: PaymentStep,
  final: Outcome,
  delayMs: number,
): void {
  context.scheduler.schedule(delayMs, () => settleStep(context, payment, step, final));
}

/**
 * Holds a step uncertain until `untilMs` (the sandbox clock's epoch milliseconds) or until
 * `releaseUncertain(orderId)`, whichever comes first; then settles it with `final`.
 */
export function holdStep(
  context: SandboxContext,
  payment: PaymentRecord,
  step: PaymentStep,
  final: Outcome,
  untilMs: number | undefined,
): void {
  step.status = uncertainStatus(payment, step);
  step.ncError = UNCERTAIN_NCERROR;
  step.acceptance = '';
  let cancelTimer = () => undefined as void;
  const release = context.controls.addHeld(payment.orderId, untilMs, async () => {
    cancelTimer();
    await settleStep(context, payment, step, final);
  });
  if (untilMs !== undefined) {
    cancelTimer = context.scheduler.schedule(untilMs - context.config.now().getTime(), release);
  }
}
