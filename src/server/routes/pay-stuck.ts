/**
 * A saved-card attempt whose answer was lost for good (and querydirect could not tell) keeps its
 * order from a second `/pay`, because it may have been charged. Once it has been on its way for
 * longer than any DirectLink call takes, the next `/pay` asks querydirect again: a payment it knows
 * is recorded (the order may then be paid), one it does not know never happened. Either way the
 * attempt lands; if the platform still cannot tell, it stays in the way.
 */
import { isUnknownToQuery } from '../../protocol/directlink-ncerror.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { DirectLinkError } from '../directlink/errors.js';
import { inFlightAttempt, landAttempt } from '../ledger/direct-attempts.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import type { CheckedOrder } from '../rules/order-check.js';
import type { OgoneRequest } from '../types.js';
import { recordAnswer } from './direct-record.js';
import { withLedger } from './record.js';

/** Longer than a DirectLink call and its recovery can take (RTIMEOUT ≤ 90 s, +10 s, a query). */
export const STUCK_AFTER_SECONDS = 300;

/** Resolves the order's stuck attempt; true when it no longer stands in the way. */
export async function resolveStuckAttempt(
  o: ResolvedOptions,
  worker: OutboxWorker | undefined,
  input: { orderRef: string; checked: CheckedOrder; info: OgoneRequest },
): Promise<boolean> {
  const stuck = await withLedger(o, 'reading a saved-card attempt', (db) =>
    inFlightAttempt(db, input.orderRef, STUCK_AFTER_SECONDS),
  );
  if (stuck === undefined) return true;
  if (!stuck.stale) return false;
  let answer;
  try {
    answer = (await o.directLink!.queryDirect({ orderId: stuck.orderId })).answer;
  } catch (error) {
    if (error instanceof DirectLinkError) return false;
    throw error;
  }
  if (!isUnknownToQuery(answer)) {
    if (answer.status === undefined || answer.status === 88) return false;
    await recordAnswer(o, worker, {
      source: 'query',
      answer,
      attempt: {
        orderRef: input.orderRef,
        orderId: stuck.orderId,
        minorAmount: input.checked.minor,
        currency: input.checked.order.currency,
      },
      order: input.checked,
      info: input.info,
    });
  }
  await withLedger(o, 'closing a saved-card attempt', (db) => landAttempt(db, stuck.id));
  o.log({
    level: 'warn',
    event: 'saved-card-payment',
    message: `orderdirect ${stuck.orderId}, whose answer was lost, resolved by querydirect: ${isUnknownToQuery(answer) ? 'never processed' : `STATUS ${answer.status}`}.`,
  });
  return true;
}
