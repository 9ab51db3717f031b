/**
 * Worldline Direct behind the API user's interface (`DirectLinkClient`), so the saved-card route
 * (`/pay`), the after-sale operations (capture, cancel, refund, status, reconcile) and the console
 * run on it unchanged: each call is made with the v2 API and its answer given back in the shape of
 * a DirectLink answer — `STATUS` is `statusOutput.statusCode` (the legacy STATUS), `PAYID` the
 * payment id, `PAYIDSUB` the operation's index (`<id>_N`), a refusal `STATUS` 0 with the
 * platform's error code as `NCERROR`. A payment that needs 3-D Secure answers NCERROR 40001139
 * ("the bank insists on its own page"): `/pay` then opens a hosted checkout with the card.
 */
import type { ResolvedOptions } from '../../config/resolve-options.js';
import { DirectLinkError } from '../../directlink/errors.js';
import type {
  DirectLinkClient,
  DirectLinkResult,
  MaintenanceRequest,
} from '../../directlink/types.js';
import { insertCheckout } from '../../ledger/checkouts.js';
import { withLedger } from '../../routes/record.js';
import type { WorldlineDirectClient } from './client.js';
import { answerOf, mapError, operationStep, type Page } from './directlink-answers.js';
import type { PaymentView } from './types.js';

export function worldlineDirectLink(
  o: ResolvedOptions,
  client: WorldlineDirectClient,
): DirectLinkClient {
  async function payment(payId: string, page: Page): Promise<PaymentView> {
    try {
      return await client.getPayment(payId);
    } catch (error) {
      mapError(error, page, payId);
      throw error;
    }
  }

  async function maintenance(request: MaintenanceRequest): Promise<DirectLinkResult> {
    const { payId, operation } = request;
    const current = await payment(payId, 'maintenancedirect');
    const money = { minor: request.minorAmount, currency: current.amount?.currency ?? 'EUR' };
    const step = request.lastPayIdSub + 1;
    const call = { idempotenceKey: `op-${payId}-${step}-${operation}`.slice(0, 40) };
    try {
      if (operation === 'DES' || operation === 'DEL') {
        const cancelled = await client.cancelPayment(payId, { amount: money }, call);
        const code = cancelled.payment?.status.legacyStatus;
        return answerOf({
          orderId: current.merchantReference,
          payId,
          payIdSub: step,
          status: code,
          money,
          payment: cancelled.payment,
        });
      }
      const op =
        operation === 'SAL' || operation === 'SAS'
          ? await client.capturePayment(
              payId,
              { amount: money, isFinal: operation === 'SAS' },
              call,
            )
          : await client.refundPayment(payId, { amount: money }, call);
      return answerOf({
        orderId: current.merchantReference,
        payId,
        payIdSub: operationStep(op.id, payId),
        status: op.status.legacyStatus,
        money: op.amount ?? money,
      });
    } catch (error) {
      return mapError(error, 'maintenancedirect', payId);
    }
  }

  /** The platform's payment id of an attempt, from the ledger (a query by ORDERID). */
  async function payIdOf(orderId: string): Promise<string> {
    const rows = await withLedger(o, 'reading a payment', (db) =>
      db.query<{ pay_id: string | null; hosted: string | null }>(
        `SELECT p.pay_id, c.hosted_checkout_id AS hosted
         FROM checkouts c LEFT JOIN payments p ON p.provider = c.provider AND p.order_id = c.order_id
         WHERE c.provider = 'worldline-direct' AND c.order_id = $1`,
        [orderId],
      ),
    );
    const row = rows[0];
    const id = row?.pay_id || (row?.hosted ? `${row.hosted}_0` : '');
    if (id === '') {
      throw new DirectLinkError(
        'not-processed',
        'Worldline Direct knows no payment of this attempt.',
        {
          page: 'querydirect',
          orderId,
        },
      );
    }
    return id;
  }

  return {
    userId: 'worldline-direct',

    async orderDirect(request) {
      const orderRef = request.complus ?? request.orderId;
      await withLedger(o, 'recording a checkout', (db) =>
        insertCheckout(db, {
          provider: 'worldline-direct',
          orderRef,
          orderId: request.orderId,
          hostedCheckoutId: null,
          returnMac: null,
          amountMinor: request.minorAmount,
          currency: request.currency,
          customerId: null,
          saveCard: false,
        }),
      );
      try {
        const paid = await client.createTokenPayment(
          {
            amount: { minor: request.minorAmount, currency: request.currency },
            merchantReference: request.orderId,
            token: request.alias,
            authorizationMode: request.operation === 'RES' ? 'FINAL_AUTHORIZATION' : 'SALE',
            initiator: request.threeDSecure === undefined ? 'merchant' : 'customer',
            returnUrl: request.threeDSecure?.acceptUrl,
            language: request.language,
          },
          { idempotenceKey: `pay-${request.orderId}` },
        );
        if (paid.kind === 'redirect') {
          // 3-D Secure on the platform's page: the hosted checkout takes over (NCERROR 40001139).
          return answerOf({
            orderId: request.orderId,
            payId: paid.payment?.id,
            status: 0,
            ncError: '40001139',
          });
        }
        const view = paid.payment;
        return answerOf({
          orderId: request.orderId,
          payId: view?.id,
          payIdSub: 0,
          status: view?.status.legacyStatus ?? 0,
          ncError: paid.kind === 'declined' ? (paid.errorIds[0] ?? '30001000') : '0',
          money: view?.amount,
          payment: view,
        });
      } catch (error) {
        return mapError(error, 'orderdirect', undefined);
      }
    },

    maintenanceDirect: maintenance,

    async queryDirect(request) {
      const payId = 'payId' in request ? request.payId : await payIdOf(request.orderId);
      try {
        const details = await client.getPaymentDetails(payId);
        const { payment: view, operations = [] } = details;
        const wanted = 'payIdSub' in request ? request.payIdSub : undefined;
        const op =
          wanted === undefined || wanted === 0
            ? undefined
            : operations.find((item) => operationStep(item.id, view.id) === wanted);
        if (wanted !== undefined && wanted > 0 && op === undefined) {
          throw new DirectLinkError('not-processed', 'No such operation at Worldline Direct.', {
            page: 'querydirect',
            payId,
          });
        }
        return answerOf({
          orderId: view.merchantReference,
          payId: view.id,
          payIdSub: op === undefined ? 0 : wanted,
          status: (op ?? view).status.legacyStatus,
          money: op?.amount ?? view.amount,
          payment: view,
        });
      } catch (error) {
        if (error instanceof DirectLinkError) throw error;
        return mapError(error, 'querydirect', payId);
      }
    },
  };
}
