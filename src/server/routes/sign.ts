/**
 * `POST <basePath>/sign`: a signed hosted-page form for a trusted order. The amount comes from
 * `resolveOrder` only; every call gets a fresh ORDERID.
 */
import { SignRequestSchema } from '../../contract/schemas.js';
import { explainIssues } from '../../internal/issues.js';
import { composeShaString } from '../../protocol/sign.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { jsonBody } from '../http/door.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { newAliasName, newOrderId } from '../ids.js';
import { hostedPageFields } from '../rules/hosted-fields.js';
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
      const fields = hostedPageFields({
        pspid: o.pspid,
        userId: o.userId,
        operation: o.operation,
        aliasUsage: o.aliasUsage,
        order,
        minor,
        orderRef,
        orderId,
        returnUrl,
        language,
        alias: saveCard === true ? newAliasName(order.customerId) : undefined,
      });
      fields['SHASIGN'] = await o.digest(composeShaString(fields, o.shaIn, 'in'), o.hashAlgorithm);
      return jsonResponse(200, { action: o.action, method: 'POST', fields, orderId });
    },
  };
}
