/**
 * `POST <basePath>/verify`: the shopper's return, verified (SHA-OUT), refused when older than
 * `maxReturnAgeDays`, checked against the order's amount and currency, and answered as a
 * `PaymentResult`. With a ledger the return is recorded (never applied) and the answer is the
 * state the platform's messages set, once the ledger knows it.
 */
import { VerifyRequestSchema } from '../../contract/schemas.js';
import type { PaymentResult } from '../../contract/types.js';
import { explainIssues } from '../../internal/issues.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { jsonBody } from '../http/door.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { resultOf } from '../ledger/order-state.js';
import { recordResult } from '../ledger/record-result.js';
import { orderMatches } from '../rules/order-check.js';
import { isReturnTooOld } from '../rules/return-age.js';
import type { VerifiedResult } from '../rules/verified-result.js';
import { lookupOrder } from './order-lookup.js';
import { recordRead } from './record-read.js';
import { describeError } from '../config/logger.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import { confirmedDirect } from './verify-direct.js';

/** The ledger's answer for this attempt, or the verified return while the ledger has none. */
async function recorded(o: ResolvedOptions, verified: VerifiedResult): Promise<PaymentResult> {
  const { result } = verified;
  try {
    const { payment } = await recordResult(o.ledger!, {
      source: 'return',
      provider: o.providerName,
      result,
      step: verified.step,
      params: verified.signedParams,
      customerId: undefined,
      mayRecordCard: false,
      payload: undefined,
    });
    return payment.status === null ? result : (resultOf(payment) ?? result);
  } catch (error) {
    // The return is genuine (signed): show it rather than fail the shopper's page.
    o.log({
      level: 'error',
      event: 'ledger-failed',
      message: `Ledger recording a return failed: ${o.scrub(describeError(error))}`,
    });
    return result;
  }
}

export function verifyRoute(o: ResolvedOptions, worker?: OutboxWorker): Route {
  return {
    methods: ['POST'],
    cors: true,
    async run({ req, facts }) {
      const parsed = VerifyRequestSchema.safeParse(await jsonBody(req));
      if (!parsed.success) return fail('invalid-request', explainIssues(parsed.error.issues));
      const back = await o.provider.verifyReturn(parsed.data.query, facts);
      const { verified } = back;
      const { result } = verified;
      if (isReturnTooOld(result.trxDate, Date.now(), o.maxReturnAgeMs)) {
        fail(
          'result-expired',
          'This payment result is too old to be shown; look the order up instead of reusing an old return link.',
        );
      }
      const order = await lookupOrder(o, result.orderRef, req.info);
      if (order === null) return fail('unknown-order', 'No order is known under this orderRef.');
      if (!orderMatches(order, result)) {
        fail('amount-mismatch', 'The amount or currency paid does not match the order.');
      }
      if (o.ledger === undefined) return jsonResponse(200, result);
      // Read from the platform itself (Worldline Direct): recorded and delivered like a feedback.
      if (back.source === 'query') return jsonResponse(200, await recordRead(o, back, req.info));
      // A saved-card payment back from 3-D Secure: confirmed by querydirect before it is shown.
      const confirmed = await confirmedDirect(o, worker, verified, order, req.info);
      if (confirmed !== undefined) return jsonResponse(200, confirmed);
      return jsonResponse(200, await recorded(o, verified));
    },
  };
}
