/** The DirectLink client against a fake DirectLink platform (node:http on port 0). */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createDirectLinkClient } from '../../src/server/directlink/client.js';
import { DirectLinkError } from '../../src/server/directlink/errors.js';
import type {
  DirectLinkClient,
  DirectLinkClientOptions,
  DirectLinkLogEntry,
  OrderDirectRequest,
  ThreeDSecureRequest,
} from '../../src/server/directlink/types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { FakeDirectLink } from '../helpers/fake-directlink.js';

const PASSWORD = 'Api-Pswd-7f3c91!';
const DIRECTLINK_SHA_IN = 'Directlink-ShaIn-2026#x';
const ECOMMERCE_SHA_IN = 'Ecommerce-ShaIn-2026#y';
const ECOMMERCE_SHA_OUT = 'Ecommerce-ShaOut-2026#z';
const CARD_NUMBER = '4111111111111111';
const SECRETS = [PASSWORD, DIRECTLINK_SHA_IN, ECOMMERCE_SHA_IN, ECOMMERCE_SHA_OUT, CARD_NUMBER];

/** Everything the client logged, threw or returned, for the secret scan at the end. */
const observed: unknown[] = [];
const logs: DirectLinkLogEntry[] = [];

let fake: FakeDirectLink;
let orderSeq = 0;

function client(overrides: Partial<DirectLinkClientOptions> = {}): DirectLinkClient {
  return createDirectLinkClient({
    pspid: 'MyPSPID',
    userId: 'api-user',
    password: PASSWORD,
    shaIn: DIRECTLINK_SHA_IN,
    hashAlgorithm: 'sha512',
    environment: { baseUrl: fake.baseUrl },
    log: (entry) => logs.push(entry),
    secrets: [ECOMMERCE_SHA_IN, ECOMMERCE_SHA_OUT],
    ...overrides,
  });
}

function newOrder(overrides: Partial<OrderDirectRequest> = {}): OrderDirectRequest {
  return {
    orderId: `T-${++orderSeq}-${Date.now().toString(36)}`,
    minorAmount: '1999',
    currency: 'EUR',
    alias: 'cust-1-VISA',
    operation: 'SAL',
    // The hosted page's rules apply: one line, Ogone's lengths.
    customer: { name: 'Ada\r\nLovelace', email: 'ada@example.org', country: 'be' },
    complus: 'order-ref-1',
    ...overrides,
  };
}

