/**
 * A signed hosted-page form (`SignedPayload`) for a trusted order: what `/sign` answers, and what
 * `/pay` falls back to when the bank insists on its own 3-D Secure page (with the saved alias).
 */
import type { SignedPayload } from '../../contract/types.js';
import { composeShaString } from '../../protocol/sign.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { newOrderId } from '../ids.js';
import type { CheckedOrder } from '../rules/order-check.js';
import { hostedPageFields } from '../rules/hosted-fields.js';

export async function signedHostedPayload(
  o: ResolvedOptions,
  input: {
    checked: CheckedOrder;
    orderRef: string;
    returnUrl: string;
    language: string | undefined;
    /** The alias to create, or the saved one to pay with. */
    alias: string | undefined;
  },
): Promise<SignedPayload> {
  const orderId = newOrderId(input.orderRef);
  if (o.providerName !== 'ogone') {
    // Worldline Direct: a hosted checkout, the customer's saved cards (this one too) offered.
    return o.provider.startCheckout({
      orderRef: input.orderRef,
      orderId,
      order: input.checked.order,
      minor: input.checked.minor,
      returnUrl: input.returnUrl,
      language: input.language,
      saveCard: false,
    });
  }
  const fields = hostedPageFields({
    pspid: o.pspid,
    userId: o.userId,
    operation: o.operation,
    aliasUsage: o.aliasUsage,
    order: input.checked.order,
    minor: input.checked.minor,
    orderRef: input.orderRef,
    orderId,
    returnUrl: input.returnUrl,
    language: input.language,
    alias: input.alias,
  });
  fields['SHASIGN'] = await o.digest(composeShaString(fields, o.shaIn, 'in'), o.hashAlgorithm);
  return { action: o.action, method: 'POST', fields, orderId };
}
