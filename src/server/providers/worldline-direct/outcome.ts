/**
 * What a hosted checkout came to, read server-side: `GET hostedcheckouts/{id}` and its payment;
 * once the session is gone ("a maximum life span of 3 hours", then 404) `GET payments/{id}_0`.
 * A session cancelled (or expired) without a payment is the legacy STATUS 1, "cancelled by the
 * customer" (the platform's own statusCode for both since March 2026, notes §3.3).
 */
import { fromOgoneAmount } from '../../../protocol/amount.js';
import { describeStatus } from '../../../protocol/status.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import { fail } from '../../http/failure.js';
import type { CheckoutRecord } from '../../ledger/checkouts.js';
import type { VerifiedResult } from '../../rules/verified-result.js';
import type { WorldlineDirectClient } from './client.js';
import { platformCall } from './platform-call.js';
import { resultFromPayment } from './result.js';
import type { PaymentDetailsView, PaymentView } from './types.js';

/** STATUS 1 for an attempt that never became a payment. */
function cancelledWithoutPayment(checkout: CheckoutRecord): VerifiedResult {
  const status = describeStatus(1);
  return {
    result: {
      outcome: status.outcome,
      status: status.code,
      statusName: status.name,
      final: status.final,
      orderRef: checkout.orderRef,
      orderId: checkout.orderId,
      payId: '',
      amount: fromOgoneAmount(checkout.amountMinor),
      currency: checkout.currency,
      ncError: '0',
      idempotencyKey: `${checkout.orderId}::0:1`,
    },
    signedParams: {
      PROVIDER: 'worldline-direct',
      ORDERID: checkout.orderId,
      STATUS: '1',
      ...(checkout.hostedCheckoutId === null
        ? {}
        : { HOSTED_CHECKOUT_ID: checkout.hostedCheckoutId }),
    },
    step: 0,
  };
}

/** A payment by its id (`undefined` on 404). */
export async function readPayment(
  o: ResolvedOptions,
  client: WorldlineDirectClient,
  paymentId: string,
): Promise<PaymentView | undefined> {
  return platformCall(
    o,
    'getPayment',
    () => client.getPayment(paymentId),
    () => undefined,
  );
}

/** A payment and its operations (`undefined` on 404). */
export async function readDetails(
  o: ResolvedOptions,
  client: WorldlineDirectClient,
  paymentId: string,
): Promise<PaymentDetailsView | undefined> {
  return platformCall(
    o,
    'getPaymentDetails',
    () => client.getPaymentDetails(paymentId),
    () => undefined,
  );
}

/** The outcome of a checkout started by this endpoint (its record from the ledger). */
export async function readCheckoutOutcome(
  o: ResolvedOptions,
  client: WorldlineDirectClient,
  checkout: CheckoutRecord,
): Promise<VerifiedResult> {
  const id = checkout.hostedCheckoutId!;
  const session = await platformCall(
    o,
    'getHostedCheckout',
    () => client.getHostedCheckout(id),
    () => undefined,
  );
  // The session is gone after 3 hours: the payment of a hosted checkout is `<id>_0` (notes §2.6).
  const payment = session === undefined ? await readPayment(o, client, `${id}_0`) : session.payment;
  if (payment !== undefined) return resultFromPayment(payment, checkout, id);
  if (session === undefined || session.state === 'cancelled' || session.state === 'unknown') {
    return cancelledWithoutPayment(checkout);
  }
  return fail(
    'platform-unavailable',
    'The hosted checkout is still in progress; ask again shortly.',
  );
}
