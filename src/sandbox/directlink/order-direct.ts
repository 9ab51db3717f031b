/**
 * `orderdirect_utf8.asp`: a payment by the API user, with a saved card (ALIAS, ECI 9) or a card.
 * One payment per ORDERID (claimed before any await); a card whose issuer challenges answers 46
 * with the 3-D Secure form in HTML_ANSWER when FLAG3D=Y, 40001139 otherwise.
 */
import { cardBehaviour, cardBrand, maskCardNumber } from '../cards.js';
import type { SandboxContext } from '../context.js';
import { clientIp } from '../http/request.js';
import type { Environment } from '../http/router.js';
import {
  AUTHENTICATION_REQUIRED,
  holdsOrderId,
  isSuccess,
  outcomeFor,
  type Outcome,
} from '../hosted-page/acquirer.js';
import { recordPayment, rememberAlias } from '../platform/record.js';
import { holdStep } from '../platform/settle.js';
import type { PaymentRecord, StoredCard } from '../state/payments.js';
import { authenticationFor } from '../three-ds/authentication.js';
import { openDirectLinkChallenge } from '../three-ds/directlink-challenge.js';
import {
  errorAttributes,
  headAttributes,
  majorAmount,
  type Attributes,
  type DirectLinkAnswer,
} from './answer.js';
import { outcomeText } from './errors.js';
import { checkOrderDirect, type OrderDirectRequest } from './order-rules.js';
import type { DirectLinkRequest } from './request.js';

/** The answer of a payment, as the platform writes it (the fixtures' shape). */
export function paymentAttributes(payment: PaymentRecord, cvcChecked: boolean): Attributes {
  const step = payment.steps[0]!;
  const success = isSuccess(step.status);
  return [
    ...headAttributes(payment.orderId, payment.payId, step.ncError, outcomeText(step.ncError)),
    ['ACCEPTANCE', step.acceptance],
    ['STATUS', String(step.status)],
    ['IPCTY', '99'],
    ['CCCTY', '99'],
    ['ECI', payment.eci],
    ['CVCCheck', cvcChecked && success ? 'OK' : 'NO'],
    ['AAVCheck', 'NO'],
    ['VC', 'NO'],
    ['amount', majorAmount(payment.amountMinor)],
    ['currency', payment.currency],
    ['PM', 'CreditCard'],
    ['BRAND', payment.card?.brand ?? ''],
    ...(payment.alias === undefined ? [] : ([['ALIAS', payment.alias]] as Attributes)),
  ];
}

/** The card to charge: the saved alias (unless unknown or expired) or the typed card. */
function cardOf(
  context: SandboxContext,
  order: OrderDirectRequest,
): StoredCard | { error: Attributes } {
  const { config } = context;
  const echo = { orderId: order.orderId, currency: order.currency };
  if ('alias' in order.card) {
    const saved = context.aliases.card(config.pspid, order.card.alias, config.now());
    if (saved === undefined) {
      return { error: errorAttributes('alias-not-found', [order.card.alias], echo) };
    }
    if (saved === 'expired') {
      return {
        error: errorAttributes('invalid-field', ['the card of this alias has expired'], echo),
      };
    }
    return saved;
  }
  const { digits, ed } = order.card;
  return {
    masked: maskCardNumber(digits),
    brand: cardBrand(digits),
    ed,
    cardholder: order.cn,
    behaviour: cardBehaviour(digits),
  };
}

export function orderDirect(
  direct: DirectLinkRequest,
  context: SandboxContext,
  environment: Environment,
  request: Request,
): DirectLinkAnswer {
  const { config } = context;
  const checked = checkOrderDirect(direct.read, config.now(), clientIp(request));
  if ('error' in checked) {
    const echo = { orderId: direct.read('ORDERID'), currency: direct.read('CURRENCY') };
    return { attributes: errorAttributes(checked.error, checked.details, echo) };
  }
  const { order } = checked;
  const card = cardOf(context, order);
  if ('error' in card) return { attributes: card.error };
  // Claimed synchronously: a second request with this ORDERID gets the first PAYID back.
  const payId = context.payIds.next();
  const holder = context.paidOrders.claim(order.orderId, payId);
  if (holder !== undefined) {
    const echo = { orderId: order.orderId, payId: holder, currency: order.currency };
    return { attributes: errorAttributes('already-processed', [], echo) };
  }
  const alias = 'alias' in order.card ? order.card.alias : order.card.createAlias;
  const authentication = authenticationFor(card.behaviour, 'directlink', order.flag3d);
  const challenged = authentication === 'challenge';
  const outcome: Outcome = challenged
    ? { status: 46, ncError: '0', acceptance: '' }
    : authentication === 'required'
      ? AUTHENTICATION_REQUIRED
      : outcomeFor(card.behaviour, order.operation);
  const payment = recordPayment(
    context,
    {
      payId,
      pspid: config.pspid,
      orderId: order.orderId,
      currency: order.currency,
      amountMinor: Number(order.amountMinor),
      operation: order.operation,
      card,
      alias,
      eci: order.eci,
      complus: order.complus,
      paramPlus: [],
      ip: order.ip,
      cn: order.cn || card.cardholder,
      language: order.language,
      urls: order.urls,
    },
    outcome,
  );
  const cvcChecked = 'cvc' in order.card && order.card.cvc !== '';
  if (challenged) {
    const origin = config.publicOrigin ?? new URL(request.url).origin;
    const createsAlias = 'createAlias' in order.card && order.card.createAlias !== undefined;
    const htmlAnswerBase64 = openDirectLinkChallenge(
      context,
      payment,
      environment,
      origin,
      createsAlias,
    );
    return { attributes: paymentAttributes(payment, cvcChecked), htmlAnswerBase64 };
  }
  const hold =
    authentication === 'frictionless' ? context.controls.takeHold(order.orderId) : undefined;
  if (hold) holdStep(context, payment, payment.steps[0]!, outcome, hold.untilMs);
  else if (!holdsOrderId(outcome.status)) context.paidOrders.release(order.orderId, payId);
  if (isSuccess(payment.steps[0]!.status) && 'createAlias' in order.card) {
    rememberAlias(context, payment);
  }
  return { attributes: paymentAttributes(payment, cvcChecked) };
}