const threeDSecure: ThreeDSecureRequest = {
  acceptUrl: 'https://shop.example/checkout/return',
  declineUrl: 'https://shop.example/checkout/return?declined',
  exceptionUrl: 'https://shop.example/checkout/return?error',
  remoteAddress: '203.0.113.7',
  browser: {
    acceptHeader: 'text/html,application/xhtml+xml',
    colorDepth: 24,
    javaEnabled: false,
    language: 'fr-BE',
    screenHeight: 1080,
    screenWidth: 1920,
    timeZone: -60,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0',
  },
  billing: { street1: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', countryCode: 'BE' },
};

/** Runs a call, keeps what came out of it for the scan. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  try {
    const value = await promise;
    observed.push(value);
    return value;
  } catch (error) {
    observed.push(error, inspect(error, { depth: 5 }));
    throw error;
  }
}

async function rejectsWith(promise: Promise<unknown>, code: DirectLinkError['code']) {
  const error = await settle(promise).then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DirectLinkError, `not a DirectLinkError: ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

/** Lets the event loop run until `check` holds (the client is waiting on real sockets). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), 'condition never held');
}

before(async () => {
  fake = await new FakeDirectLink({
    pspid: 'MyPSPID',
    userId: 'api-user',
    password: PASSWORD,
    passphrase: DIRECTLINK_SHA_IN,
    algorithm: 'sha512',
  }).start();
  for (const alias of ['cust-1-VISA', 'cust-2-VISA']) fake.addAlias(alias);
  fake.addAlias('refused-card', 'refused');
  fake.addAlias('challenge-card', 'challenge');
  fake.addAlias('insists-card', 'three-ds-required');
});

after(() => fake.close());

describe('orderdirect: paying with a saved card', () => {
  it('sends the alias with ECI=9, RTIMEOUT and the API user, signed, and no card data', async () => {
    const request = newOrder();
    const result = await settle(client().orderDirect(request));
    assert.equal(result.source, 'direct');
    assert.equal(result.sends, 1);
    assert.equal(result.answer.status, 9);
    assert.equal(result.answer.statusInfo.outcome, 'paid');
    assert.equal(result.answer.orderId, request.orderId);
    assert.equal(result.answer.minorAmount, '1999');
    const sent = fake.requests.at(-1)!.params;
    assert.equal(sent['ALIAS'], 'cust-1-VISA');
    assert.equal(sent['ECI'], '9');
    assert.equal(sent['ALIASPERSISTEDAFTERUSE'], 'Y');
    assert.equal(sent['RTIMEOUT'], '30');
    assert.equal(sent['USERID'], 'api-user');
    assert.equal(sent['PSPID'], 'MyPSPID');
    assert.equal(sent['OWNERCTY'], 'BE');
    assert.equal(sent['CN'], 'Ada Lovelace');
    assert.equal(sent['EMAIL'], 'ada@example.org');
    assert.equal(sent['COMPLUS'], 'order-ref-1');
    for (const name of ['CARDNO', 'CVC', 'ED', 'FLAG3D']) assert.equal(sent[name], undefined, name);
  });

  it('sends FLAG3D, WIN3DS and the 3-D Secure 2 browser fields for a shopper at the keyboard', async () => {
    const result = await settle(
      client().orderDirect(newOrder({ threeDSecure, language: 'fr_BE' })),
    );
    assert.equal(result.answer.status, 9);
    const sent = fake.requests.at(-1)!.params;
    assert.deepEqual(
      {
        FLAG3D: sent['FLAG3D'],
        WIN3DS: sent['WIN3DS'],
        LANGUAGE: sent['LANGUAGE'],
        REMOTE_ADDR: sent['REMOTE_ADDR'],
        browserColorDepth: sent['browserColorDepth'],
        browserJavaEnabled: sent['browserJavaEnabled'],
        browserLanguage: sent['browserLanguage'],
        browserScreenHeight: sent['browserScreenHeight'],
        browserScreenWidth: sent['browserScreenWidth'],
        browserTimeZone: sent['browserTimeZone'],
        HTTP_ACCEPT: sent['HTTP_ACCEPT'],
        ECOM_BILLTO_POSTAL_CITY: sent['ECOM_BILLTO_POSTAL_CITY'],
      },
      {
        FLAG3D: 'Y',
        WIN3DS: 'MAINW',
        LANGUAGE: 'fr_BE',
        REMOTE_ADDR: '203.0.113.7',
        browserColorDepth: '24',
        browserJavaEnabled: 'false',
        browserLanguage: 'fr-BE',
        browserScreenHeight: '1080',
        browserScreenWidth: '1920',
        browserTimeZone: '-60',
        HTTP_ACCEPT: 'text/html,application/xhtml+xml',
        ECOM_BILLTO_POSTAL_CITY: 'Bruxelles',
      },
    );
    assert.equal(sent['browserUserAgent'], threeDSecure.browser.userAgent);
    assert.equal(sent['ACCEPTURL'], threeDSecure.acceptUrl);
  });

  it('returns the functional outcomes as answers: authorised, refused, unknown alias, challenge, 3-D Secure required', async () => {
    const c = client();
    const authorised = await settle(c.orderDirect(newOrder({ operation: 'RES' })));
    assert.equal(authorised.answer.statusInfo.outcome, 'authorized');
    const refused = await settle(c.orderDirect(newOrder({ alias: 'refused-card' })));
    assert.equal(refused.answer.status, 2);
    const unknown = await settle(c.orderDirect(newOrder({ alias: 'nobody-knows' })));
    assert.equal(unknown.answer.status, 0);
    assert.equal(unknown.answer.ncError, '50001111');
    const challenge = await settle(
      c.orderDirect(newOrder({ alias: 'challenge-card', threeDSecure })),
    );
    assert.equal(challenge.answer.status, 46);
    assert.match(challenge.answer.htmlAnswer ?? '', /^<form action="https:\/\/acs\.example\/3ds">/);
    const insists = await settle(c.orderDirect(newOrder({ alias: 'insists-card' })));
    assert.equal(insists.answer.ncError, '40001139');
  });

  it('reads a re-used ORDERID (50001113) as "already processed" and answers with querydirect', async () => {
    const c = client();
    const request = newOrder();
    const first = await settle(c.orderDirect(request));
    const again = await settle(c.orderDirect(request));
    assert.equal(again.source, 'query');
    assert.equal(again.answer.status, 9);
    assert.equal(again.answer.payId, first.answer.payId);
    assert.equal(fake.payment(request.orderId)!.captured, 1999, 'charged once');
  });

  it('refuses a wrong request before sending anything, naming the field, not the value', async () => {
    const before = fake.requests.length;
    const error = await rejectsWith(
      client().orderDirect(newOrder({ minorAmount: '19.99' })),
      'invalid-request',
    );
    assert.match(error.message, /minorAmount/);
    assert.doesNotMatch(error.message, /19\.99/);
    await rejectsWith(
      client().orderDirect(
        newOrder({
          threeDSecure: { ...threeDSecure, browser: { ...threeDSecure.browser, colorDepth: 23 } },
        }),
      ),
      'invalid-request',
    );
    await rejectsWith(
      client().orderDirect(newOrder({ orderId: 'x'.repeat(41) })),
      'invalid-request',
    );
    await rejectsWith(
      client().orderDirect(null as unknown as OrderDirectRequest),
      'invalid-request',
    );
    await rejectsWith(
      client().orderDirect(newOrder({ customer: { country: 32 as unknown as string } })),
      'invalid-request',
    );
    assert.equal(fake.requests.length, before);
  });
});

describe('maintenancedirect and querydirect', () => {
  it('captures part of an authorisation, then the rest is refused beyond the amount, then refunds', async () => {
    const c = client();
    const order = newOrder({ operation: 'RES', minorAmount: '1000' });
    const { answer } = await settle(c.orderDirect(order));
    const payId = answer.payId!;
    const part = await settle(
      c.maintenanceDirect({ operation: 'SAL', payId, minorAmount: '400', lastPayIdSub: 0 }),
    );
    assert.deepEqual(
      [part.answer.status, part.answer.payIdSub, part.answer.minorAmount],
      [91, '1', '400'],
    );
    const over = await settle(
      c.maintenanceDirect({ operation: 'SAS', payId, minorAmount: '700', lastPayIdSub: 1 }),
    );
    assert.equal(over.answer.ncError, '50001127');
    const rest = await settle(
      c.maintenanceDirect({ operation: 'SAS', payId, minorAmount: '600', lastPayIdSub: 1 }),
    );
    assert.equal(rest.answer.payIdSub, '2');
    const refund = await settle(
      c.maintenanceDirect({ operation: 'RFD', payId, minorAmount: '250', lastPayIdSub: 2 }),
    );
    assert.deepEqual(
      [refund.answer.status, refund.answer.statusInfo.outcome],
      [81, 'refund-pending'],
    );
    const sent = fake.requests.at(-1)!.params;
    assert.deepEqual(
      [sent['OPERATION'], sent['AMOUNT'], sent['PAYID'], sent['RTIMEOUT']],
      ['RFD', '250', payId, '30'],
    );
  });

  it('queries by ORDERID, by PAYID and by PAYID + PAYIDSUB', async () => {
    const c = client();
    const order = newOrder({ operation: 'RES', minorAmount: '1000' });
    const { answer } = await settle(c.orderDirect(order));
    await settle(
      c.maintenanceDirect({
        operation: 'SAL',
        payId: answer.payId!,
        minorAmount: '300',
        lastPayIdSub: 0,
      }),
    );
    const byOrder = await settle(c.queryDirect({ orderId: order.orderId }));
    assert.equal(byOrder.answer.payId, answer.payId);
    const byPayId = await settle(c.queryDirect({ payId: answer.payId! }));
    assert.equal(byPayId.answer.status, 5);
    const step = await settle(c.queryDirect({ payId: answer.payId!, payIdSub: 1 }));
    assert.deepEqual(
      [step.answer.payIdSub, step.answer.status, step.answer.minorAmount],
      ['1', 91, '300'],
    );
    const unknown = await settle(c.queryDirect({ orderId: 'NEVER-PAID' }));
    assert.equal(unknown.answer.ncError, '50001130');
  });
});

describe('refusals and failures: typed errors, nothing retried', () => {
  it('a wrong API user or password is refused-credentials', async () => {
    const queries = fake.count('querydirect');
    await rejectsWith(
      client({ userId: 'shop-admin' }).orderDirect(newOrder()),
      'refused-credentials',
    );
    await rejectsWith(
      client({ password: 'Not-The-Pswd-1' }).queryDirect({ orderId: 'X1' }),
      'refused-credentials',
    );
    assert.equal(fake.count('querydirect'), queries + 1, 'no recovery query after a refusal');
  });

  it('a wrong DirectLink SHA-IN (or algorithm) is signature-rejected', async () => {
    await rejectsWith(
      client({ shaIn: ECOMMERCE_SHA_IN }).orderDirect(newOrder()),
      'signature-rejected',
    );
    await rejectsWith(
      client({ hashAlgorithm: 'sha256' }).maintenanceDirect({
        operation: 'SAL',
        payId: '1',
        minorAmount: '1',
        lastPayIdSub: 0,
      }),
      'signature-rejected',
    );
  });

  it('an unreachable host is unreachable; a 404 page is invalid-answer', async () => {
    const closed = await new FakeDirectLink({
      pspid: 'x',
      userId: 'x',
      password: 'x',
      passphrase: 'x',
      algorithm: 'sha1',
    }).start();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await rejectsWith(
      client({ environment: { baseUrl } }).orderDirect(newOrder()),
      'unreachable',
    );
    assert.equal(error.page, 'orderdirect');
    fake.failNext('orderdirect', 'http-404');
    const notFound = await rejectsWith(client().orderDirect(newOrder()), 'invalid-answer');
    assert.equal(notFound.httpStatus, 404);
  });

  it('never hands out a raw fetch exception, nor what it said', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`connect ECONNREFUSED PSWD=${PASSWORD}`), {
          code: 'ECONNREFUSED',
        }),
      });
    }) as typeof globalThis.fetch;
    const error = await rejectsWith(client({ fetch }).orderDirect(newOrder()), 'unreachable');
    assert.equal(error.cause, undefined);
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('scrubs the password from an answer that echoes it', async () => {
    const fetch = (async () =>
      new Response(
        `<ncresponse orderID="E1" PAYID="9" NCERROR="0" STATUS="9" NCERRORPLUS="got PSWD=${PASSWORD}" ECHO="${PASSWORD}"/>`,
      )) as typeof globalThis.fetch;
    const result = await settle(client({ fetch }).orderDirect(newOrder({ orderId: 'E1' })));
    assert.equal(result.answer.ncErrorPlus, 'got PSWD=[redacted]');
    assert.equal(result.answer.attributes['ECHO'], '[redacted]');
  });
});

describe('lost answers: querydirect first, never a double charge or a double capture', () => {
  it('waits longer than RTIMEOUT, then finds the payment with querydirect and does not pay again', async () => {
    const clock = new FakeClock();
    const request = newOrder();
    fake.failNext('orderdirect', 'hang-after');
    const arrived = fake.received('orderdirect');
    let done = false;
    const pending = settle(client({ clock }).orderDirect(request)).finally(() => (done = true));
    await arrived;
    assert.deepEqual(clock.delays(), [40_000], 'the client waits RTIMEOUT (30 s) + 10 s');
    clock.advance(30_000);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(done, false, 'still waiting when Ogone gives up');
    clock.advance(10_000);
    const result = await pending;
    assert.equal(result.source, 'query');
    assert.equal(result.sends, 1);
    assert.equal(result.answer.status, 9);
    assert.equal(fake.requests.filter((r) => r.params['ORDERID'] === request.orderId).length, 2);
    assert.equal(fake.payment(request.orderId)!.captured, 1999, 'charged once');
    assert.equal(clock.pending, 0, 'no timer left behind');
  });

  it('sends again, with the same ORDERID, only after querydirect shows it was never processed', async () => {
    const clock = new FakeClock();
    const request = newOrder();
    fake.failNext('orderdirect', 'hang');
    const arrived = fake.received('orderdirect');
    const pending = settle(client({ clock }).orderDirect(request));
    await arrived;
    clock.advance(40_000);
    const result = await pending;
    assert.equal(result.source, 'direct');
    assert.equal(result.sends, 2);
    const calls = fake.requests
      .filter((r) => r.params['ORDERID'] === request.orderId)
      .map((r) => r.page);
    assert.deepEqual(calls, ['orderdirect', 'querydirect', 'orderdirect']);
    assert.equal(fake.payment(request.orderId)!.captured, 1999);
  });

  for (const fault of ['reset-after', 'http-500-after', 'garbage-after'] as const) {
    it(`recovers a ${fault} answer with querydirect without paying twice`, async () => {
      const request = newOrder();
      fake.failNext('orderdirect', fault);
      const result = await settle(client().orderDirect(request));
      assert.equal(result.source, 'query');
      assert.equal(result.answer.status, 9);
      assert.equal(
        fake.requests.filter(
          (r) => r.params['ORDERID'] === request.orderId && r.page === 'orderdirect',
        ).length,
        1,
      );
    });
  }

  it('a reset before processing is sent again after the query', async () => {
    const request = newOrder();
    fake.failNext('orderdirect', 'reset-before');
    const result = await settle(client().orderDirect(request));
    assert.deepEqual([result.source, result.sends, result.answer.status], ['direct', 2, 9]);
  });

  it('answer-lost when querydirect cannot answer either: never sent again', async () => {
    const request = newOrder();
    fake.failNext('orderdirect', 'reset-after');
    fake.failNext('querydirect', 'garbage-after');
    const error = await rejectsWith(client().orderDirect(request), 'answer-lost');
    assert.equal(error.lostBecause, 'connection-reset');
    assert.equal(error.orderId, request.orderId);
    assert.equal(
      fake.requests.filter(
        (r) => r.page === 'orderdirect' && r.params['ORDERID'] === request.orderId,
      ).length,
      1,
    );
  });

  it('answer-lost after two timeouts (the page and the query), timers cleaned up', async () => {
    const clock = new FakeClock();
    fake.failNext('orderdirect', 'hang-after');
    fake.failNext('querydirect', 'hang');
    const arrived = fake.received('orderdirect');
    const pending = rejectsWith(client({ clock }).orderDirect(newOrder()), 'answer-lost');
    await arrived;
    const queried = fake.received('querydirect');
    clock.advance(40_000);
    await queried;
    clock.advance(40_000);
    const error = await pending;
    assert.equal(error.lostBecause, 'timeout');
    assert.equal(clock.pending, 0);
  });

  it('a lost capture is found at its step (PAYID + PAYIDSUB): captured once', async () => {
    const c = client();
    const order = newOrder({ operation: 'RES', minorAmount: '1000' });
    const payId = (await settle(c.orderDirect(order))).answer.payId!;
    await settle(
      c.maintenanceDirect({ operation: 'SAL', payId, minorAmount: '300', lastPayIdSub: 0 }),
    );
    fake.failNext('maintenancedirect', 'reset-after');
    const result = await settle(
      c.maintenanceDirect({ operation: 'SAL', payId, minorAmount: '300', lastPayIdSub: 1 }),
    );
    assert.deepEqual(
      [result.source, result.sends, result.answer.payIdSub, result.answer.status],
      ['query', 1, '2', 91],
    );
    const query = fake.requests.at(-1)!;
    assert.deepEqual(
      [query.page, query.params['PAYID'], query.params['PAYIDSUB']],
      ['querydirect', payId, '2'],
    );
    assert.equal(fake.payment(order.orderId)!.captured, 600, 'two captures of 300, not three');
  });

  for (const unknownStep of ['latest', 'error'] as const) {
    it(`a capture lost before processing is sent again once its step is shown missing (${unknownStep})`, async () => {
      const local = await new FakeDirectLink({
        pspid: 'MyPSPID',
        userId: 'api-user',
        password: PASSWORD,
        passphrase: DIRECTLINK_SHA_IN,
        algorithm: 'sha512',
        unknownStep,
      }).start();
      try {
        local.addAlias('cust-1-VISA');
        const c = client({ environment: { baseUrl: local.baseUrl } });
        const order = newOrder({ operation: 'RES', minorAmount: '1000' });
        const payId = (await settle(c.orderDirect(order))).answer.payId!;
        local.failNext('maintenancedirect', 'reset-before');
        const result = await settle(
          c.maintenanceDirect({ operation: 'SAS', payId, minorAmount: '1000', lastPayIdSub: 0 }),
        );
        assert.deepEqual([result.source, result.sends, result.answer.payIdSub], ['direct', 2, '1']);
        assert.equal(local.payment(order.orderId)!.captured, 1000);
        assert.deepEqual(
          local.requests.map((r) => r.page),
          ['orderdirect', 'maintenancedirect', 'querydirect', 'maintenancedirect'],
        );
      } finally {
        await local.close();
      }
    });
  }

  it('a refund whose answer and query are both unreadable is answer-lost, never refunded twice', async () => {
    const c = client();
    const order = newOrder({ minorAmount: '1000' });
    const payId = (await settle(c.orderDirect(order))).answer.payId!;
    fake.failNext('maintenancedirect', 'http-500-after');
    fake.failNext('querydirect', 'http-500-after');
    const error = await rejectsWith(
      c.maintenanceDirect({ operation: 'RFD', payId, minorAmount: '400', lastPayIdSub: 0 }),
      'answer-lost',
    );
    assert.equal(error.payId, payId);
    assert.equal(error.lostBecause, 'server-error');
    assert.equal(fake.payment(order.orderId)!.refunded, 400, 'refunded once');
  });

  it('a querydirect call that gets no answer is a timeout, sent once', async () => {
    const clock = new FakeClock();
    fake.failNext('querydirect', 'hang');
    const before = fake.count('querydirect');
    const arrived = fake.received('querydirect');
    const pending = rejectsWith(client({ clock }).queryDirect({ orderId: 'Q-1' }), 'timeout');
    await arrived;
    clock.advance(40_000);
    await pending;
    await until(() => fake.count('querydirect') === before + 1);
  });
});

describe('logs and the secret scan', () => {
  it('logs every exchange and recovery step with page, ids, STATUS and timing', () => {
    const steps = new Set(logs.map((entry) => entry.step));
    for (const step of ['sent', 'query', 'resend', 'resolved', 'failed'] as const) {
      assert.ok(steps.has(step), step);
    }
    const sent = logs.find((entry) => entry.step === 'sent' && entry.status === 9)!;
    assert.equal(sent.event, 'directlink');
    assert.equal(sent.level, 'info');
    assert.equal(typeof sent.durationMs, 'number');
    assert.ok(logs.some((entry) => entry.level === 'warn' && entry.problem === 'timeout'));
    assert.ok(
      logs.some((entry) => entry.level === 'error' && entry.problem === 'refused-credentials'),
    );
  });

  it('no API password, passphrase or card number in any log line, error or returned value', () => {
    const everything =
      JSON.stringify(logs) +
      observed
        .map((value) =>
          typeof value === 'string' ? value : inspect(value, { depth: 8 }) + JSON.stringify(value),
        )
        .join('\n');
    assert.ok(observed.length > 40, `scanned ${observed.length} results`);
    for (const secret of SECRETS) {
      assert.equal(everything.includes(secret), false, `found ${secret.slice(0, 4)}…`);
      assert.equal(everything.includes(encodeURIComponent(secret)), false);
    }
    // The fake platform did receive the password: the scan looks where it could have leaked.
    assert.ok(fake.requests.some((r) => r.params['PSWD'] === PASSWORD));
  });
});
