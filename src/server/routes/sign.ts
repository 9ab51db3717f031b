/**
 * `POST <basePath>/sign`: the provider's redirect (Ogone: a signed hosted-page form) for a trusted order. The amount comes from
 * `resolveOrder` only; every call gets a fresh ORDERID.
 */
import { SignRequestSchema } from '../../contract/schemas.js';
import { explainIssues } from '../../internal/issues.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { jsonBody } from '../http/door.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { newOrderId } from '../ids.js';
import { checkReturnUrl } from '../rules/return-url.js';
import { lookupOrder } from './order-lookup.js';
import { refuseIfPaid } from './saved-card-access.js';

export function signRoute(o: ResolvedOptions): Route {
  return {
    methods: ['POST'],
    cors: true,
    async run({ req, facts }) {
      const parsed = SignRequestSchema.safeParse(await jsonBody(req));
      if (!parsed.success) return fail('invalid-request', explainIssues(parsed.error.issues));
      const { orderRef, saveCard, language } = parsed.data;
      facts.orderRef = orderRef;
      const returnUrl = checkReturnUrl(parsed.data.returnUrl, o.allowedReturnOrigins);
      const checked = await lookupOrder(o, orderRef, req.info);
      if (checked === null) return fail('unknown-order', 'No order is known under this orderRef.');
      const { order, minor } = checked;
      if (saveCard === true && order.allowSaveCard !== true) {
        fail('save-card-not-allowed', 'Saving a card is not allowed for this order.');
      }
      await refuseIfPaid(o, orderRef);
      const orderId = newOrderId(orderRef);
      facts.orderId = orderId;
      // The provider builds the redirect: a signed form (Ogone) or a hosted checkout (Worldline).
      const payload = await o.provider.startCheckout({
        orderRef,
        orderId,
        order,
        minor,
        returnUrl,
        language,
        saveCard: saveCard === true,
      });
      return jsonResponse(200, payload);
    },
  };
}
