/**
 * Sends a saved-card payment to DirectLink's orderdirect: the request built from the trusted
 * order, the saved alias and the shopper's browser (3-D Secure 2), and the client's failures
 * turned into typed answers (503 `platform-unavailable`, saying whether money may have moved).
 */
import type { BrowserInfo } from '../../contract/types.js';
import { toOgoneLanguage } from '../../protocol/environment.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { DirectLinkError } from '../directlink/errors.js';
import type { BillingAddress, DirectLinkResult, OrderDirectRequest } from '../directlink/types.js';
import type { CoreRequest } from '../http/core.js';
import { fail } from '../http/failure.js';
import { browserData, remoteAddress } from '../rules/browser-data.js';
import type { CheckedOrder } from '../rules/order-check.js';
import type { TrustedCustomer } from '../types.js';

/** The billing address from the order's customer, cut to 3-D Secure's lengths. */
function billingOf(customer: TrustedCustomer | undefined): BillingAddress | undefined {
  if (customer === undefined) return undefined;
  const country = customer.country?.toUpperCase();
  return {
    street1: customer.address?.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 50),
    postalCode: customer.zip?.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 16),
    city: customer.town?.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 50),
    countryCode: country !== undefined && /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
}

export interface SendInput {
  checked: CheckedOrder;
  orderRef: string;
  orderId: string;
  alias: string;
  browser: BrowserInfo;
  returnUrl: string;
  language: string | undefined;
}

/** The orderdirect request of a shopper-present saved-card payment. */
export function orderDirectRequest(
  o: ResolvedOptions,
  req: CoreRequest,
  input: SendInput,
): OrderDirectRequest {
  const { order, minor } = input.checked;
  return {
    orderId: input.orderId,
    minorAmount: minor,
    currency: order.currency,
    alias: input.alias,
    operation: o.operation,
    language: toOgoneLanguage(input.language ?? order.language),
    customer: order.customer,
    complus: input.orderRef,
    threeDSecure: {
      acceptUrl: input.returnUrl,
      declineUrl: input.returnUrl,
      exceptionUrl: input.returnUrl,
      remoteAddress: remoteAddress(req.info.clientAddress),
      browser: browserData(input.browser, {
        accept: req.header('accept'),
        userAgent: req.header('user-agent'),
      }),
      billing: billingOf(order.customer),
    },
  };
}

/** What a failed send means for the attempt: nothing happened, or it may have gone through. */
export type SendFailure = 'nothing-sent' | 'maybe-processed';

/** Codes after which Ogone surely processed nothing. */
const NOTHING_HAPPENED = new Set([
  'invalid-request',
  'unreachable',
  'refused-credentials',
  'signature-rejected',
  'ip-refused',
  'not-processed',
]);

/**
 * Sends; a client failure is logged (code and ORDERID only) and `onFailure` told whether money may
 * have moved before the typed 503 (or 400 for a request the platform would refuse) is thrown.
 */
export async function sendOrderDirect(
  o: ResolvedOptions,
  request: OrderDirectRequest,
  onFailure: (failure: SendFailure) => Promise<void>,
): Promise<DirectLinkResult> {
  try {
    return await o.directLink!.orderDirect(request);
  } catch (error) {
    if (!(error instanceof DirectLinkError)) throw error;
    const nothing = NOTHING_HAPPENED.has(error.code);
    o.log({
      level: 'error',
      event: 'saved-card-payment',
      message: `orderdirect ${request.orderId} failed (${error.code}): ${o.scrub(error.message)}`,
    });
    await onFailure(nothing ? 'nothing-sent' : 'maybe-processed');
    if (error.code === 'invalid-request') {
      return fail('invalid-request', 'This saved card cannot be used for this payment.');
    }
    return fail(
      'platform-unavailable',
      nothing
        ? 'The payment platform could not be reached; nothing was charged. Try again later.'
        : 'The payment platform did not confirm this payment; it may have gone through. Do not pay again: the order status will tell.',
    );
  }
}
