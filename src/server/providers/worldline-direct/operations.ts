/**
 * The Worldline Direct provider's server-to-server calls: pay with a saved card (a Worldline token
 * or a legacy Ogone alias, verbatim), delete a token, capture, cancel, refund and query; each
 * answers a verified result built from what the platform says (the operation's own status and
 * amount for a capture or a refund, keyed by the operation's id so two partial refunds differ).
 */
import type { PaymentResult } from '../../../contract/types.js';
import { fromOgoneAmount } from '../../../protocol/amount.js';
import { describeStatus } from '../../../protocol/status.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import { fail } from '../../http/failure.js';
import { insertCheckout } from '../../ledger/checkouts.js';
import { withLedger } from '../../routes/record.js';
import type { VerifiedResult } from '../../rules/verified-result.js';
import type { TrustedOrder } from '../../types.js';
import type { PaymentProvider, ProviderPayment } from '../provider.js';
import type { WorldlineDirectClient } from './client.js';
import { operationStep } from './directlink-answers.js';
import { platformCall } from './platform-call.js';
import { resultFromPayment } from './result.js';
import type { CustomerInput, OperationView, PaymentView } from './types.js';

/** The customer block a token needs (Odoo): id, e-mail and country, each only when usable. */
export function customerOf(order: Pick<TrustedOrder, 'customerId' | 'customer'>): CustomerInput {
  const customer: CustomerInput = {};
  const id = order.customerId;
  if (id !== undefined && /^[^\u0000-\u001f]{1,50}$/.test(id)) customer.merchantCustomerId = id;
  const email = order.customer?.email;
  if (email !== undefined && /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email)) customer.email = email;
  const country = order.customer?.country?.toUpperCase();
  if (country !== undefined && /^[A-Z]{2}$/.test(country)) customer.countryCode = country;
  return customer;
}

/** The result of a capture, cancel or refund: the operation's status and amount, its own key. */
function resultOfOperation(payment: ProviderPayment, op: OperationView): VerifiedResult {
  const code = op.status.legacyStatus;
  if (code === undefined) {
    return fail('platform-unavailable', 'The operation has no status yet; query the payment.');
  }
  const status = describeStatus(code);
  const step = operationStep(op.id, payment.payId);
  const minor = op.amount?.minor ?? payment.minor;
  const result: PaymentResult = {
    outcome: status.outcome,
    status: status.code,
    statusName: status.name,
    final: status.final,
    orderRef: payment.orderRef,
    orderId: payment.orderId,
    payId: payment.payId,
    amount: fromOgoneAmount(minor),
    currency: op.amount?.currency ?? payment.currency,
    ncError: '0',
    idempotencyKey: `${payment.orderId}:${payment.payId}:${step}:${code}`,
  };
  return {
    result,
    signedParams: {
      PROVIDER: 'worldline-direct',
      ORDERID: payment.orderId,
      PAYID: payment.payId,
      OPERATION_ID: op.id,
      STATUS: String(code),
      AMOUNT: result.amount,
      CURRENCY: result.currency,
    },
    step,
  };
}

function checkoutOf(payment: ProviderPayment) {
  return {
    orderRef: payment.orderRef,
    orderId: payment.orderId,
    amountMinor: payment.minor,
    currency: payment.currency,
  };
}

export function worldlineOperations(
  o: ResolvedOptions,
  client: WorldlineDirectClient,
): Required<
  Pick<PaymentProvider, 'payWithToken' | 'deleteToken' | 'capture' | 'cancel' | 'refund' | 'query'>
> {
  const authorizationMode = o.operation === 'RES' ? 'FINAL_AUTHORIZATION' : 'SALE';
  const money = (payment: ProviderPayment, minor?: string) => ({
    minor: minor ?? payment.minor,
    currency: payment.currency,
  });

  return {
    async payWithToken(request) {
      await withLedger(o, 'recording a checkout', (db) =>
        insertCheckout(db, {
          provider: 'worldline-direct',
          orderRef: request.orderRef,
          orderId: request.orderId,
          hostedCheckoutId: null,
          returnMac: null,
          amountMinor: request.minor,
          currency: request.currency,
          customerId: request.customerId ?? null,
          saveCard: false,
        }),
      );
      const answer = await platformCall(o, 'createTokenPayment', () =>
        client.createTokenPayment(
          {
            amount: { minor: request.minor, currency: request.currency },
            merchantReference: request.orderId,
            token: request.token,
            authorizationMode,
            initiator: 'customer',
            returnUrl: request.returnUrl,
            language: request.language,
            customer: customerOf({ customerId: request.customerId, customer: undefined }),
          },
          { idempotenceKey: `pay-${request.orderId}` },
        ),
      );
      const checkout = {
        orderRef: request.orderRef,
        orderId: request.orderId,
        amountMinor: request.minor,
        currency: request.currency,
      };
      const read = (payment: PaymentView | undefined) =>
        payment === undefined ? undefined : resultFromPayment(payment, checkout);
      if (answer.kind === 'redirect') {
        return { kind: 'challenge', url: answer.redirectUrl, verified: read(answer.payment) };
      }
      const verified = read(answer.payment);
      if (verified === undefined) {
        return fail('platform-unavailable', 'The declined payment came back without a status.');
      }
      return { kind: 'result', verified };
    },

    async deleteToken(token) {
      return platformCall(o, 'deleteToken', () => client.deleteToken(token));
    },

    async capture(payment, amount = {}) {
      const op = await platformCall(o, 'capturePayment', () =>
        client.capturePayment(payment.payId, {
          ...(amount.minor === undefined ? {} : { amount: money(payment, amount.minor) }),
          ...(amount.isFinal === undefined ? {} : { isFinal: amount.isFinal }),
        }),
      );
      return resultOfOperation(payment, op);
    },

    async cancel(payment) {
      const answer = await platformCall(o, 'cancelPayment', () =>
        client.cancelPayment(payment.payId, {}),
      );
      if (answer.payment === undefined) {
        return fail('platform-unavailable', 'The cancellation came back without the payment.');
      }
      return resultFromPayment(answer.payment, checkoutOf(payment));
    },

    async refund(payment, amount) {
      const op = await platformCall(o, 'refundPayment', () =>
        client.refundPayment(payment.payId, { amount: money(payment, amount.minor) }),
      );
      return resultOfOperation(payment, op);
    },

    async query(payment) {
      const view = await platformCall(o, 'getPayment', () => client.getPayment(payment.payId));
      return resultFromPayment(view, checkoutOf(payment));
    },
  };
}
