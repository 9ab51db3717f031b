/**
 * The endpoint with `provider: 'worldline-direct'` against the Worldline Direct sandbox over real
 * HTTP, as a merchant sees it: `/sign` answers a hosted checkout to GET, the shopper pays on the
 * sandbox's page, `/verify` checks the RETURNMAC and reads the outcome server-side, the ledger
 * records it (and the saved token as a card), webhooks are verified and deduplicated, and every
 * provider operation (token payment with a legacy Ogone alias, capture, cancel, refund, query,
 * token deletion) answers what the platform did. The options are validated by name.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { PaymentResultSchema, SignedPayloadSchema } from '../../src/contract/schemas.js';
import type { Ledger } from '../../src/ledger/index.js';
import { signWebhookBody } from '../../src/protocol/worldline/webhook.js';
import { resolveOptions } from '../../src/server/config/resolve-options.js';
import {
  createOgoneHandler,
  OgoneConfigError,
  type FeedbackResult,
  type OgoneHandler,
  type OgoneHandlerOptions,
  type OgoneLogEntry,
  type TrustedOrder,
} from '../../src/server/index.js';
import { saveCard } from '../../src/server/ledger/cards.js';
import { driverOf } from '../../src/server/ledger/ledger.js';
import type { ProviderPayment } from '../../src/server/providers/provider.js';
import { eventually, targets } from '../helpers/ledger-targets.js';
import { BROWSER } from '../helpers/saved-cards.js';
import { TEST_SHA_IN, TEST_SHA_OUT } from '../helpers/ogone-messages.js';
import {
  API_KEY_ID,
  API_SECRET,
  MERCHANT,
  payWithCard,
  SECRETS,
  startWorldline,
  WEBHOOK_KEY_ID,
  WEBHOOK_SECRET,
  type RunningSandbox,
} from '../helpers/worldline-sandbox.js';

const SHOP = 'https://shop.example';
const RETURN = `${SHOP}/checkout/return`;
const LEGACY_ALIAS = 'OGONE_ALIAS_0042';

let sequence = 0;
const freshRef = () => `W${process.pid}-${++sequence}`;

interface Endpoint {
  handler: OgoneHandler;
  deliveries: FeedbackResult[];
  logs: OgoneLogEntry[];
  orders: Map<string, TrustedOrder>;
  options: OgoneHandlerOptions;
}

function settings(baseUrl: string) {
  return {
    merchantId: MERCHANT,
    apiKeyId: API_KEY_ID,
    apiSecret: API_SECRET,
    webhookKeyId: WEBHOOK_KEY_ID,
    webhookSecret: WEBHOOK_SECRET,
    environment: { baseUrl },
  };
}

function endpoint(
  ledger: Ledger,
  baseUrl: string,
  overrides: Partial<OgoneHandlerOptions> = {},
): Endpoint {
  const deliveries: FeedbackResult[] = [];
  const logs: OgoneLogEntry[] = [];
  const orders = new Map<string, TrustedOrder>();
  const options: OgoneHandlerOptions = {
    provider: 'worldline-direct',
    worldlineDirect: settings(baseUrl),
    pspid: MERCHANT,
    shaIn: TEST_SHA_IN,
    shaOut: TEST_SHA_OUT,
    environment: 'test',
    allowedReturnOrigins: [SHOP],
    resolveOrder: (orderRef) => orders.get(orderRef) ?? null,
    onPaymentResult: (result) => {
      deliveries.push(result);
    },
    logger: (entry) => logs.push(entry),
    ledger,
    outbox: { pollIntervalMs: 20, retryBaseMs: 10, retryMaxMs: 50 },
    ...overrides,
  };
  return { handler: createOgoneHandler(options), deliveries, logs, orders, options };
}

async function call(
  e: Endpoint,
  method: string,
  path: string,
  init: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await e.handler(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

const errorCode = (answer: { body: Record<string, unknown> }) =>
  (answer.body['error'] as { code?: string } | undefined)?.code;

function sign(e: Endpoint, orderRef: string, extra: Record<string, unknown> = {}) {
  return call(e, 'POST', '/ogone/sign', {
    json: { orderRef, returnUrl: RETURN, language: 'fr-BE', ...extra },
  });
}

/** The return's query as the element sends it: everything after `?`. */
const queryOf = (url: URL) => url.search;

