/**
 * `/verify` when the provider read the outcome from the platform itself (Worldline Direct: a
 * signed GET, never the shopper's query): recorded like a feedback (applied, a saved card kept,
 * delivered to `onPaymentResult` through the outbox) so nothing waits for the webhook. The order
 * was matched by the route before. The answer is the ledger's state for the order's attempt.
 */
import type { PaymentResult } from '../../contract/types.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { resultOf } from '../ledger/order-state.js';
import { recordResult } from '../ledger/record-result.js';
import type { VerifiedReturn } from '../providers/provider.js';
import type { OgoneRequest } from '../types.js';
import { withLedger } from './record.js';
import { deliveryPayload } from './result-delivery.js';

export async function recordRead(
  o: ResolvedOptions,
  back: VerifiedReturn,
  info: OgoneRequest,
): Promise<PaymentResult> {
  const { result, signedParams, step } = back.verified;
  const recorded = await withLedger(o, 'recording a return', (driver) =>
    recordResult(driver, {
      source: 'query',
      provider: o.providerName,
      result,
      step,
      params: signedParams,
      customerId: back.customerId,
      mayRecordCard: true,
      payload: (disposition, paymentStatus) =>
        deliveryPayload(
          {
            ...result,
            orderCheck: 'matched',
            signedParams,
            ledger: { disposition, paymentStatus },
          },
          info,
        ),
    }),
  );
  const { payment } = recorded;
  return payment.status === null ? result : (resultOf(payment) ?? result);
}
