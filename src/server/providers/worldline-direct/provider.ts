/**
 * The Worldline Direct provider: `/sign` creates a Hosted Checkout (amount from `resolveOrder`,
 * the attempt's reference, the return URL, the shopper's locale, the authorisation mode of
 * `operation`, tokenisation when the shopper saves the card, the customer's saved tokens offered)
 * and answers a redirect (GET); its id and RETURNMAC are kept in the ledger. The return is
 * checked against that RETURNMAC (constant time) and the outcome read server-side; the webhooks
 * are verified and read as triggers (`notifications.ts`); after-sale calls in `operations.ts`.
 */
import { readWorldlineReturn, RETURN_ORDER_REF } from '../../../protocol/worldline/return.js';
import { signaturesMatch } from '../../../protocol/worldline/hmac.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import { fail } from '../../http/failure.js';
import { listCards } from '../../ledger/cards.js';
import { checkoutByHostedId, insertCheckout } from '../../ledger/checkouts.js';
import { withLedger } from '../../routes/record.js';
import type { PaymentProvider } from '../provider.js';
import { createWorldlineDirectClient, type WorldlineDirectClient } from './client.js';
import { defaultHmac } from './hmac.js';
import { takeWorldlineNotification } from './notifications.js';
import { readCheckoutOutcome } from './outcome.js';
import { platformCall } from './platform-call.js';
import { customerOf, worldlineOperations } from './operations.js';
import { checkToken, MAX_MERCHANT_REFERENCE } from './requests.js';

export const WORLDLINE_PROVIDER = 'worldline-direct';

/** The longest return URL the platform takes (OAS `returnUrl` maxLength). */
const MAX_RETURN_URL = 200;

/** Equal RETURNMACs, compared in constant time whatever their lengths (both are hashed first). */
async function macsMatch(stored: string, received: string): Promise<boolean> {
  const key = 'ogone-checkout RETURNMAC comparison';
  const enc = new TextEncoder();
  const [a, b] = await Promise.all([
    defaultHmac(key, enc.encode(stored)),
    defaultHmac(key, enc.encode(received)),
  ]);
  return signaturesMatch(a, b);
}

function isUsableToken(alias: string): boolean {
  try {
    checkToken('tokens', alias);
    return true;
  } catch {
    return false;
  }
}

/** Creates the client from the validated settings (`fetch` only for tests). */
export function worldlineClientOf(
  o: ResolvedOptions,
  fetchImpl?: typeof fetch,
): WorldlineDirectClient {
  const s = o.worldlineDirect!;
  return createWorldlineDirectClient({
    merchantId: s.merchantId,
    apiKeyId: s.apiKeyId,
    apiSecret: s.apiSecret,
    webhookKeyId: s.webhookKeyId,
    webhookSecret: s.webhookSecret,
    environment: s.environment,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
}

export function createWorldlineDirectProvider(o: ResolvedOptions): PaymentProvider {
  const client = worldlineClientOf(o);

  return {
    name: WORLDLINE_PROVIDER,

    async startCheckout(request) {
      const { order, orderId } = request;
      if (orderId.length > MAX_MERCHANT_REFERENCE) {
        fail('invalid-request', 'The attempt reference is too long for Worldline Direct.');
      }
      const url = new URL(request.returnUrl);
      url.searchParams.set(RETURN_ORDER_REF, request.orderRef);
      const returnUrl = url.href;
      if (returnUrl.length > MAX_RETURN_URL) {
        fail(
          'invalid-request',
          `The return URL with its order reference is longer than Worldline Direct's ${MAX_RETURN_URL} characters.`,
        );
      }
      const customerId = order.customerId;
      // The customer's saved cards, legacy Ogone aliases included (used verbatim as tokens).
      const tokens =
        customerId === undefined
          ? []
          : (await withLedger(o, 'reading saved cards', (db) => listCards(db, customerId)))
              .map((card) => card.alias)
              .filter(isUsableToken)
              .slice(0, 20);
      const created = await platformCall(o, 'createHostedCheckout', () =>
        client.createHostedCheckout(
          {
            amount: { minor: request.minor, currency: order.currency },
            merchantReference: orderId,
            returnUrl,
            authorizationMode: o.operation === 'RES' ? 'FINAL_AUTHORIZATION' : 'SALE',
            language: request.language ?? order.language,
            // The shopper already consented in the element: the page saves the card.
            saveCard: request.saveCard ? 'always' : 'never',
            tokens,
            customer: customerOf(order),
          },
          { idempotenceKey: `hc-${orderId}` },
        ),
      );
      await withLedger(o, 'recording a checkout', (db) =>
        insertCheckout(db, {
          provider: WORLDLINE_PROVIDER,
          orderRef: request.orderRef,
          orderId,
          hostedCheckoutId: created.hostedCheckoutId,
          returnMac: created.returnMac,
          amountMinor: request.minor,
          currency: order.currency,
          customerId: customerId ?? null,
          saveCard: request.saveCard,
        }),
      );
      return { action: created.redirectUrl, method: 'GET', fields: {}, orderId };
    },

    async verifyReturn(query, facts) {
      const back = readWorldlineReturn(query);
      if (back.hostedCheckoutId === undefined || back.returnMac === undefined) {
        fail('invalid-request', 'The return carries no hostedCheckoutId and RETURNMAC.');
      }
      const hostedCheckoutId = back.hostedCheckoutId;
      // Ids are the platform's digits (and maybe letters): anything else is no checkout of ours.
      const checkout = !/^[A-Za-z0-9_-]{1,100}$/.test(hostedCheckoutId)
        ? undefined
        : await withLedger(o, 'reading a checkout', (db) =>
            checkoutByHostedId(db, WORLDLINE_PROVIDER, hostedCheckoutId),
          );
      if (checkout === undefined || checkout.returnMac === null) {
        fail('invalid-signature', 'No checkout of this endpoint has this hostedCheckoutId.');
      }
      facts.orderRef = checkout.orderRef;
      facts.orderId = checkout.orderId;
      if (!(await macsMatch(checkout.returnMac, back.returnMac))) {
        fail('invalid-signature', 'The RETURNMAC does not match the checkout.');
      }
      // Never the query: the outcome is what the platform says, read with a signed GET.
      const verified = await readCheckoutOutcome(o, client, checkout);
      facts.idempotencyKey = verified.result.idempotencyKey;
      return { verified, source: 'query', customerId: checkout.customerId ?? undefined };
    },

    takeNotification: (req, facts) => takeWorldlineNotification(o, client, req, facts),

    ...worldlineOperations(o, client),
  };
}
