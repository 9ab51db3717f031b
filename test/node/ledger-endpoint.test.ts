/**
 * The endpoint with a ledger, as a merchant sees it: every verified feedback recorded once and
 * delivered from the outbox, in order, duplicates and stale messages kept but not applied, the
 * shopper's return never overruling the feedback, saved cards recorded, the order's state
 * answered. Runs against the embedded database, and a PostgreSQL server when configured.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { OrderStatusSchema, PaymentResultSchema } from '../../src/contract/schemas.js';
import type { Ledger } from '../../src/ledger/index.js';
import {
  createOgoneHandler,
  type FeedbackResult,
  type OgoneHandler,
  type OgoneHandlerOptions,
  type OgoneLogEntry,
  type TrustedOrder,
} from '../../src/server/index.js';
import { eventually, targets } from '../helpers/ledger-targets.js';
import { signedQuery, TEST_SHA_IN, TEST_SHA_OUT, trxDate } from '../helpers/ogone-messages.js';

const SHOP = 'https://shop.example';
let sequence = 0;

/** A fresh order reference and attempt id per test (the ledger is shared by a suite). */
function fresh(): { ref: string; id: string } {
  sequence += 1;
  const ref = `L${process.pid}-${sequence}`;
  return { ref, id: `${ref}-ATTEMPT${sequence}` };
}

interface Endpoint {
  handler: OgoneHandler;
  deliveries: FeedbackResult[];
  logs: OgoneLogEntry[];
  /** Orders resolveOrder knows; a missing ref is unknown. */
  orders: Map<string, TrustedOrder>;
}

function endpoint(ledger: Ledger, overrides: Partial<OgoneHandlerOptions> = {}): Endpoint {
  const deliveries: FeedbackResult[] = [];
  const logs: OgoneLogEntry[] = [];
  const orders = new Map<string, TrustedOrder>();
  const handler = createOgoneHandler({
    pspid: 'SHOP1',
    shaIn: TEST_SHA_IN,
    shaOut: TEST_SHA_OUT,
    environment: 'test',
    allowedReturnOrigins: [SHOP],
    cors: true,
    resolveOrder: (orderRef, request) =>
      request.headers.get('x-not-yours') !== null ? null : (orders.get(orderRef) ?? null),
    onPaymentResult: (result) => {
      deliveries.push(result);
    },
    logger: (entry) => logs.push(entry),
    ledger,
    outbox: { pollIntervalMs: 20, retryBaseMs: 10, retryMaxMs: 50 },
    ...overrides,
  });
  return { handler, deliveries, logs, orders };
}

