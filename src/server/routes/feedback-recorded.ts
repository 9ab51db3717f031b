/**
 * `/feedback` with a ledger: the verified result is recorded in one transaction (event, state,
 * delivery, saved card) and Ogone gets 200 only after the commit. With `delivery: 'sync'` the
 * 200 also waits for `onPaymentResult` to accept the result.
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { describeError } from '../config/logger.js';
import { fail } from '../http/failure.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import { recordResult, type RecordedResult } from '../ledger/record-result.js';
import type { CheckedOrder } from '../rules/order-check.js';
import { orderCheck } from '../rules/order-check.js';
import type { VerifiedResult } from '../rules/verified-result.js';
import type { OgoneRequest } from '../types.js';
import { withLedger } from './record.js';
import { deliveryPayload } from './result-delivery.js';

export async function recordFeedback(
  o: ResolvedOptions,
  worker: OutboxWorker,
  verified: VerifiedResult,
  order: CheckedOrder | null,
  info: OgoneRequest,
): Promise<RecordedResult> {
  const { result, signedParams, step } = verified;
  const check = orderCheck(order, result, step);
  const recorded = await withLedger(o, 'recording a feedback', (driver) =>
    recordResult(driver, {
      source: 'feedback',
      provider: o.providerName,
      result,
      step,
      params: signedParams,
      customerId: order?.order.customerId,
      mayRecordCard: check === 'matched',
      payload: (disposition, paymentStatus) =>
        deliveryPayload(
          { ...result, orderCheck: check, signedParams, ledger: { disposition, paymentStatus } },
          info,
        ),
    }),
  );
  if (check !== 'matched' && recorded.disposition === 'applied') {
    o.log({
      level: 'warn',
      event: 'order-mismatch',
      message: `Verified feedback ${result.idempotencyKey} for order ${result.orderRef}: ${check}; delivered with orderCheck "${check}".`,
    });
  }
  if (o.delivery === 'outbox') {
    if (recorded.enqueued) worker.wake();
    return recorded;
  }
  try {
    await worker.deliverNow(recorded.eventId);
  } catch (error) {
    o.log({
      level: 'error',
      event: 'hook-failed',
      hook: 'onPaymentResult',
      message: o.scrub(describeError(error)),
    });
    fail('result-delivery-failed', 'The payment result could not be delivered yet; retry later.');
  }
  return recorded;
}
