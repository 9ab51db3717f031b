/**
 * `maintenancedirect_utf8.asp`: capture, cancel, refund. An accepted operation gets the next
 * PAYIDSUB and answers its pending status (91, 61, 81) at once; after `maintenanceDelayMs` it
 * reaches its final status (9, 6, 8) and a signed status-change feedback is sent. Decided and
 * recorded with no await in between, so two concurrent refunds cannot both pass.
 */
import type { SandboxContext } from '../context.js';
import { holdStep, settleLater } from '../platform/settle.js';
import { currentStep, type PaymentStep } from '../state/payments.js';
import { errorAttributes, headAttributes, majorAmount, type DirectLinkAnswer } from './answer.js';
import { findPayment } from './find-payment.js';
import { FINAL_STATUS, PENDING_STATUS, decideMaintenance } from './maintenance-rules.js';
import type { DirectLinkRequest } from './request.js';

export function maintenanceDirect(
  direct: DirectLinkRequest,
  context: SandboxContext,
): DirectLinkAnswer {
  const found = findPayment(direct, context);
  if ('error' in found) return { attributes: found.error };
  const payment = found;
  const decision = decideMaintenance(
    payment,
    direct.read('OPERATION').toUpperCase(),
    direct.read('AMOUNT'),
  );
  if ('refused' in decision) {
    const echo = {
      orderId: payment.orderId,
      payId: payment.payId,
      payIdSub: String(currentStep(payment).payIdSub),
    };
    return { attributes: errorAttributes(decision.refused, decision.details, echo) };
  }
  const { kind, operation, amountMinor } = decision.accepted;
  const step: PaymentStep = {
    payIdSub: payment.steps.length,
    kind,
    operation,
    amountMinor,
    status: PENDING_STATUS[kind],
    ncError: '0',
    acceptance: '',
  };
  payment.steps.push(step);
  const final = { status: FINAL_STATUS[kind], ncError: '0', acceptance: '' };
  const hold = context.controls.takeHold(payment.orderId);
  if (hold) holdStep(context, payment, step, final, hold.untilMs);
  else settleLater(context, payment, step, final, context.config.maintenanceDelayMs);
  return {
    attributes: [
      ...headAttributes(payment.orderId, payment.payId, '0', '!', String(step.payIdSub)),
      ['ACCEPTANCE', ''],
      ['STATUS', String(step.status)],
      ['amount', majorAmount(amountMinor)],
      ['currency', payment.currency],
      ...(payment.alias === undefined ? [] : ([['ALIAS', payment.alias]] as [string, string][])),
    ],
  };
}
