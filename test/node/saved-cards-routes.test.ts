/**
 * The saved-card routes as a shop sees them: `GET /cards` (masked, expired flagged, the last used
 * selected, only the order's customer's), `DELETE /cards/<id>` (forgotten locally, gone for
 * good), saved cards off without an API user or a ledger (and saying why), cards recorded from
 * verified feedback only, fuzzed inputs answered with typed 4xx, and the secret scan. Embedded
 * ledger and, when configured, a PostgreSQL server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ENDPOINT_ERROR_CODES } from '../../src/contract/errors.js';
import { EndpointErrorSchema, SavedCardsSchema } from '../../src/contract/schemas.js';
import type { Ledger } from '../../src/ledger/index.js';
import { signedQuery, trxDate } from '../helpers/ogone-messages.js';
import { targets } from '../helpers/ledger-targets.js';
import {
  BROWSER,
  CARD_NUMBERS,
  errorCode,
  insertCard,
  RETURN_URL,
  SECRETS,
  startBench,
  type Bench,
} from '../helpers/saved-cards.js';
import { SHA_IN, SHA_OUT } from '../helpers/sandbox.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readEnv } from '../../src/server/serve/env.js';
import { readLedgerEnv } from '../../src/server/serve/ledger-env.js';
import { buildHandler } from '../../src/server/serve/run.js';

const customer = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

/** Every answer and log line of a bench, scanned for secrets and card numbers. */
function scan(bench: Bench): void {
  const seen = [...bench.bodies, ...bench.logs.map((entry) => JSON.stringify(entry))];
  for (const text of seen) {
    for (const secret of [...SECRETS, ...CARD_NUMBERS, 'PSWD']) {
      assert.ok(
        !text.includes(secret),
        `no secret in an answer or log line: ${text.slice(0, 200)}`,
      );
    }
  }
}

