/**
 * Records what DirectLink answered about a saved-card payment (orderdirect's answer, or the
 * querydirect confirming it after 3-D Secure) like a verified platform message: event, state,
 * and the delivery to `onPaymentResult` (a later feedback with the same status is a duplicate).
 */
import type { PaymentResult } from '../../contract/types.js';
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import { resultOf } from '../ledger/order-state.js';
import { recordResult, type RecordedResult } from '../ledger/record-result.js';
import type { EventSource } from '../ledger/records.js';
import { orderCheck, type CheckedOrder } from '../rules/order-check.js';
import { answerParams, resultOfAnswer, type AttemptFacts } from '../rules/pay-outcome.js';
import type { OgoneRequest } from '../types.js';
import { withLedger } from './record.js';
import { deliveryPayload } from './result-delivery.js';

export interface RecordedAnswer {
  recorded: RecordedResult;
  /** The payment's state after the answer, as the element shows it (never the saved alias). */
  shown: PaymentResult;
}

export async function recordAnswer(
  o: ResolvedOptions,
  worker: OutboxWorker | undefined,
  input: {
    source: Extract<EventSource, 'directlink' | 'query'>;
    answer: DirectLinkAnswer;
    attempt: AttemptFacts;
    order: CheckedOrder;
    info: OgoneRequest;
  },
): Promise<RecordedAnswer> {
  const result = resultOfAnswer(input.answer, input.attempt);
  const params = answerParams(input.answer);
  const check = orderCheck(input.order, result);
  const recorded = await withLedger(o, 'recording a DirectLink answer', (driver) =>
    recordResult(driver, {
      source: input.source,
      provider: o.providerName,
      result,
      step: 0,
      params,
      customerId: input.order.order.customerId,
      mayRecordCard: false,
      payload: (disposition, paymentStatus) =>
        deliveryPayload(
          {
            ...result,
            orderCheck: check,
            signedParams: params,
            ledger: { disposition, paymentStatus },
          },
          input.info,
        ),
    }),
  );
  if (recorded.enqueued) worker?.wake();
  const shown = {
    ...(recorded.payment.status === null ? result : (resultOf(recorded.payment) ?? result)),
  };
  // The browser knows the card by its public id only.
  delete shown.alias;
  return { recorded, shown };
}