describe('worldline-direct options', () => {
  const base = (overrides: Partial<OgoneHandlerOptions>): OgoneHandlerOptions => ({
    pspid: MERCHANT,
    shaIn: TEST_SHA_IN,
    shaOut: TEST_SHA_OUT,
    environment: 'test',
    allowedReturnOrigins: [SHOP],
    resolveOrder: () => null,
    onPaymentResult: () => undefined,
    logger: false,
    ...overrides,
  });
  const refused = (options: OgoneHandlerOptions): OgoneConfigError => {
    try {
      createOgoneHandler(options);
    } catch (error) {
      assert.ok(error instanceof OgoneConfigError, String(error));
      for (const secret of SECRETS) assert.ok(!error.message.includes(secret));
      return error;
    }
    assert.fail('the options were accepted');
  };

  it('the default provider is ogone; an unknown one names itself', () => {
    assert.equal(resolveOptions(base({})).provider.name, 'ogone');
    const error = refused(base({ provider: 'stripe' as never }));
    assert.equal(error.option, 'provider');
    assert.match(error.message, /"ogone" or "worldline-direct"/);
  });

  it('worldline-direct needs its settings and a ledger', () => {
    assert.equal(refused(base({ provider: 'worldline-direct' })).option, 'worldlineDirect');
    const noLedger = refused(
      base({ provider: 'worldline-direct', worldlineDirect: settings('https://x.example') }),
    );
    assert.equal(noLedger.option, 'ledger');
    assert.match(noLedger.message, /RETURNMAC/);
  });

  it('a wrong setting names itself and never echoes the secret', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ apiSecret: `${API_SECRET}\n` }, 'worldlineDirect.apiSecret'],
      [{ webhookSecret: '' }, 'worldlineDirect.webhookSecret'],
      [{ apiKeyId: 'has space' }, 'worldlineDirect.apiKeyId'],
      [{ merchantId: 'no/slash' }, 'worldlineDirect.merchantId'],
      [{ environment: 'preprod' }, 'worldlineDirect.environment'],
      [
        { environment: { baseUrl: 'http://payment.example' } },
        'worldlineDirect.environment.baseUrl',
      ],
    ];
    for (const [change, option] of cases) {
      const worldlineDirect = { ...settings('https://x.example'), ...change } as never;
      // Validated whenever given, even while the provider is still ogone (switching is safe).
      const error = refused(base({ worldlineDirect }));
      assert.equal(error.option, option, JSON.stringify(change));
    }
  });
});

