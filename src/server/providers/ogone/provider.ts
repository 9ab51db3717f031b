/**
 * The legacy Ogone provider: today's code behind the provider interface, unchanged in behaviour.
 * The hosted page gets a signed form (POST), the return and the feedback are verified with
 * SHA-OUT; the functions it wraps stay where they were (rules/hosted-fields, routes/signed-result).
 */
import { composeShaString } from '../../../protocol/sign.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import { ogoneParams, queryOrFormParams } from '../../http/door.js';
import { newAliasName } from '../../ids.js';
import { verifySigned } from '../../routes/signed-result.js';
import { hostedPageFields } from '../../rules/hosted-fields.js';
import type { PaymentProvider } from '../provider.js';

export function createOgoneProvider(o: ResolvedOptions): PaymentProvider {
  return {
    name: 'ogone',

    async startCheckout(request) {
      const { order, orderId } = request;
      const fields = hostedPageFields({
        pspid: o.pspid,
        userId: o.userId,
        operation: o.operation,
        aliasUsage: o.aliasUsage,
        order,
        minor: request.minor,
        orderRef: request.orderRef,
        orderId,
        returnUrl: request.returnUrl,
        language: request.language,
        alias: request.saveCard ? newAliasName(order.customerId) : undefined,
      });
      fields['SHASIGN'] = await o.digest(composeShaString(fields, o.shaIn, 'in'), o.hashAlgorithm);
      return { action: o.action, method: 'POST', fields, orderId };
    },

    async verifyReturn(query, facts) {
      return { verified: await verifySigned(o, ogoneParams(query), facts), source: 'return' };
    },

    async takeNotification(req, facts) {
      const verified = await verifySigned(o, await queryOrFormParams(req), facts);
      return { results: [verified], duplicates: 0 };
    },
  };
}
