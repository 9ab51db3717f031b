/**
 * `GET <basePath>/orders/<orderRef>`: the order's payment state from the ledger (`OrderStatus`),
 * so a reload or Back after paying shows the result instead of a live "Pay now". Authorised by
 * `resolveOrder(orderRef, request)`: unknown and not-yours both answer 404 `unknown-order`.
 */
import { ORDER_REF_PATTERN } from '../../contract/schemas.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { orderStatus } from '../ledger/order-state.js';
import { paymentsOfOrder } from '../ledger/payments-read.js';
import { lookupOrder } from './order-lookup.js';
import { withLedger } from './record.js';

const UNKNOWN = 'No order is known under this orderRef.';

export function ordersRoute(o: ResolvedOptions): Route {
  return {
    methods: ['GET'],
    cors: true,
    params: 1,
    async run({ req, facts, rest }) {
      const orderRef = rest[0]!;
      if (!ORDER_REF_PATTERN.test(orderRef)) return fail('unknown-order', UNKNOWN);
      facts.orderRef = orderRef;
      if ((await lookupOrder(o, orderRef, req.info)) === null)
        return fail('unknown-order', UNKNOWN);
      const rows = await withLedger(o, 'reading an order', (driver) =>
        paymentsOfOrder(driver, orderRef),
      );
      return jsonResponse(200, orderStatus(orderRef, rows));
    },
  };
}