for (const target of targets()) {
  describe(`worldline-direct provider (${target.name})`, { skip: target.skip }, () => {
    let ledger: Ledger;
    let running: RunningSandbox;
    let e: Endpoint;
    const open: Endpoint[] = [];
    const make = (overrides: Partial<OgoneHandlerOptions> = {}) => {
      const made = endpoint(ledger, running.baseUrl, overrides);
      open.push(made);
      return made;
    };
    const order = (ref: string, extra: Partial<TrustedOrder> = {}) =>
      e.orders.set(ref, {
        amount: '42.50',
        currency: 'EUR',
        customerId: 'cust-wd',
        allowSaveCard: true,
        customer: { email: 'ana@example.com', country: 'be' },
        ...extra,
      });

    before(async () => {
      ledger = await target.open();
      running = await startWorldline({
        // Webhooks go straight to the endpoint of the test running at the time.
        webhookUrl: 'http://127.0.0.1/ogone/feedback',
        fetch: (input, init) => e.handler(new Request(input, init)),
        legacyAlias: (token) =>
          token === LEGACY_ALIAS
            ? { masked: 'XXXXXXXXXXXX1111', brand: 'VISA', ed: '1230', behaviour: 'success' }
            : undefined,
      });
    });
    beforeEach(async () => {
      await running.sandbox.idle();
      await Promise.all(open.splice(0).map((x) => x.handler.close()));
      e = make();
    });
    after(async () => {
      await running.sandbox.idle();
      await Promise.all(open.map((x) => x.handler.close()));
      await running.close();
      await ledger.close();
      await target.cleanup();
    });

    async function paid(ref: string, saveCardOnPage = false, number = '4111111111111111') {
      const signed = await sign(e, ref, saveCardOnPage ? { saveCard: true } : {});
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const back = await payWithCard(String(signed.body['action']), number, {
        saveCard: saveCardOnPage,
      });
      return { signed, back };
    }

    it('/sign answers a hosted checkout to GET; /verify reads the outcome; the ledger records it', async () => {
      const ref = freshRef();
      order(ref);
      const signed = await sign(e, ref);
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const payload = SignedPayloadSchema.parse(signed.body);
      assert.equal(payload.method, 'GET');
      assert.deepEqual(payload.fields, {});
      assert.ok(payload.action.startsWith(`${running.baseUrl}/hostedcheckout/`));
      assert.ok(payload.orderId.startsWith(`${ref}-`));

      const back = await payWithCard(payload.action, '4111111111111111');
      assert.equal(`${back.origin}${back.pathname}`, RETURN);
      assert.equal(back.searchParams.get('orderRef'), ref);
      const verified = await call(e, 'POST', '/ogone/verify', { json: { query: queryOf(back) } });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      const result = PaymentResultSchema.parse(verified.body);
      assert.equal(result.orderRef, ref);
      assert.equal(result.orderId, payload.orderId);
      assert.equal(result.status, 9, 'operation SAL is a SALE: captured at once');
      assert.equal(result.outcome, 'paid');
      assert.equal(result.amount, '42.50');
      assert.match(result.payId, /^\d+_0$/);
      assert.equal(result.cardNumber, '************1111');
      assert.equal(result.brand, 'VISA');

      const [payment] = await ledger.findPayments(ref);
      assert.equal(payment?.provider, 'worldline-direct');
      assert.equal(payment?.status, 9);
      assert.equal(payment?.payId, result.payId);
      assert.equal((await ledger.orderStatus(ref)).state, 'paid');
      await eventually(() => e.deliveries.some((d) => d.orderRef === ref), 5000, 'delivery');
      await running.sandbox.idle();
      await eventually(() => e.deliveries.some((d) => d.orderRef === ref), 5000, 'delivery');
      assert.equal(
        e.deliveries.filter((d) => d.orderRef === ref && d.status === 9).length,
        1,
        'the return and the webhook are one result, delivered once',
      );
    });

    it('saving the card: the token comes back, recorded as the customer’s card, offered next time', async () => {
      const ref = freshRef();
      order(ref, { customerId: 'cust-saver' });
      const { back } = await paid(ref, true);
      const verified = await call(e, 'POST', '/ogone/verify', { json: { query: queryOf(back) } });
      const result = PaymentResultSchema.parse(verified.body);
      assert.ok(result.alias, 'the token is the alias');
      const cards = await ledger.listCards('cust-saver');
      assert.deepEqual(
        cards.map((c) => c.alias),
        [result.alias],
      );
      assert.equal(cards[0]?.cardNumber, '************1111');
      assert.equal(cards[0]?.expiry, '1234');
      // The next checkout offers it (the sandbox keeps the tokens the checkout was given).
      const next = freshRef();
      order(next, { customerId: 'cust-saver' });
      const signed = await sign(e, next);
      const page = await (await fetch(String(signed.body['action']))).text();
      assert.ok(
        page.includes(`name="token" value="${result.alias!}"`),
        'the saved card is offered on the page',
      );
    });

    it('a RETURNMAC that does not match is refused before anything is read', async () => {
      const ref = freshRef();
      order(ref);
      const { back } = await paid(ref);
      const forged = new URL(back);
      forged.searchParams.set('RETURNMAC', `${back.searchParams.get('RETURNMAC')}x`);
      await running.sandbox.idle(); // the webhook (and the endpoint's reads) done first
      const seenBefore = running.seen.length;
      const answer = await call(e, 'POST', '/ogone/verify', { json: { query: forged.search } });
      assert.equal(answer.status, 403);
      assert.equal(errorCode(answer), 'invalid-signature');
      assert.equal(running.seen.length, seenBefore, 'no call to the platform');
      const unknown = new URL(back);
      unknown.searchParams.set('hostedCheckoutId', '9999999999');
      const answer2 = await call(e, 'POST', '/ogone/verify', { json: { query: unknown.search } });
      assert.equal(errorCode(answer2), 'invalid-signature');
      const missing = await call(e, 'POST', '/ogone/verify', { json: { query: '?orderRef=x' } });
      assert.equal(errorCode(missing), 'invalid-request');
      // The genuine return still works.
      const ok = await call(e, 'POST', '/ogone/verify', { json: { query: back.search } });
      assert.equal(ok.status, 200);
    });

    it('a cancelled checkout is status 1 (cancelled), read from the platform', async () => {
      const ref = freshRef();
      order(ref);
      const signed = await sign(e, ref);
      const page = await (await fetch(String(signed.body['action']))).text();
      const action = [...page.matchAll(/<form method="post" action="([^"]+)"/g)].map(
        (m) => new URL(m[1]!.replace(/&amp;/g, '&'), String(signed.body['action'])).href,
      )[0]!;
      const answer = await fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=cancel',
        redirect: 'manual',
      });
      assert.equal(answer.status, 303);
      const back = new URL(answer.headers.get('location')!);
      const verified = await call(e, 'POST', '/ogone/verify', { json: { query: back.search } });
      const result = PaymentResultSchema.parse(verified.body);
      assert.equal(result.status, 1);
      assert.equal(result.outcome, 'cancelled');
    });

    it('webhooks: signature checked over raw bytes (403 otherwise), deduplicated by event id and (type, payment id)', async () => {
      const ref = freshRef();
      order(ref);
      const { back } = await paid(ref);
      await running.sandbox.idle();
      const [payment] = await ledger.findPayments(ref);
      assert.equal(payment?.status, 9, 'the sandbox’s webhook was taken');
      const payId = payment!.payId;
      const event = (id: string, type = 'payment.captured') =>
        JSON.stringify({ apiVersion: 'v1', id, type, payment: { id: payId, status: 'CAPTURED' } });
      const post = async (body: string, headers: Record<string, string> = {}) =>
        call(e, 'POST', '/ogone/feedback', {
          body,
          headers: {
            'content-type': 'application/json',
            'x-gcs-signature': await signWebhookBody(WEBHOOK_SECRET, body),
            'x-gcs-keyid': WEBHOOK_KEY_ID,
            ...headers,
          },
        });
      const body = event(`evt-${ref}-1`);
      const first = await post(body);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const again = await post(body);
      assert.equal(again.status, 200);
      assert.equal(again.body['duplicates'], 1, 'same event id');
      const sameTypeAndPayment = await post(event(`evt-${ref}-2`));
      assert.equal(sameTypeAndPayment.body['duplicates'], 1, 'same (type, payment.id)');

      const badSignature = await post(body, { 'x-gcs-signature': 'AAAA' });
      assert.equal(badSignature.status, 403);
      assert.equal(errorCode(badSignature), 'invalid-signature');
      const unknownKey = await post(body, { 'x-gcs-keyid': 'another-key' });
      assert.equal(unknownKey.status, 403);
      const reformatted = await call(e, 'POST', '/ogone/feedback', {
        body: ` ${body}`,
        headers: {
          'content-type': 'application/json',
          'x-gcs-signature': await signWebhookBody(WEBHOOK_SECRET, body),
          'x-gcs-keyid': WEBHOOK_KEY_ID,
        },
      });
      assert.equal(reformatted.status, 403, 'one byte more breaks the signature');
      const notes = JSON.stringify(e.logs);
      for (const secret of SECRETS) assert.ok(!notes.includes(secret));
      const history = await ledger.paymentHistory(payment!.id);
      assert.equal(
        history?.events.filter((x) => x.source === 'feedback' && x.status === 9).length,
        1,
        'the ledger holds the captured status once',
      );
      void back;
    });

    it('operations: a legacy Ogone alias pays verbatim as a token; capture, refund, cancel, query, delete', async () => {
      const rezo = make({ operation: 'RES' });
      const provider = resolveOptions(rezo.options).provider;
      const ref = freshRef();
      const challengeBack = `${SHOP}/checkout/return`;
      const paidWithAlias = await provider.payWithToken!({
        orderRef: ref,
        orderId: `${ref}-T1`,
        minor: '4250',
        currency: 'EUR',
        token: LEGACY_ALIAS,
        customerId: 'cust-legacy',
        returnUrl: challengeBack,
        language: 'en',
      });
      assert.equal(paidWithAlias.kind, 'result');
      const verified = paidWithAlias.kind === 'result' ? paidWithAlias.verified : undefined;
      assert.equal(verified?.result.status, 5, 'RES: authorised');
      assert.equal(verified?.result.orderRef, ref);
      const payment: ProviderPayment = {
        orderRef: ref,
        orderId: `${ref}-T1`,
        payId: verified!.result.payId,
        minor: '4250',
        currency: 'EUR',
      };
      const captured = await provider.capture!(payment, { minor: '3000' });
      assert.equal(captured.result.amount, '30.00');
      assert.ok([9, 91].includes(captured.result.status), String(captured.result.status));
      const refunded = await provider.refund!(payment, { minor: '1000' });
      assert.equal(refunded.result.amount, '10.00');
      assert.ok([8, 81].includes(refunded.result.status), String(refunded.result.status));
      const second = await provider.refund!(payment, { minor: '500' });
      assert.notEqual(second.result.idempotencyKey, refunded.result.idempotencyKey);
      const over = await provider.refund!(payment, { minor: '9000' }).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      );
      assert.equal(
        over,
        'platform-unavailable',
        'refused by the platform, never above what was paid',
      );
      const queried = await provider.query!(payment);
      assert.equal(queried.result.payId, payment.payId);
      // The sandbox's webhooks reached the endpoint: each operation recorded with its own amount.
      await running.sandbox.idle();
      const [recorded] = await ledger.findPayments(`${ref}-T1`);
      assert.equal(recorded?.provider, 'worldline-direct');
      assert.equal(recorded?.capturedAmount, '30.00');
      assert.equal(recorded?.refundedAmount, '15.00', 'two partial refunds, each counted once');

      // Cancel an authorisation of its own.
      const other = await provider.payWithToken!({
        orderRef: ref,
        orderId: `${ref}-T2`,
        minor: '1200',
        currency: 'EUR',
        token: LEGACY_ALIAS,
        customerId: 'cust-legacy',
        returnUrl: challengeBack,
        language: undefined,
      });
      assert.equal(other.kind, 'result');
      const otherPayId = other.kind === 'result' ? other.verified.result.payId : '';
      const cancelled = await provider.cancel!({
        ...payment,
        orderId: `${ref}-T2`,
        payId: otherPayId,
        minor: '1200',
      });
      assert.equal(cancelled.result.status, 6);

      assert.deepEqual(await provider.deleteToken!('no-such-token'), { deleted: false });
    });

    it('the same routes and operations on Worldline Direct: /cards lists the token, /pay pays with it, capture and refund, DELETE /cards deletes it at the platform', async () => {
      // The sandbox's webhooks go to `e`: this test's endpoint, so both know the same orders.
      e = make({ operation: 'RES' });
      const rez = e;
      const saver = 'cust-routes';
      const first = freshRef();
      rez.orders.set(first, {
        amount: '42.50',
        currency: 'EUR',
        customerId: saver,
        allowSaveCard: true,
      });
      const signed = await call(rez, 'POST', '/ogone/sign', {
        json: { orderRef: first, returnUrl: RETURN, saveCard: true },
      });
      const back = await payWithCard(String(signed.body['action']), '4111111111111111', {
        saveCard: true,
      });
      const saved = PaymentResultSchema.parse(
        (await call(rez, 'POST', '/ogone/verify', { json: { query: back.search } })).body,
      );
      assert.equal(saved.status, 5, 'RES: authorised');
      assert.ok(saved.alias, 'a token');
      assert.equal((await ledger.listCards(saver)).length, 1, 'recorded as the customer’s card');

      const next = freshRef();
      rez.orders.set(next, { amount: '19.90', currency: 'EUR', customerId: saver });
      const listed = await call(rez, 'GET', `/ogone/cards?orderRef=${next}`);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      const cards = listed.body['cards'] as { id: string; last4: string }[];
      assert.equal(cards.length, 1);
      assert.equal(cards[0]!.last4, '1111');
      const paid = await call(rez, 'POST', '/ogone/pay', {
        json: { orderRef: next, cardId: cards[0]!.id, browser: BROWSER, returnUrl: RETURN },
      });
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      assert.equal(paid.body['kind'], 'result');
      const result = PaymentResultSchema.parse(paid.body['result']);
      assert.equal(result.status, 5);
      assert.equal(result.amount, '19.90');
      assert.match(result.payId, /_0$/, 'a Worldline Direct payment id');

      // After-sale through the handler's operations, on the Worldline Direct payment.
      const captured = await rez.handler.operations.capture(next, { amount: 1000 });
      assert.equal(captured.state, 'done', JSON.stringify(captured));
      const refunded = await rez.handler.operations.refund(next, { amount: 400 });
      assert.equal(refunded.state, 'done', JSON.stringify(refunded));
      const over = await rez.handler.operations.refund(next, { amount: 5000 }).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      );
      assert.notEqual(over, 'accepted', 'never above what was paid');
      await running.sandbox.idle();
      const [record] = await ledger.findPayments(result.orderId);
      assert.equal(record?.provider, 'worldline-direct');
      assert.equal(record?.capturedAmount, '10.00');
      assert.equal(record?.refundedAmount, '4.00', 'the operation and its webhook: counted once');
      const status = await rez.handler.operations.status(next);
      assert.ok(status, 'status answers');

      const removed = await call(rez, 'DELETE', `/ogone/cards/${cards[0]!.id}?orderRef=${next}`);
      assert.equal(removed.status, 200, JSON.stringify(removed.body));
      const token = await running
        .client()
        .getToken(saved.alias!)
        .then(
          () => 'still there',
          (error: { code?: string }) => error.code,
        );
      assert.equal(token, 'not-found', 'deleted at the platform');
    });

    it('fuzz: any return query or signed webhook body answers 2xx/4xx, never a 500 or a secret', async () => {
      const text = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.constantFrom('', '\u0000', '\ud800', '%', '9'.repeat(120), '3066019730', '💳'),
      );
      await fc.assert(
        fc.asyncProperty(text, text, text, async (id, mac, extra) => {
          const query = `?${new URLSearchParams({ hostedCheckoutId: id, RETURNMAC: mac, orderRef: extra })}`;
          const answer = await call(e, 'POST', '/ogone/verify', { json: { query } });
          assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status}`);
        }),
        { numRuns: 60 },
      );
      const bodies = fc.oneof(
        fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
        fc
          .record({
            id: text,
            type: fc.constantFrom('payment.captured', 'refund.refund_requested', 'token.created'),
            payment: fc.record({ id: text }),
          })
          .map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const answer = await call(e, 'POST', '/ogone/feedback', {
            body,
            headers: {
              'content-type': 'application/json',
              'x-gcs-signature': await signWebhookBody(WEBHOOK_SECRET, body),
              'x-gcs-keyid': WEBHOOK_KEY_ID,
            },
          });
          assert.ok(answer.status < 500, `${answer.status} ${JSON.stringify(answer.body)}`);
          const raw = JSON.stringify(answer.body);
          for (const secret of SECRETS) assert.ok(!raw.includes(secret));
        }),
        { numRuns: 60 },
      );
    });

    it('the legacy alias saved under Ogone is offered on the hosted checkout and pays', async () => {
      const ref = freshRef();
      order(ref, { customerId: 'cust-moved' });
      // A card the Ogone provider saved (provider 'ogone'), as the ledger holds it.
      const db = driverOf(ledger);
      const rows = await db.query<{ id: string }>(
        `INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency)
         VALUES ('ogone', $1, $2, 100, 'EUR') RETURNING id::text AS id`,
        [`${ref}-old`, `${ref}-old-1`],
      );
      await saveCard(db, {
        provider: 'ogone',
        customerId: 'cust-moved',
        alias: LEGACY_ALIAS,
        cardNumber: 'XXXXXXXXXXXX1111',
        brand: 'VISA',
        expiry: '1230',
        paymentId: rows[0]!.id,
      });
      const signed = await sign(e, ref);
      assert.equal(signed.status, 200);
      const action = String(signed.body['action']);
      const page = await (await fetch(action)).text();
      assert.ok(page.includes(`name="token" value="${LEGACY_ALIAS}"`), 'offered verbatim');
      // The shopper pays with it on the hosted checkout: the card saved under Ogone pays here.
      const form = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
      const answer = await fetch(new URL(form, action), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: LEGACY_ALIAS, action: 'pay-token' }).toString(),
        redirect: 'manual',
      });
      assert.equal(answer.status, 303);
      const back = new URL(answer.headers.get('location')!);
      const verified = await call(e, 'POST', '/ogone/verify', { json: { query: back.search } });
      const result = PaymentResultSchema.parse(verified.body);
      assert.equal(result.outcome, 'paid');
      assert.equal(result.orderRef, ref);
      assert.equal(result.alias, LEGACY_ALIAS, 'paid with the legacy alias as its token');
    });
  });
}
