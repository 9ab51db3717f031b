/** Which payment a maintenance or query request names: PAYID (preferred) or ORDERID. */
import type { SandboxContext } from '../context.js';
import type { PaymentRecord } from '../state/payments.js';
import { errorAttributes, type Attributes } from './answer.js';
import type { DirectLinkRequest } from './request.js';

export function findPayment(
  direct: DirectLinkRequest,
  context: SandboxContext,
): PaymentRecord | { error: Attributes } {
  const { pspid } = context.config;
  const payId = direct.read('PAYID');
  const orderId = direct.read('ORDERID');
  if (payId !== '') {
    const payment = context.payments.byPayId(pspid, payId);
    return (
      payment ?? { error: errorAttributes('unknown-payid', [payId, pspid], { payId, orderId }) }
    );
  }
  if (orderId === '') return { error: errorAttributes('missing-field', ['payid or orderid']) };
  const payment = context.payments.byOrderId(pspid, orderId);
  return payment ?? { error: errorAttributes('unknown-order', [orderId, pspid], { orderId }) };
}
