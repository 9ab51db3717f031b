/**
 * `POST <basePath>/pay`: pays an order with one of its customer's saved cards through DirectLink.
 * The amount comes from `resolveOrder`, the card must be the order's customer's (else 404), the
 * attempt is recorded before orderdirect is sent and its answer after; the shopper gets a result,
 * a 3-D Secure challenge to open (served once from `<basePath>/challenge/<id>`) or, when the bank
 * insists on its own page (NCERROR 40001139), a signed hosted-page form with the saved alias.
 */
import { PayRequestSchema } from '../../contract/schemas.js';
import type { PayAnswer } from '../../contract/types.js';
import { randomUrlToken } from '../../internal/random.js';
import { explainIssues } from '../../internal/issues.js';
import { isSuccessOutcome } from '../../protocol/status.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { jsonBody } from '../http/door.js';
import { fail } from '../http/failure.js';
import { jsonResponse } from '../http/respond.js';
import type { Route } from '../http/router.js';
import { storeChallenge } from '../ledger/challenges.js';
import { touchCard } from '../ledger/customer-cards.js';
import { landAttempt, recordAttempt } from '../ledger/direct-attempts.js';
import type { OutboxWorker } from '../ledger/outbox-worker.js';
import { newOrderId } from '../ids.js';
import { payDecision } from '../rules/pay-outcome.js';
import { checkReturnUrl } from '../rules/return-url.js';
import { isExpired } from '../rules/saved-cards.js';
import { recordAnswer } from './direct-record.js';
import { signedHostedPayload } from './hosted-payload.js';
import { orderDirectRequest, sendOrderDirect } from './pay-send.js';
import { resolveStuckAttempt } from './pay-stuck.js';
import { withLedger } from './record.js';
import {
  authorisedOrder,
  customerOf,
  ownedCard,
  refuseIfPaid,
  requireSavedCards,
} from './saved-card-access.js';

/** How long a 3-D Secure challenge may wait to be opened. */
export const CHALLENGE_TTL_SECONDS = 600;

export function payRoute(o: ResolvedOptions, worker: OutboxWorker | undefined): Route {
  return {
    methods: ['POST'],
    cors: true,
    async run({ req, facts }) {
      const parsed = PayRequestSchema.safeParse(await jsonBody(req));
      if (!parsed.success) return fail('invalid-request', explainIssues(parsed.error.issues));
      const { orderRef, cardId, browser, language } = parsed.data;
      facts.orderRef = orderRef;
      requireSavedCards(o);
      const returnUrl = checkReturnUrl(parsed.data.returnUrl, o.allowedReturnOrigins);
      const checked = await authorisedOrder(o, orderRef, req.info);
      const customerId = customerOf(checked);
      const card = await ownedCard(o, customerId, cardId);
      if (isExpired(card.expiry, new Date())) {
        fail('card-expired', 'This saved card has expired; choose another card or a new one.');
      }
      await refuseIfPaid(o, orderRef);

      const orderId = newOrderId(orderRef);
      facts.orderId = orderId;
      const attempt = {
        orderRef,
        orderId,
        minorAmount: checked.minor,
        currency: checked.order.currency,
      };
      const record = () =>
        withLedger(o, 'recording a saved-card attempt', (db) =>
          recordAttempt(db, {
            provider: o.providerName,
            orderRef,
            orderId,
            amountMinor: checked.minor,
            currency: checked.order.currency,
            customerId,
            cardRowId: card.rowId,
          }),
        );
      let recorded = await record();
      if (
        recorded === 'busy' &&
        (await resolveStuckAttempt(o, worker, { orderRef, checked, info: req.info }))
      ) {
        await refuseIfPaid(o, orderRef);
        recorded = await record();
      }
      if (recorded === 'busy') {
        return fail(
          'order-not-payable',
          'A payment of this order with a saved card is on its way; wait for its result.',
        );
      }
      const paymentId = recorded;
      const land = () =>
        withLedger(o, 'closing a saved-card attempt', (db) => landAttempt(db, paymentId));

      const request = orderDirectRequest(o, req, {
        checked,
        orderRef,
        orderId,
        alias: card.alias,
        browser,
        returnUrl,
        language,
      });
      const sent = await sendOrderDirect(o, request, async (failure) => {
        if (failure === 'nothing-sent') await land();
      });
      const { shown } = await recordAnswer(o, worker, {
        source: sent.source === 'query' ? 'query' : 'directlink',
        answer: sent.answer,
        attempt,
        order: checked,
        info: req.info,
      });
      await land();
      facts.idempotencyKey = shown.idempotencyKey;

      const decision = payDecision(sent.answer);
      let answer: PayAnswer;
      if (decision.kind === 'fallback') {
        const payload = await signedHostedPayload(o, {
          checked,
          orderRef,
          returnUrl,
          language,
          alias: card.alias,
        });
        answer = { kind: 'redirect', payload };
      } else if (decision.kind === 'challenge') {
        const id = randomUrlToken(24);
        await withLedger(o, 'storing a 3-D Secure challenge', (db) =>
          storeChallenge(db, id, paymentId, decision.html, CHALLENGE_TTL_SECONDS),
        );
        answer = { kind: 'challenge', url: `${o.basePath}/challenge/${id}` };
      } else {
        if (isSuccessOutcome(shown.outcome)) {
          await withLedger(o, 'marking a saved card used', (db) =>
            touchCard(db, card.rowId, paymentId),
          );
        }
        answer = {
          kind: 'result',
          result: shown,
          ...(decision.reason !== undefined ? { reason: decision.reason } : {}),
        };
      }
      return jsonResponse(200, answer);
    },
  };
}