for (const target of targets()) {
  describe(`saved-card routes (${target.name})`, { skip: target.skip }, () => {
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
      scan(bench);
    });

    it("lists the order's customer's cards: masked, expiry MM/YY, expired flagged, the last used valid one selected, never the alias", async () => {
      const id = customer('LIST');
      const saved = await bench.saveCard(id);
      const expired = await insertCard(ledger, {
        customerId: id,
        alias: `${id}-OLD`,
        expiry: '0124',
        cardNumber: 'XXXXXXXXXXXX0004',
        brand: 'MasterCard',
      });
      await insertCard(ledger, {
        customerId: customer('OTHER'),
        alias: 'SOMEONE-ELSE',
        expiry: '1230',
      });
      const ref = bench.order(id);
      const answer = await bench.call('GET', `/ogone/cards?orderRef=${ref}`, {
        headers: { origin: 'https://shop.example' },
      });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      const cards = SavedCardsSchema.parse(answer.body);
      assert.equal(cards.enabled, true);
      // The expired card was inserted last (most recently "used") yet is not selected.
      assert.deepEqual(
        cards.cards.map((c) => [c.id, c.brand, c.last4, c.expiry, c.expired]),
        [
          [expired, 'MasterCard', '0004', '01/24', true],
          [saved, 'VISA', '1111', '12/30', false],
        ],
      );
      assert.equal(cards.selectedCardId, saved);
      assert.equal(cards.cards[1]!.lastUsedAt, null, 'not used since it was saved');
      assert.ok(!answer.text.includes(id), 'no alias (they are named after the customer)');
      assert.ok(!answer.text.includes('SOMEONE-ELSE'));
    });

    it('a guest order (no customerId) lists no cards and says why; unknown orders 404; a malformed orderRef 400', async () => {
      const guest = await bench.call('GET', `/ogone/cards?orderRef=${bench.order(undefined)}`);
      assert.equal(guest.status, 200);
      const off = SavedCardsSchema.parse(guest.body);
      assert.deepEqual([off.enabled, off.cards, off.selectedCardId], [false, [], null]);
      assert.match(off.reason ?? '', /no customerId/);
      const unknown = await bench.call('GET', '/ogone/cards?orderRef=NOPE-1');
      assert.equal(unknown.status, 404);
      assert.equal(errorCode(unknown), 'unknown-order');
      for (const search of ['', '?orderRef=', '?orderRef=a%20b', '?orderRef=A&orderRef=B']) {
        const bad = await bench.call('GET', `/ogone/cards${search}`);
        assert.equal(bad.status, 400, search);
        assert.equal(errorCode(bad), 'invalid-request');
      }
    });

    it('removes a card: forgotten locally (logged so), never listed or payable again; another customer cannot remove it', async () => {
      const id = customer('DEL');
      const cardId = await bench.saveCard(id);
      const ref = bench.order(id);
      const stranger = bench.order(customer('STRANGER'));
      const foreign = await bench.call('DELETE', `/ogone/cards/${cardId}?orderRef=${stranger}`);
      assert.equal(foreign.status, 404);
      assert.equal(errorCode(foreign), 'card-not-found');
      const preflight = await bench.call('OPTIONS', `/ogone/cards/${cardId}`, {
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'DELETE' },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /DELETE/);

      const removed = await bench.call('DELETE', `/ogone/cards/${cardId}?orderRef=${ref}`);
      assert.equal(removed.status, 200, removed.text);
      assert.deepEqual(removed.body, { removed: true, id: cardId });
      const line = bench.logs.find((e) => e.event === 'card-forgotten') as
        { message?: string } | undefined;
      assert.match(
        line?.message ?? '',
        /forgotten locally \(Ogone has no DirectLink call to delete an alias/,
      );
      const listed = SavedCardsSchema.parse(
        (await bench.call('GET', `/ogone/cards?orderRef=${ref}`)).body,
      );
      assert.ok(!listed.cards.some((c) => c.id === cardId), 'gone from the list');
      const pay = await bench.call('POST', '/ogone/pay', {
        json: { orderRef: ref, cardId, browser: BROWSER, returnUrl: RETURN_URL },
      });
      assert.equal(pay.status, 404);
      assert.equal(errorCode(pay), 'card-not-found');
      const again = await bench.call('DELETE', `/ogone/cards/${cardId}?orderRef=${ref}`);
      assert.equal(again.status, 404);
      // The ledger keeps it, marked removed (a later payment with the alias does not bring it back).
      const all = await ledger.listCards(id, { includeRemoved: true });
      assert.equal(all.length, 1);
      assert.notEqual(all[0]!.removedAt, null);
      const wrongMethod = await bench.call('POST', `/ogone/cards/${cardId}?orderRef=${ref}`);
      assert.equal(wrongMethod.status, 405);
      const getOne = await bench.call('GET', `/ogone/cards/${cardId}?orderRef=${ref}`);
      assert.equal(getOne.status, 405);
      const deleteAll = await bench.call('DELETE', `/ogone/cards?orderRef=${ref}`);
      assert.equal(deleteAll.status, 405);
    });

    it('records a card from the verified feedback only: not from a return, not for a guest, once per alias', async () => {
      const id = customer('FB');
      const ref = bench.order(id);
      const alias = `${id}-ALIAS`;
      const params = {
        orderID: `${ref}-A1`,
        COMPLUS: ref,
        amount: '15.1',
        ALIAS: alias,
        ED: '0331',
        TRXDATE: trxDate(),
      };
      const back = await bench.call('POST', '/ogone/verify', {
        json: { query: await signedQuery(params, SHA_OUT) },
      });
      assert.equal(back.status, 200, back.text);
      assert.deepEqual(await ledger.listCards(id), [], "the shopper's return records no card");
      const forged = await bench.call(
        'GET',
        `/ogone/feedback?${(await signedQuery(params, 'wrong-passphrase-000')).toString()}`,
      );
      assert.equal(forged.status, 403);
      assert.deepEqual(await ledger.listCards(id), []);
      await bench.call('GET', `/ogone/feedback?${await signedQuery(params, SHA_OUT)}`);
      const paidSign = await bench.call('POST', '/ogone/sign', {
        json: { orderRef: ref, returnUrl: RETURN_URL },
      });
      assert.equal(paidSign.status, 409, 'a hosted-page payment paid the order: no second form');
      assert.equal(errorCode(paidSign), 'order-not-payable');
      const cards = await ledger.listCards(id);
      assert.deepEqual(
        cards.map((c) => [c.alias, c.cardNumber, c.brand, c.expiry]),
        [[alias, 'XXXXXXXXXXXX1111', 'VISA', '0331']],
      );
      const second = bench.order(id);
      await bench.call(
        'GET',
        `/ogone/feedback?${await signedQuery({ ...params, orderID: `${second}-A2`, COMPLUS: second, ED: '0432' }, SHA_OUT)}`,
      );
      const updated = await ledger.listCards(id);
      assert.equal(updated.length, 1, 'the same alias updates the card');
      assert.equal(updated[0]!.expiry, '0432');
      const guest = bench.order(undefined);
      await bench.call(
        'GET',
        `/ogone/feedback?${await signedQuery({ ...params, orderID: `${guest}-A3`, COMPLUS: guest, ALIAS: 'GUEST-ALIAS' }, SHA_OUT)}`,
      );
      const [guestPayment] = await ledger.findPayments(guest);
      assert.equal(guestPayment?.status, 9);
      assert.equal(guestPayment?.customerId, null, 'no customer: no card');
    });

    it('fuzzed inputs of /cards, /pay and /challenge get typed 4xx answers, never a 5xx or a stack', async () => {
      const id = customer('FZ');
      const cardId = await insertCard(ledger, { customerId: id, alias: `${id}-X`, expiry: '1230' });
      const ref = bench.order(id);
      const valid = {
        orderRef: ref,
        cardId,
        browser: BROWSER,
        returnUrl: RETURN_URL,
        language: 'en',
      };
      const anything = fc.oneof(
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
      );
      const field = fc.constantFrom(
        'orderRef',
        'cardId',
        'browser',
        'returnUrl',
        'language',
        'extra',
      );
      const browserField = fc.constantFrom(...Object.keys(BROWSER));
      const body = fc.oneof(
        fc
          .tuple(field, anything)
          .map(([name, value]) => ({ ...valid, cardId: 'unknown-card', [name]: value })),
        fc.tuple(browserField, anything).map(([name, value]) => ({
          ...valid,
          cardId: 'unknown-card',
          browser: { ...BROWSER, [name]: value },
        })),
        anything,
      );
      const codes = new Set<string>(ENDPOINT_ERROR_CODES);
      const check = (answer: { status: number; body: Record<string, unknown>; text: string }) => {
        assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status} ${answer.text}`);
        const error = EndpointErrorSchema.parse(answer.body);
        assert.ok(codes.has(error.error.code), error.error.code);
        assert.ok(!/\bat .+:\d+:\d+/.test(answer.text), 'no stack');
      };
      await fc.assert(
        fc.asyncProperty(body, async (json) => {
          check(await bench.call('POST', '/ogone/pay', { json }));
        }),
        { numRuns: 60 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 80 }),
          // `.` and `..` are dot segments: the URL parser resolves them before the endpoint sees them.
          fc.string({ maxLength: 40 }).filter((s) => s !== '.' && s !== '..'),
          async (search, segment) => {
            const cards = await bench.call(
              'GET',
              `/ogone/cards?${encodeURIComponent(search)}=${encodeURIComponent(search)}`,
            );
            check(cards);
            const remove = await bench.call(
              'DELETE',
              `/ogone/cards/${encodeURIComponent(segment || 'x')}?orderRef=${encodeURIComponent(search)}`,
            );
            check(remove);
            const challenge = await fetch(
              `${bench.endpointUrl}/ogone/challenge/${encodeURIComponent(segment || 'x')}`,
            );
            assert.ok([404, 410].includes(challenge.status), String(challenge.status));
            assert.match(
              challenge.headers.get('content-security-policy') ?? '',
              /default-src 'none'/,
            );
            bench.bodies.push(await challenge.text());
          },
        ),
        { numRuns: 60 },
      );
      const notJson = await fetch(`${bench.endpointUrl}/ogone/pay`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      });
      assert.equal(notJson.status, 415);
      const broken = await bench.call('POST', '/ogone/pay', {
        json: undefined,
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(broken.status, 400);
    });
  });
}

describe('saved cards off', () => {
  it('without an API user: the list says so, /pay and DELETE answer 409 saved-cards-unavailable naming the option', async () => {
    const target = targets()[0]!;
    const ledger = await target.open();
    const bench = await startBench(ledger, {}, false);
    try {
      const ref = bench.order('C-1');
      const listed = await bench.call('GET', `/ogone/cards?orderRef=${ref}`);
      assert.equal(listed.status, 200);
      const off = SavedCardsSchema.parse(listed.body);
      assert.equal(off.enabled, false);
      assert.match(
        off.reason ?? '',
        /no API user \(the directLink option, OGONE_USERID and OGONE_PASSWORD/,
      );
      const pay = await bench.call('POST', '/ogone/pay', {
        json: { orderRef: ref, cardId: 'abc', browser: BROWSER, returnUrl: RETURN_URL },
      });
      assert.equal(pay.status, 409);
      assert.equal(errorCode(pay), 'saved-cards-unavailable');
      assert.match((pay.body['error'] as { message: string }).message, /API user/);
      const remove = await bench.call('DELETE', `/ogone/cards/abc?orderRef=${ref}`);
      assert.equal(remove.status, 409);
      scan(bench);
    } finally {
      await bench.close();
      await ledger.close();
    }
  });

  it('without a ledger: the list says so; /pay answers 409; /challenge is not a route', async () => {
    const bench = await startBench(undefined);
    try {
      const ref = bench.order('C-1');
      const off = SavedCardsSchema.parse(
        (await bench.call('GET', `/ogone/cards?orderRef=${ref}`)).body,
      );
      assert.equal(off.enabled, false);
      assert.match(off.reason ?? '', /no payment ledger/);
      const pay = await bench.call('POST', '/ogone/pay', {
        json: { orderRef: ref, cardId: 'abc', browser: BROWSER, returnUrl: RETURN_URL },
      });
      assert.equal(pay.status, 409);
      assert.equal(errorCode(pay), 'saved-cards-unavailable');
      assert.equal((await bench.call('GET', '/ogone/challenge/abcdefabcdefabcdef')).status, 404);
      scan(bench);
    } finally {
      await bench.close();
    }
  });

  it('serve: OGONE_USERID and OGONE_PASSWORD turn saved cards on; without them the list says why', async () => {
    const backend = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ amount: '10.00', currency: 'EUR', customerId: 'SERVE-C1' }));
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    const ledger = await targets()[0]!.open();
    const env = {
      OGONE_PSPID: 'SHOP1',
      OGONE_SHA_IN: SHA_IN,
      OGONE_SHA_OUT: SHA_OUT,
      OGONE_BASE_URL: 'http://127.0.0.1:9/ncol/test',
      OGONE_ALLOWED_RETURN_ORIGINS: 'https://shop.example',
      OGONE_ORDER_LOOKUP_URL: `${base}/orders`,
      OGONE_RESULT_WEBHOOK_URL: `${base}/results`,
    };
    const lines: string[] = [];
    const cards = async (extra: Record<string, string>) => {
      const handler = buildHandler(
        readEnv({ ...env, ...extra }),
        readLedgerEnv({}),
        ledger,
        (entry) => lines.push(JSON.stringify(entry)),
      );
      try {
        const response = await handler(new Request('http://127.0.0.1/ogone/cards?orderRef=SO-1'));
        return SavedCardsSchema.parse(await response.json());
      } finally {
        await handler.close();
      }
    };
    try {
      const off = await cards({});
      assert.equal(off.enabled, false);
      assert.match(off.reason ?? '', /OGONE_USERID and OGONE_PASSWORD/);
      const on = await cards({ OGONE_USERID: 'shop-api', OGONE_PASSWORD: 'Serve-Api-Password-1' });
      assert.deepEqual(on, { enabled: true, cards: [], selectedCardId: null });
      assert.ok(!lines.join('\n').includes('Serve-Api-Password-1'));
    } finally {
      await ledger.close();
      backend.closeAllConnections();
      await new Promise((resolve) => backend.close(resolve));
    }
  });

  it('a ledger that fails: 503 ledger-unavailable on /cards, /pay and /challenge, logged without secrets, never a 500', async () => {
    const ledger = await targets()[0]!.open();
    const bench = await startBench(ledger);
    try {
      const ref = bench.order('C-DOWN');
      await ledger.close();
      const list = await bench.call('GET', `/ogone/cards?orderRef=${ref}`);
      const pay = await bench.call('POST', '/ogone/pay', {
        json: { orderRef: ref, cardId: 'abc', browser: BROWSER, returnUrl: RETURN_URL },
      });
      const challenge = await bench.call('GET', `/ogone/challenge/${'B'.repeat(32)}`);
      for (const answer of [list, pay, challenge]) {
        assert.equal(answer.status, 503, answer.text);
        assert.equal(errorCode(answer), 'ledger-unavailable');
      }
      assert.ok(bench.logs.some((e) => e.event === 'ledger-failed'));
      scan(bench);
    } finally {
      await bench.close();
    }
  });
});
