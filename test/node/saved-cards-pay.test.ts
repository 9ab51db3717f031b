/**
 * Paying with a saved card through the endpoint and the sandbox, as a returning shopper does:
 * one click (DirectLink orderdirect with the alias), a 3-D Secure challenge served once and
 * confirmed by querydirect after the return, the hosted-page fallback for 40001139, a lost answer
 * recovered without a second charge, an order paid already refused. Embedded ledger and, when
 * configured, a PostgreSQL server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PayAnswerSchema,
  PaymentResultSchema,
  SignedPayloadSchema,
} from '../../src/contract/schemas.js';
import type { Ledger } from '../../src/ledger/index.js';
import { signShaIn } from '../../src/protocol/index.js';
import { createDirectLinkClient } from '../../src/server/directlink/client.js';
import { createOgoneHandler } from '../../src/server/index.js';
import { driverOf } from '../../src/server/ledger/ledger.js';
import { API_USER, CHALLENGE_CARD, DL_SHA_IN } from '../helpers/directlink.js';
import { eventually, targets } from '../helpers/ledger-targets.js';
import {
  answerChallenge,
  BROWSER,
  CARD_NUMBERS,
  errorCode,
  insertCard,
  RETURN_URL,
  SECRETS,
  startBench,
  type Bench,
} from '../helpers/saved-cards.js';
import { PSPID, SHA_IN } from '../helpers/sandbox.js';

const payBody = (orderRef: string, cardId: string) => ({
  orderRef,
  cardId,
  browser: BROWSER,
  returnUrl: RETURN_URL,
  language: 'fr-BE',
});

for (const target of targets()) {
  describe(`paying with a saved card (${target.name})`, { skip: target.skip }, () => {
    let ledger: Ledger;
    let bench: Bench;

    before(async () => {
      ledger = await target.open();
      bench = await startBench(ledger);
    });
    after(async () => {
      await bench.close();
      await ledger.close();
      await target.cleanup();
      // The secret scan over everything the suite saw.
      const seen = [...bench.bodies, ...bench.logs.map((entry) => JSON.stringify(entry))];
      for (const text of seen) {
        for (const secret of [...SECRETS, ...CARD_NUMBERS, 'PSWD']) {
          assert.ok(
            !text.includes(secret),
            `no secret in an answer or log line: ${text.slice(0, 200)}`,
          );
        }
      }
    });

    const eventsOf = async (orderRef: string) => {
      const [payment] = await ledger.findPayments(orderRef);
      assert.ok(payment, 'the attempt is recorded');
      const history = await ledger.paymentHistory(payment.id);
      return { payment, events: history!.events.map((e) => [e.source, e.status]) };
    };

    /**
     * `/verify` asked querydirect (the log) and the ledger holds its answer: a `query` event, or —
     * when the platform's feedback with the same status came first — that event counted again.
     */
    const assertConfirmedByQuery = async (ref: string, mark: number, status: number) => {
      const queries = bench.logs
        .slice(mark)
        .filter((e) => e.event === 'directlink' && e.page === 'querydirect' && e.step === 'sent');
      assert.equal(queries.length, 1, 'one querydirect before the result was shown');
      const [payment] = await ledger.findPayments(ref);
      const history = await ledger.paymentHistory(payment!.id);
      const final = history!.events.filter((e) => e.status === status);
      assert.equal(final.length, 1);
      assert.ok(
        final[0]!.source === 'query' || final[0]!.duplicates >= 1,
        `the query's answer is recorded: ${JSON.stringify(history!.events)}`,
      );
      assert.equal(history!.events[0]!.source, 'directlink', JSON.stringify(history!.events));
    };

    it('pays in one click: orderdirect with the alias, ECI 9, 3-D Secure data; recorded; the card marked used; the order then not payable again', async () => {
      const customerId = `C-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId);
      const ref = bench.order(customerId);
      const answer = await bench.call('POST', '/ogone/pay', {
        json: payBody(ref, cardId),
        headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'Mozilla/5.0 (test)' },
      });
      assert.equal(answer.status, 200, answer.text);
      const parsed = PayAnswerSchema.parse(answer.body);
      assert.equal(parsed.kind, 'result');
      assert.ok(parsed.kind === 'result');
      assert.equal(parsed.result.status, 9);
      assert.equal(parsed.result.outcome, 'paid');
      assert.equal(parsed.result.amount, '15.10');
      assert.equal(parsed.result.orderRef, ref);
      assert.equal(parsed.reason, undefined);
      assert.ok(
        !answer.text.includes('"alias"') || !answer.text.includes(customerId + '-'),
        'no alias leaks',
      );

      const { payment, events } = await eventsOf(ref);
      assert.equal(payment.status, 9);
      assert.deepEqual(events, [['directlink', 9]]);
      const rows = await driverOf(ledger).query<{ started_by: string; in_flight: boolean }>(
        'SELECT started_by, in_flight FROM payments WHERE id = $1::bigint',
        [payment.id],
      );
      assert.deepEqual(rows[0], { started_by: 'directlink', in_flight: false });
      await eventually(() => bench.deliveries.some((d) => d.orderRef === ref), 10_000, 'delivery');
      assert.equal(bench.deliveries.find((d) => d.orderRef === ref)?.orderCheck, 'matched');

      // What the platform received: ECI 9 with the alias (asked back by querydirect).
      const client = createDirectLinkClient({
        pspid: PSPID,
        userId: API_USER.userId,
        password: API_USER.password,
        shaIn: DL_SHA_IN,
        hashAlgorithm: 'sha512',
        environment: { baseUrl: `${bench.sandboxUrl}/ncol/test` },
      });
      const queried = await client.queryDirect({ orderId: parsed.result.orderId });
      assert.equal(queried.answer.status, 9);
      assert.equal(queried.answer.eci, '9');

      const listed = await bench.call('GET', `/ogone/cards?orderRef=${ref}`);
      const card = (listed.body['cards'] as { id: string; lastUsedAt: string | null }[]).find(
        (c) => c.id === cardId,
      );
      assert.ok(card?.lastUsedAt !== null, 'the card was used since it was saved');

      const again = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(again.status, 409);
      assert.equal(errorCode(again), 'order-not-payable');
      const sign = await bench.call('POST', '/ogone/sign', {
        json: { orderRef: ref, returnUrl: RETURN_URL },
      });
      assert.equal(sign.status, 409);
      assert.equal(errorCode(sign), 'order-not-payable');
    });

    it("refuses another customer's card exactly like an unknown one (404 card-not-found), and an expired card (422), sending nothing", async () => {
      const owner = `O-${Math.random().toString(36).slice(2, 8)}`;
      const other = `X-${Math.random().toString(36).slice(2, 8)}`;
      const othersCard = await insertCard(ledger, {
        customerId: other,
        alias: `${other}-A`,
        expiry: '1230',
      });
      const expired = await insertCard(ledger, {
        customerId: owner,
        alias: `${owner}-OLD`,
        expiry: '0124',
      });
      const ref = bench.order(owner);
      const foreign = await bench.call('POST', '/ogone/pay', { json: payBody(ref, othersCard) });
      const unknown = await bench.call('POST', '/ogone/pay', {
        json: payBody(ref, 'no-such-card-0000'),
      });
      assert.equal(foreign.status, 404);
      assert.equal(errorCode(foreign), 'card-not-found');
      assert.deepEqual(foreign.body, unknown.body, 'never a hint that the card exists');
      const old = await bench.call('POST', '/ogone/pay', { json: payBody(ref, expired) });
      assert.equal(old.status, 422);
      assert.equal(errorCode(old), 'card-expired');
      assert.deepEqual(await ledger.findPayments(ref), [], 'nothing was attempted');
      const guest = bench.order(undefined);
      const noCustomer = await bench.call('POST', '/ogone/pay', {
        json: payBody(guest, othersCard),
      });
      assert.equal(noCustomer.status, 409);
      assert.equal(errorCode(noCustomer), 'saved-cards-unavailable');
      const badReturn = await bench.call('POST', '/ogone/pay', {
        json: { ...payBody(ref, expired), returnUrl: 'https://evil.example/x' },
      });
      assert.equal(badReturn.status, 400);
      assert.equal(errorCode(badReturn), 'return-url-not-allowed');
    });

    it('an alias the platform does not know: a result with the reason in plain words, the shopper may pick another card', async () => {
      const customerId = `U-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await insertCard(ledger, {
        customerId,
        alias: `${customerId}-GONE`,
        expiry: '1230',
      });
      const ref = bench.order(customerId);
      const answer = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(answer.status, 200, answer.text);
      const parsed = PayAnswerSchema.parse(answer.body);
      assert.ok(parsed.kind === 'result');
      assert.equal(parsed.result.outcome, 'invalid');
      assert.equal(parsed.result.ncError, '50001111');
      assert.match(parsed.reason ?? '', /no longer knows this saved card/);
      assert.equal((await ledger.orderStatus(ref)).state, 'open', 'the order may still be paid');
    });

    it('a 3-D Secure challenge: served once under its own CSP, completed, then /verify confirms it with querydirect', async () => {
      const customerId = `T-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId, CHALLENGE_CARD);
      const ref = bench.order(customerId);
      const answer = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(answer.status, 200, answer.text);
      const parsed = PayAnswerSchema.parse(answer.body);
      assert.ok(parsed.kind === 'challenge', answer.text);
      assert.match(parsed.url, /^\/ogone\/challenge\/[A-Za-z0-9_-]{32}$/);
      assert.equal((await ledger.orderStatus(ref)).state, 'pending');

      // Two endpoint instances on one ledger, asked at the same moment: one serves it.
      const twin = createOgoneHandler({
        pspid: PSPID,
        shaIn: SHA_IN,
        shaOut: 'Another-instance-SHA-OUT-1',
        environment: 'test',
        allowedReturnOrigins: ['https://shop.example'],
        resolveOrder: () => null,
        onPaymentResult: () => undefined,
        logger: false,
        ledger,
        outbox: { worker: false },
      });
      const [page, other] = await Promise.all([
        fetch(`${bench.endpointUrl}${parsed.url}`),
        twin(new Request(`http://127.0.0.1${parsed.url}`)),
      ]);
      await twin.close();
      assert.deepEqual([page.status, other.status].sort(), [200, 410], 'served once');
      const html = page.status === 200 ? await page.text() : await other.text();
      const served = page.status === 200 ? page : other;
      assert.match(served.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(served.headers.get('cache-control'), 'no-store');
      const csp = served.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]+=*'/);
      assert.ok(csp.includes(`form-action ${bench.sandboxUrl}`), csp);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(html, /<form id="ogone-3ds-form"/);

      const challengeId = parsed.url.split('/').at(-1)!;
      assert.ok(
        !bench.logs.some((entry) => JSON.stringify(entry).includes(challengeId)),
        'the one-time id is not logged',
      );
      assert.ok(bench.logs.some((e) => e.event === 'request' && e.path === '/ogone/challenge/…'));
      const second = await fetch(`${bench.endpointUrl}${parsed.url}`);
      assert.equal(second.status, 410);
      assert.ok(!(await second.text()).includes('ogone-3ds-form'), 'not served twice');
      const unknown = await fetch(`${bench.endpointUrl}/ogone/challenge/${'A'.repeat(32)}`);
      assert.equal(unknown.status, 404);
      assert.match(unknown.headers.get('content-type') ?? '', /^text\/html/);

      const back = await answerChallenge(bench, html, 'complete');
      assert.equal(`${back.origin}${back.pathname}`, RETURN_URL);
      const mark = bench.logs.length;
      const verified = await bench.call('POST', '/ogone/verify', { json: { query: back.search } });
      assert.equal(verified.status, 200, verified.text);
      const result = PaymentResultSchema.parse(verified.body);
      assert.equal(result.status, 9);
      assert.equal(result.orderRef, ref);
      await assertConfirmedByQuery(ref, mark, 9);
      const listed = await bench.call('GET', `/ogone/cards?orderRef=${ref}`);
      const used = (listed.body['cards'] as { id: string; lastUsedAt: string | null }[]).find(
        (c) => c.id === cardId,
      );
      assert.notEqual(used?.lastUsedAt, null, 'the card is marked used after the challenge');
    });

    it('a failed 3-D Secure challenge: /verify shows it refused, confirmed by querydirect', async () => {
      const customerId = `F-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId, CHALLENGE_CARD);
      const ref = bench.order(customerId);
      const parsed = PayAnswerSchema.parse(
        (await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) })).body,
      );
      assert.ok(parsed.kind === 'challenge');
      const page = await fetch(`${bench.endpointUrl}${parsed.url}`);
      const html = await page.text();
      assert.equal(page.status, 200, html);
      const back = await answerChallenge(bench, html, 'fail');
      const mark = bench.logs.length;
      const verified = await bench.call('POST', '/ogone/verify', { json: { query: back.search } });
      assert.equal(verified.status, 200, verified.text);
      const result = PaymentResultSchema.parse(verified.body);
      assert.equal(result.outcome, 'refused');
      await assertConfirmedByQuery(ref, mark, result.status);
      assert.equal((await ledger.orderStatus(ref)).state, 'open');
    });

    it('NCERROR 40001139: falls back to a signed hosted-page form with the saved alias', async () => {
      const customerId = `R-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId, '4000 0000 0000 3063');
      const ref = bench.order(customerId);
      const answer = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(answer.status, 200, answer.text);
      const parsed = PayAnswerSchema.parse(answer.body);
      assert.ok(parsed.kind === 'redirect', answer.text);
      const payload = SignedPayloadSchema.parse(parsed.payload);
      const [card] = (await ledger.listCards(customerId)).filter((c) =>
        c.cardNumber?.endsWith('3063'),
      );
      assert.equal(payload.fields['ALIAS'], card?.alias);
      assert.equal(payload.fields['AMOUNT'], '1510');
      assert.equal(payload.fields['COMPLUS'], ref);
      const { SHASIGN, ...unsigned } = payload.fields;
      assert.equal(SHASIGN, await signShaIn(unsigned, SHA_IN, 'sha512'));
      assert.equal(payload.action, `${bench.sandboxUrl}/ncol/test/orderstandard_utf8.asp`);
      // The hosted page opens with the saved card.
      const page = await fetch(payload.action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(payload.fields).toString(),
      });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /3063/);
    });

    it('a lost orderdirect answer is recovered by querydirect: one payment at the platform, paid once', async () => {
      const customerId = `L-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId);
      const ref = bench.order(customerId);
      const before = bench.logs.length;
      bench.sandbox.controls.dropNextAnswer('orderdirect');
      const answer = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(answer.status, 200, answer.text);
      const parsed = PayAnswerSchema.parse(answer.body);
      assert.ok(parsed.kind === 'result');
      assert.equal(parsed.result.status, 9);
      const steps = bench.logs
        .slice(before)
        .flatMap((e) => (e.event === 'directlink' ? [`${e.page}:${e.step}`] : []));
      assert.ok(steps.includes('orderdirect:query'), steps.join(' '));
      assert.ok(!steps.includes('orderdirect:resend'), 'never sent twice');
      assert.equal(steps.filter((s) => s === 'orderdirect:sent').length, 1);
      const payments = await ledger.findPayments(ref);
      assert.equal(payments.length, 1);
      assert.equal(payments[0]!.status, 9);
      const { events } = await eventsOf(ref);
      assert.deepEqual(events, [['query', 9]]);
    });

    it('an answer lost for good (its query lost too): 503 "may have gone through", /pay held back until querydirect can tell, never a second charge', async () => {
      const customerId = `G-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId);
      const ref = bench.order(customerId);
      bench.sandbox.controls.dropNextAnswer('orderdirect');
      bench.sandbox.controls.dropNextAnswer('querydirect');
      const lost = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(lost.status, 503, lost.text);
      assert.equal(errorCode(lost), 'platform-unavailable');
      assert.match(
        (lost.body['error'] as { message: string }).message,
        /may have gone through\. Do not pay again/,
      );
      assert.equal((await ledger.orderStatus(ref)).state, 'uncertain', 'never "pay again"');
      const held = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(held.status, 409);
      assert.match((held.body['error'] as { message: string }).message, /on its way/);
      // Minutes later, querydirect can tell: the first call was charged, so the order is paid.
      await driverOf(ledger).query(
        `UPDATE payments SET created_at = now() - interval '10 minutes' WHERE order_ref = $1`,
        [ref],
      );
      const later = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(later.status, 409, later.text);
      assert.match((later.body['error'] as { message: string }).message, /paid already/);
      const payments = await ledger.findPayments(ref);
      assert.equal(payments.length, 1, 'one attempt, one charge');
      assert.equal(payments[0]!.status, 9);
      const { events } = await eventsOf(ref);
      assert.deepEqual(events, [['query', 9]]);
    });

    it('a stuck attempt the platform never processed lands, and the shopper may pay', async () => {
      const customerId = `N-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId);
      const ref = bench.order(customerId);
      // An attempt recorded, then the process died before sending (Ogone never heard of it).
      await driverOf(ledger).query(
        `INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency, customer_id,
           started_by, in_flight, created_at)
         VALUES ('ogone', $1, $2, 1510, 'EUR', $3, 'directlink', true, now() - interval '10 minutes')`,
        [ref, `${ref}-NEVERSENT`, customerId],
      );
      const answer = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(answer.status, 200, answer.text);
      const parsed = PayAnswerSchema.parse(answer.body);
      assert.ok(parsed.kind === 'result');
      assert.equal(parsed.result.status, 9);
      assert.equal((await ledger.findPayments(ref)).length, 2);
    });

    it('a double click: while one saved-card payment of the order is on its way, a second is refused (409)', async () => {
      const customerId = `D-${Math.random().toString(36).slice(2, 8)}`;
      const cardId = await bench.saveCard(customerId);
      const ref = bench.order(customerId);
      bench.sandbox.controls.dropNextAnswer('orderdirect', { mode: 'timeout', afterMs: 400 });
      const first = bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const second = await bench.call('POST', '/ogone/pay', { json: payBody(ref, cardId) });
      assert.equal(second.status, 409, second.text);
      assert.equal(errorCode(second), 'order-not-payable');
      const done = await first;
      assert.equal(done.status, 200, done.text);
      assert.equal((await ledger.findPayments(ref)).length, 1, 'one attempt');
    });
  });
}
