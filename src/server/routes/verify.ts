/**
 * `POST <basePath>/verify`: the shopper's return, verified (SHA-OUT) and checked against the
 * order's amount and currency, answered as a `PaymentResult` for the element to show.
 */
import { VerifyRequestSchema } from '../../contract/schemas.js';
import { explainIssues } from '../../internal/issues.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { jsonBody, ogoneParams } from '../http/door.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { orderMatches } from '../rules/order-check.js';
import { lookupOrder } from './order-lookup.js';
import { verifySigned } from './signed-result.js';

export function verifyRoute(o: ResolvedOptions): Route {
  return {
    methods: ['POST'],
    cors: true,
    async run({ req, facts }) {
      const parsed = VerifyRequestSchema.safeParse(await jsonBody(req));
      if (!parsed.success) return fail('invalid-request', explainIssues(parsed.error.issues));
      const { result } = await verifySigned(o, ogoneParams(parsed.data.query), facts);
      const order = await lookupOrder(o, result.orderRef, req.info);
      if (order === null) return fail('unknown-order', 'No order is known under this orderRef.');
      if (!orderMatches(order, result)) {
        fail('amount-mismatch', 'The amount or currency paid does not match the order.');
      }
      return jsonResponse(200, result);
    },
  };
}