async function call(
  e: Endpoint,
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await e.handler(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

const feedback = (e: Endpoint, query: string) => call(e, 'GET', `/ogone/feedback?${query}`);
const verify = (e: Endpoint, query: string) =>
  call(e, 'POST', '/ogone/verify', { json: { query } });
const errorCode = (answer: { body: Record<string, unknown> }) =>
  (answer.body['error'] as { code?: string } | undefined)?.code;

/** A signed message of the test's attempt. */
function message(o: { ref: string; id: string }, values: Record<string, string> = {}) {
  return signedQuery({ orderID: o.id, COMPLUS: o.ref, ...values });
}

for (const target of targets()) {
  describe(`ledger endpoint (${target.name})`, { skip: target.skip }, () => {
    let ledger: Ledger;
    const open: Endpoint[] = [];
    const make = (overrides: Partial<OgoneHandlerOptions> = {}) => {
      const e = endpoint(ledger, overrides);
      open.push(e);
      return e;
    };
    const order = (e: Endpoint, o: { ref: string }, extra: Partial<TrustedOrder> = {}) =>
      e.orders.set(o.ref, { amount: '10.50', currency: 'EUR', customerId: 'cust-7', ...extra });

    before(async () => {
      ledger = await target.open();
    });
    // Workers of one ledger share its outbox: each test's endpoints deliver its results alone.
    beforeEach(async () => {
      await Promise.all(open.splice(0).map((e) => e.handler.close()));
    });
    after(async () => {
      await Promise.all(open.map((e) => e.handler.close()));
      await ledger.close();
      await target.cleanup();
    });

    it('records a verified feedback once, answers 200 after the commit, delivers it from the outbox', async () => {
      const e = make();
      const o = fresh();
      order(e, o);
      const answer = await feedback(e, await message(o));
      assert.equal(answer.status, 200);
      assert.equal(answer.body['recorded'], 'applied');
      const [payment] = await ledger.findPayments(o.ref);
      assert.equal(payment?.status, 9);
      assert.equal(payment?.outcome, 'paid');
      assert.equal(payment?.amount, '10.50');
      assert.equal(payment?.capturedAmount, '10.50');
      assert.equal(payment?.customerId, 'cust-7');
      await eventually(() => e.deliveries.length === 1, 10_000, 'the delivery');
      assert.equal(e.deliveries[0]!.idempotencyKey, `${o.id}:3000000001:0:9`);
      assert.equal(e.deliveries[0]!.orderCheck, 'matched');
      const history = await ledger.paymentHistory(payment!.id);
      assert.equal(history?.events.length, 1);
      assert.equal(history?.events[0]?.disposition, 'applied');
      assert.equal(history?.events[0]?.params['SHASIGN'], undefined, 'SHASIGN is not kept');
      await eventually(
        async () => (await ledger.paymentHistory(payment!.id))?.deliveries[0]?.deliveredAt !== null,
      );
    });

    it('changes state once and enqueues once for duplicates arriving together at two instances and later', async () => {
      const a = make();
      const b = make({ onPaymentResult: (r) => void a.deliveries.push(r) });
      const o = fresh();
      order(a, o);
      order(b, o);
      const query = await message(o);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => feedback(i % 2 === 0 ? a : b, query)),
      );
      assert.ok(
        answers.every((x) => x.status === 200),
        JSON.stringify(answers.map((x) => x.status)),
      );
      for (const later of [a, b])
        assert.equal((await feedback(later, query)).body['recorded'], 'duplicate');
      await eventually(() => a.deliveries.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(a.deliveries.length, 1, 'delivered once');
      const [payment] = await ledger.findPayments(o.id);
      const history = (await ledger.paymentHistory(payment!.id))!;
      assert.equal(history.events.length, 1);
      assert.ok(history.events[0]!.duplicates >= 2, 'the redeliveries are counted as duplicates');
      assert.equal(history.deliveries.length, 1);
    });

    it('keeps a late message as stale: recorded and delivered marked stale, never applied', async () => {
      const e = make();
      const o = fresh();
      order(e, o);
      await feedback(e, await message(o, { STATUS: '9' }));
      const late = await feedback(e, await message(o, { STATUS: '91' }));
      assert.equal(late.status, 200);
      assert.equal(late.body['recorded'], 'stale');
      const [payment] = await ledger.findPayments(o.ref);
      assert.equal(payment?.status, 9);
      await eventually(() => e.deliveries.length === 2);
      assert.deepEqual(
        e.deliveries.map((d) => [d.status, d.ledger]),
        [
          [9, { disposition: 'applied', paymentStatus: 9 }],
          [91, { disposition: 'stale', paymentStatus: 9 }],
        ],
      );
      const history = (await ledger.paymentHistory(payment!.id))!;
      assert.deepEqual(
        history.events.map((x) => [x.status, x.disposition]),
        [
          [9, 'applied'],
          [91, 'stale'],
        ],
      );
    });

    it('records and delivers two partial refunds in both orders of arrival, in order per payment', async () => {
      for (const subs of [
        ['1', '2'],
        ['2', '1'],
      ]) {
        const e = make();
        const o = fresh();
        order(e, o);
        await feedback(e, await message(o, { STATUS: '9' }));
        for (const sub of subs) {
          const answer = await feedback(
            e,
            await message(o, { STATUS: '8', PAYIDSUB: sub, amount: '2' }),
          );
          assert.equal(answer.body['recorded'], 'applied');
        }
        await eventually(() => e.deliveries.length === 3);
        assert.deepEqual(
          e.deliveries.map((d) => d.idempotencyKey),
          [`${o.id}:3000000001:0:9`, ...subs.map((s) => `${o.id}:3000000001:${s}:8`)],
        );
        const [payment] = await ledger.findPayments(o.ref);
        assert.equal(payment?.status, 8);
        assert.equal(payment?.refundedAmount, '4.00');
        await e.handler.close();
      }
    });

    it('retries a failing onPaymentResult with backoff, keeps each payment in order, dead-letters after the limit', async () => {
      let failures = 3;
      const seen: string[] = [];
      const e = make({
        outbox: { pollIntervalMs: 20, retryBaseMs: 5, retryMaxMs: 20, maxAttempts: 6 },
        onPaymentResult: (r) => {
          if (r.status === 9 && failures-- > 0) throw new Error('webhook down');
          if (r.orderRef.endsWith('dead')) throw new Error('never accepted');
          seen.push(`${r.status}`);
        },
      });
      const o = fresh();
      order(e, o);
      await feedback(e, await message(o, { STATUS: '9' }));
      await feedback(e, await message(o, { STATUS: '81', PAYIDSUB: '1' }));
      await eventually(() => seen.length === 2, 10_000, 'both deliveries');
      assert.deepEqual(seen, ['9', '81'], 'the refund waits for the payment before it');
      assert.ok(e.logs.some((l) => l.event === 'delivery-retry'));

      const dead = { ref: `${fresh().ref}-dead`, id: `${fresh().id}-D` };
      order(e, dead);
      await feedback(e, await message(dead));
      await eventually(
        () => e.logs.some((l) => l.event === 'delivery-dead'),
        10_000,
        'the dead letter',
      );
      const [payment] = await ledger.findPayments(dead.ref);
      const [delivery] = (await ledger.paymentHistory(payment!.id))!.deliveries;
      assert.notEqual(delivery?.deadAt, null);
      assert.equal(delivery?.attempts, 6);
      assert.match(delivery?.lastError ?? '', /never accepted/);
    });

    it('in sync mode answers 200 only once onPaymentResult accepted, 503 before', async () => {
      let down = true;
      const seen: string[] = [];
      const e = make({
        delivery: 'sync',
        outbox: { worker: false },
        onPaymentResult: (r) => {
          if (down) throw new Error('down');
          seen.push(r.idempotencyKey);
        },
      });
      const o = fresh();
      order(e, o);
      const query = await message(o);
      const first = await feedback(e, query);
      assert.equal(first.status, 503);
      assert.equal(errorCode(first), 'result-delivery-failed');
      down = false;
      const retry = await feedback(e, query);
      assert.equal(retry.status, 200);
      assert.equal(retry.body['recorded'], 'duplicate');
      assert.deepEqual(seen, [`${o.id}:3000000001:0:9`]);
      assert.equal((await feedback(e, query)).status, 200);
      assert.equal(seen.length, 1, 'a delivered result is not delivered again');
    });

    it('records the shopper return without letting it overrule the feedback, and answers from the ledger', async () => {
      const e = make();
      const o = fresh();
      order(e, o);
      // The return arrives first: shown as verified, recorded as observed.
      const early = await verify(e, await message(o, { STATUS: '5' }));
      assert.equal(early.status, 200);
      assert.equal(early.body['status'], 5);
      let status = OrderStatusSchema.parse((await call(e, 'GET', `/ogone/orders/${o.ref}`)).body);
      assert.equal(status.state, 'paid', 'the return already tells the order is paid');
      // The feedback sets the state; a return saying otherwise never changes it.
      await feedback(e, await message(o, { STATUS: '9' }));
      const later = await verify(e, await message(o, { STATUS: '2' }));
      assert.equal(later.status, 200);
      assert.equal(PaymentResultSchema.parse(later.body).status, 9);
      const [payment] = await ledger.findPayments(o.ref);
      assert.equal(payment?.status, 9);
      const history = (await ledger.paymentHistory(payment!.id))!;
      assert.deepEqual(
        history.events.map((x) => [x.source, x.status, x.disposition]),
        [
          ['return', 5, 'observed'],
          ['feedback', 9, 'applied'],
          ['return', 2, 'observed'],
        ],
      );
      status = OrderStatusSchema.parse((await call(e, 'GET', `/ogone/orders/${o.ref}`)).body);
      assert.equal(status.result?.status, 9);
    });

    it('refuses a return older than maxReturnAgeDays; a replayed one changes nothing', async () => {
      const e = make();
      const o = fresh();
      order(e, o);
      const old = new Date(Date.now() - 30 * 24 * 3600 * 1000);
      const stale = await verify(e, await message(o, { TRXDATE: trxDate(old) }));
      assert.equal(stale.status, 410);
      assert.equal(errorCode(stale), 'result-expired');
      const lenient = make({ maxReturnAgeDays: false });
      order(lenient, o);
      await feedback(lenient, await message(o, { STATUS: '8', PAYIDSUB: '1' }));
      const replay = await message(o, { STATUS: '9', TRXDATE: trxDate(old) });
      assert.equal((await verify(lenient, replay)).body['status'], 8, 'the ledger state is shown');
      await verify(lenient, replay);
      const replayedFeedback = await feedback(lenient, replay);
      assert.equal(replayedFeedback.body['recorded'], 'stale');
      assert.equal((await feedback(lenient, replay)).body['recorded'], 'duplicate');
      const [payment] = await ledger.findPayments(o.ref);
      assert.equal(payment?.status, 8);
      const events = (await ledger.paymentHistory(payment!.id))!.events;
      assert.equal(events.find((x) => x.source === 'return')?.duplicates, 1);
    });

    it('answers GET /orders/<ref>: open, pending, uncertain, paid; 404 for unknown and not yours; CORS', async () => {
      const e = make();
      const o = fresh();
      const path = `/ogone/orders/${o.ref}`;
      assert.equal(errorCode(await call(e, 'GET', path)), 'unknown-order');
      order(e, o);
      const notYours = await call(e, 'GET', path, { headers: { 'x-not-yours': '1' } });
      assert.equal(notYours.status, 404);
      assert.equal(errorCode(notYours), 'unknown-order');
      const none = await call(e, 'GET', path, { headers: { origin: SHOP } });
      assert.equal(none.status, 200);
      assert.deepEqual(none.body, { orderRef: o.ref, state: 'open', result: null });
      assert.equal(none.headers.get('access-control-allow-origin'), SHOP);
      const states: [string, string][] = [];
      const attempt = async (status: string, id: string) => {
        await feedback(e, await signedQuery({ orderID: id, COMPLUS: o.ref, STATUS: status }));
        const body = OrderStatusSchema.parse((await call(e, 'GET', path)).body);
        states.push([status, body.state]);
      };
      await attempt('2', `${o.id}-1`);
      await attempt('51', `${o.id}-2`);
      await attempt('92', `${o.id}-3`);
      await attempt('5', `${o.id}-4`);
      assert.deepEqual(states, [
        ['2', 'open'],
        ['51', 'pending'],
        ['92', 'uncertain'],
        ['5', 'paid'],
      ]);
      const paid = OrderStatusSchema.parse((await call(e, 'GET', path)).body);
      assert.equal(paid.result?.orderId, `${o.id}-4`);
      assert.equal((await call(e, 'OPTIONS', path, { headers: { origin: SHOP } })).status, 204);
      assert.equal((await call(e, 'POST', path)).status, 405);
    });

    it('records a saved card from a verified success with ALIAS only, and updates it on reuse', async () => {
      const e = make();
      const customerId = `cust-${fresh().ref}`;
      const first = fresh();
      order(e, first, { customerId });
      await feedback(e, await message(first, { ALIAS: `${customerId}-ALIAS1`, ED: '0330' }));
      const refused = fresh();
      order(e, refused, { customerId });
      await feedback(e, await message(refused, { STATUS: '2', ALIAS: `${customerId}-ALIAS2` }));
      const mismatch = fresh();
      order(e, mismatch, { customerId, amount: '99.00' });
      await feedback(e, await message(mismatch, { ALIAS: `${customerId}-ALIAS3` }));
      let cards = await ledger.listCards(customerId);
      assert.deepEqual(
        cards.map((c) => [c.alias, c.cardNumber, c.brand, c.expiry]),
        [[`${customerId}-ALIAS1`, 'XXXXXXXXXXXX1111', 'VISA', '0330']],
      );
      const reuse = fresh();
      order(e, reuse, { customerId });
      await feedback(
        e,
        await message(reuse, {
          ALIAS: `${customerId}-ALIAS1`,
          ED: '0431',
          CARDNO: 'XXXXXXXXXXXX4444',
        }),
      );
      cards = await ledger.listCards(customerId);
      assert.equal(cards.length, 1);
      assert.equal(cards[0]!.expiry, '0431');
      assert.ok(cards[0]!.lastUsedAt >= cards[0]!.createdAt);
    });

    it('lists and finds payments', async () => {
      const e = make();
      const o = fresh();
      order(e, o);
      await feedback(e, await message(o, { STATUS: '93' }));
      const since = new Date(Date.now() - 60_000);
      const refused = await ledger.listPayments({ status: 'refused', since });
      assert.ok(refused.some((p) => p.orderRef === o.ref));
      assert.ok((await ledger.listPayments({ status: 93 })).some((p) => p.orderId === o.id));
      assert.ok(!(await ledger.listPayments({ status: 9 })).some((p) => p.orderId === o.id));
      assert.equal((await ledger.findPayments(o.id))[0]?.orderRef, o.ref);
      assert.equal(await ledger.paymentHistory('999999999'), null);
      assert.equal(await ledger.paymentHistory('not-an-id'), null);
    });
  });
}

describe('ledger endpoint when the database fails mid-request', () => {
  it('answers 503 ledger-unavailable (Ogone retries), never 200 or 500, logged without secrets', async () => {
    const { openLedger } = await import('../../src/ledger/index.js');
    const ledger = await openLedger('pglite:memory');
    const e = endpoint(ledger);
    e.orders.set('ORD-1', { amount: '10.50', currency: 'EUR' });
    const o = { ref: 'ORD-1', id: 'ORD-1-AAAAAAAAAA' };
    await ledger.close();
    const answer = await feedback(e, await message(o));
    assert.equal(answer.status, 503);
    assert.equal(errorCode(answer), 'ledger-unavailable');
    const orders = await call(e, 'GET', '/ogone/orders/ORD-1');
    assert.equal(orders.status, 503);
    const shown = await verify(e, await message(o));
    assert.equal(shown.status, 200, 'the shopper still sees the verified return');
    const logs = JSON.stringify(e.logs);
    assert.ok(e.logs.some((l) => l.event === 'ledger-failed'));
    assert.ok(!logs.includes(TEST_SHA_OUT) && !logs.includes(TEST_SHA_IN));
    assert.ok(!/\n\s+at /.test(logs), 'no stack trace');
    await e.handler.close();
  });
});
