/**
 * `/verify` of a payment `/pay` started (the shopper back from 3-D Secure): the signed return is
 * not enough, so the final status is asked with querydirect, recorded as a `query` event, and the
 * ledger's state is what the shopper sees. Other returns are left to `/verify` as they are.
 */
import type { PaymentResult } from '../../contract/types.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { DirectLinkError } from '../directlink/errors.js';
import { fail } from '../http/failure.js';
import { touchCardOfPayment } from '../ledger/customer-cards.js';
import { isDirectAttempt } from '../ledger/direct-attempts.js';
import { isSuccessOutcome } from '../../protocol/status.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import type { CheckedOrder } from '../rules/order-check.js';
import type { VerifiedResult } from '../rules/verified-result.js';
import type { OgoneRequest } from '../types.js';
import { recordAnswer } from './direct-record.js';
import { withLedger } from './record.js';

/** The confirmed result, or `undefined` when `/pay` did not start this payment. */
export async function confirmedDirect(
  o: ResolvedOptions,
  worker: OutboxWorker | undefined,
  { result }: VerifiedResult,
  order: CheckedOrder,
  info: OgoneRequest,
): Promise<PaymentResult | undefined> {
  if (o.ledger === undefined || o.directLink === undefined) return undefined;
  const direct = await withLedger(o, 'reading a payment', (db) =>
    isDirectAttempt(db, o.providerName, result.orderId),
  );
  if (!direct) return undefined;
  let answer;
  try {
    const query = /^[1-9]\d{0,19}$/.test(result.payId)
      ? { payId: result.payId }
      : { orderId: result.orderId };
    answer = (await o.directLink.queryDirect(query)).answer;
  } catch (error) {
    if (!(error instanceof DirectLinkError)) throw error;
    o.log({
      level: 'error',
      event: 'saved-card-payment',
      message: `querydirect ${result.orderId} after 3-D Secure failed (${error.code}): ${o.scrub(error.message)}`,
    });
    return fail(
      'platform-unavailable',
      'The payment platform could not confirm this payment yet; try again in a moment.',
    );
  }
  if (
    answer.status === undefined ||
    (answer.orderId !== undefined && answer.orderId !== result.orderId)
  ) {
    return fail(
      'platform-unavailable',
      'The payment platform could not confirm this payment yet; try again in a moment.',
    );
  }
  const { shown, recorded } = await recordAnswer(o, worker, {
    source: 'query',
    answer,
    attempt: {
      orderRef: result.orderRef,
      orderId: result.orderId,
      minorAmount: toOgoneAmount(result.amount),
      currency: result.currency,
    },
    order,
    info,
  });
  if (isSuccessOutcome(shown.outcome)) {
    await withLedger(o, 'marking a saved card used', (db) =>
      touchCardOfPayment(db, recorded.payment.id),
    );
  }
  return shown;
}
