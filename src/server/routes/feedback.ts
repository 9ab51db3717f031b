/**
 * `GET|POST <basePath>/feedback`: the platform's server-to-server request (Ogone's feedback, or
 * Worldline Direct's webhook), verified by the provider. With a ledger it is
 * recorded before the 200 (`feedback-recorded.ts`); without one it is handed to `onPaymentResult`
 * and answered 200 only once the hook resolved (503 otherwise: Ogone retries).
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { describeError } from '../config/logger.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import { orderCheck } from '../rules/order-check.js';
import type { VerifiedResult } from '../rules/verified-result.js';
import type { OgoneRequest } from '../types.js';
import { recordFeedback } from './feedback-recorded.js';
import { lookupOrder } from './order-lookup.js';

async function deliver(
  o: ResolvedOptions,
  { result, signedParams, step }: VerifiedResult,
  info: OgoneRequest,
): Promise<void> {
  const check = orderCheck(await lookupOrder(o, result.orderRef, info), result, step);
  if (check !== 'matched') {
    o.log({
      level: 'warn',
      event: 'order-mismatch',
      message: `Verified feedback ${result.idempotencyKey} for order ${result.orderRef}: ${check}; delivered with orderCheck "${check}".`,
    });
  }
  try {
    await o.onPaymentResult({ ...result, orderCheck: check, signedParams }, info);
  } catch (error) {
    o.log({
      level: 'error',
      event: 'hook-failed',
      hook: 'onPaymentResult',
      message: o.scrub(describeError(error)),
    });
    fail('result-delivery-failed', 'The payment result could not be delivered yet; retry later.');
  }
}

async function record(
  o: ResolvedOptions,
  worker: OutboxWorker,
  verified: VerifiedResult,
  info: OgoneRequest,
): Promise<string> {
  const order = await lookupOrder(o, verified.result.orderRef, info);
  return (await recordFeedback(o, worker, verified, order, info)).disposition;
}

export function feedbackRoute(o: ResolvedOptions, worker: OutboxWorker | undefined): Route {
  // Single flight within this process: a burst of identical deliveries is handled once (across
  // processes, the ledger's unique key does it).
  const inflight = new Map<string, Promise<string | undefined>>();
  return {
    methods: ['GET', 'POST'],
    cors: false,
    async run({ req, facts }) {
      // Verified by the provider (Ogone: SHA-OUT; Worldline Direct: X-GCS-Signature, then read).
      const notice = await o.provider.takeNotification(req, facts);
      let answer: Record<string, unknown> = { received: true };
      for (const verified of notice.results) {
        const key = verified.result.idempotencyKey;
        let flight = inflight.get(key);
        if (flight === undefined) {
          const started =
            worker === undefined
              ? deliver(o, verified, req.info).then(() => undefined)
              : record(o, worker, verified, req.info);
          flight = started;
          inflight.set(key, started);
          const done = () => {
            if (inflight.get(key) === started) inflight.delete(key);
          };
          started.then(done, done);
        }
        const recorded = await flight;
        answer = {
          received: true,
          idempotencyKey: key,
          ...(recorded !== undefined ? { recorded } : {}),
        };
      }
      await notice.settle?.();
      if (notice.duplicates > 0) answer.duplicates = notice.duplicates;
      return jsonResponse(200, answer);
    },
  };
}
