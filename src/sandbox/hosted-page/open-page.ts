/** `orderstandard_utf8.asp`: the signed form arrives, the payment page (or Ogone's error) answers. */
import { OgoneProtocolError } from '../../protocol/errors.js';
import { parseOgoneParams, type IncomingParams } from '../../protocol/params.js';
import { clientIp, readForm } from '../http/request.js';
import { platformPath, type Environment } from '../http/router.js';
import { errorResponse, htmlResponse } from '../http/responses.js';
import { renderPaymentPage, type PaymentPageModel } from '../pages/payment-page.js';
import { stringsFor } from '../pages/strings.js';
import { ALREADY_PROCESSED_NCERROR } from '../state/paid-orders.js';
import type { Session } from '../state/sessions.js';
import type { SandboxContext } from '../context.js';
import { checkOrderForm } from './order-form.js';
import { refererOrigin } from './shop-link.js';

/** The payment page's model for a session, with what the shopper typed and what is wrong. */
export function pageModel(
  session: Session,
  values: PaymentPageModel['values'],
  errors: PaymentPageModel['errors'] = {},
): PaymentPageModel {
  const strings = stringsFor(session.language);
  return {
    strings,
    sessionToken: session.token,
    payPath: session.payPath,
    pspid: session.pspid,
    orderId: session.orderId,
    amountMinor: session.amountMinor,
    currency: session.currency,
    operation: session.operation,
    aliasUsage:
      session.alias === undefined ? undefined : session.aliasUsage || strings.saveCardFallback,
    ...(session.savedCard ? { savedCard: session.savedCard } : {}),
    values,
    errors,
  };
}

/** The payment page of a session, allowed to post to the sandbox and its return URLs. */
export function paymentPageResponse(
  session: Session,
  values: PaymentPageModel['values'],
  errors: PaymentPageModel['errors'] = {},
): Promise<Response> {
  return htmlResponse(renderPaymentPage(pageModel(session, values, errors)), {
    formTargets: Object.values(session.urls),
  });
}

/** Serves the hosted page for a GET (query) or POST (form) of the merchant's signed fields. */
export async function openHostedPage(
  request: Request,
  context: SandboxContext,
  environment: Environment,
): Promise<Response> {
  const form = await readForm(request);
  if (form === 'unsupported') {
    return errorResponse({
      errorText: 'unsupported content type',
      hint: 'Post the form as application/x-www-form-urlencoded (a plain HTML form).',
    });
  }
  let params: IncomingParams;
  try {
    params = parseOgoneParams(form);
  } catch (error) {
    return errorResponse({
      errorText: 'unknown order/1/s',
      hint: error instanceof OgoneProtocolError ? error.message : 'The form could not be read.',
    });
  }
  const checked = await checkOrderForm(params, context.config);
  if ('error' in checked) return errorResponse(checked.error);
  const order = {
    ...checked.form,
    shopUrl:
      checked.form.shopUrl ??
      refererOrigin(request.headers.get('referer'), new URL(request.url).origin),
  };
  if (context.paidOrders.has(order.orderId)) {
    return errorResponse({
      errorText: 'This order has already been processed',
      hint: 'A paid ORDERID cannot be paid again: use a fresh ORDERID for each attempt.',
      ncError: ALREADY_PROCESSED_NCERROR,
      ...(order.shopUrl ? { shopUrl: order.shopUrl } : {}),
    });
  }
  // Built from the configuration, never from the request's path: a crafted path cannot make the
  // genuine page post card data to another host.
  const payPath = platformPath(context.config.basePath, environment, 'sandbox/pay');
  const saved = order.alias
    ? context.aliases.card(order.pspid, order.alias, context.config.now())
    : undefined;
  const savedCard = saved === 'expired' ? undefined : saved;
  const session = context.sessions.open(order, payPath, clientIp(request), environment, savedCard);
  return paymentPageResponse(session, {
    cardNumber: '',
    expiry: '',
    cardholder: session.cn,
    saveCard: true,
  });
}
