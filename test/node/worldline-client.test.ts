import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OgoneConfigError } from '../../src/server/config/config-error.js';
import { formatHttpDate } from '../../src/protocol/worldline/http-date.js';
import {
  parseAuthorization,
  stringToHash,
  v1HmacSignature,
} from '../../src/protocol/worldline/v1hmac.js';
import {
  createWorldlineDirectClient,
  type WorldlineDirectClient,
} from '../../src/server/providers/worldline-direct/client.js';
import { WorldlineError } from '../../src/server/providers/worldline-direct/errors.js';
import type { WorldlineClientOptions } from '../../src/server/providers/worldline-direct/options.js';
import type {
  Clock,
  WorldlineLogEntry,
} from '../../src/server/providers/worldline-direct/types.js';
import { WORLDLINE_VECTORS as V } from '../helpers/worldline-vectors.js';

const API_SECRET = 'Api+Secret/Of=Test-7c1d5b';
const WEBHOOK_SECRET = 'Webhook+Secret/Of=Test-90aa';

interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

type Reply = (sent: Sent) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A client over a fake fetch that records every request. */
function clientWith(reply: Reply, extra: Partial<WorldlineClientOptions> = {}) {
  const sent: Sent[] = [];
  const logs: WorldlineLogEntry[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const entry: Sent = {
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
    };
    sent.push(entry);
    return reply(entry);
  };
  const client = createWorldlineDirectClient({
    merchantId: 'TESTPSPID',
    apiKeyId: 'KEY-1',
    apiSecret: API_SECRET,
    webhookKeyId: 'WH-1',
    webhookSecret: WEBHOOK_SECRET,
    environment: 'test',
    fetch: fetchImpl as typeof fetch,
    log: (entry) => logs.push(entry),
    ...extra,
  });
  return { client, sent, logs };
}

const PAYMENT = {
  id: '3066019730_0',
  status: 'PENDING_CAPTURE',
  statusOutput: { statusCode: 5, statusCategory: 'PENDING_MERCHANT', isCancellable: true },
  paymentOutput: { amountOfMoney: { amount: 1999, currencyCode: 'EUR' } },
};

/** Every call of the client once, with plausible answers. */
async function everyCall(client: WorldlineDirectClient) {
  const money = { minor: '1999', currency: 'EUR' };
  await client.createHostedCheckout({
    amount: money,
    merchantReference: 'order-1',
    returnUrl: 'https://shop.example/return',
    authorizationMode: 'SALE',
  });
  await client.getHostedCheckout('3066019730');
  await client.getPayment('3066019730_0');
  await client.createTokenPayment({
    amount: money,
    merchantReference: 'order-2',
    token: 'tok-1',
    authorizationMode: 'SALE',
    initiator: 'merchant',
  });
  await client.capturePayment('3066019730_0', { amount: { minor: '500', currency: 'EUR' } });
  await client.cancelPayment('3066019730_0');
  await client.refundPayment('3066019730_0', { amount: { minor: '500', currency: 'EUR' } });
  await client.getToken('tok-1');
  await client.deleteToken('tok-1');
  await client.testConnection();
}

function answerFor(sent: Sent): Response {
  const path = sent.url.pathname;
  if (path.endsWith('/hostedcheckouts')) {
    return json(200, {
      hostedCheckoutId: '3066019730',
      RETURNMAC: 'mac-1',
      redirectUrl: 'https://payment.example/x',
    });
  }
  if (path.includes('/hostedcheckouts/')) return json(200, { status: 'IN_PROGRESS' });
  if (path.endsWith('/capture'))
    return json(201, { id: '3066019730_1', status: 'CAPTURED', statusOutput: { statusCode: 9 } });
  if (path.endsWith('/refund'))
    return json(201, { id: '3066019730_2', status: 'REFUNDED', statusOutput: { statusCode: 8 } });
  if (path.endsWith('/cancel')) return json(200, { payment: PAYMENT });
  if (path.endsWith('/payments')) return json(201, { payment: PAYMENT });
  if (path.includes('/payments/')) return json(200, PAYMENT);
  if (path.includes('/tokens/') && sent.method === 'DELETE')
    return new Response(null, { status: 204 });
  if (path.includes('/tokens/')) return json(200, { id: 'tok-1', paymentProductId: 1 });
  return json(200, { result: 'OK' });
}

describe('Worldline Direct client: options', () => {
  const base = {
    merchantId: 'TESTPSPID',
    apiKeyId: 'KEY-1',
    apiSecret: API_SECRET,
    webhookKeyId: 'WH-1',
    webhookSecret: WEBHOOK_SECRET,
    environment: 'test',
  } as const;

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['merchantId', { merchantId: 'has space' }, /PSPID/],
    ['merchantId', { merchantId: 42 }, /must be a string/],
    ['apiKeyId', { apiKeyId: 'a:b' }, /without spaces or ":"/],
    ['apiSecret', { apiSecret: '' }, /must not be empty/],
    ['apiSecret', { apiSecret: `${API_SECRET}\n` }, /line break/],
    ['webhookKeyId', { webhookKeyId: 42 }, /string/],
    ['webhookSecret', { webhookSecret: ` ${WEBHOOK_SECRET}` }, /space/],
    ['environment', { environment: 'preprod' }, /"test", "prod"/],
    ['environment.baseUrl', { environment: { baseUrl: 'http://payment.example' } }, /https/],
    [
      'environment.baseUrl',
      { environment: { baseUrl: 'https://u:p@payment.example' } },
      /credentials/,
    ],
    ['environment.baseUrl', { environment: { baseUrl: 'https://payment.example/?x=1' } }, /query/],
    ['environment.baseUrl', { environment: { baseUrl: 'payment.example' } }, /absolute/],
    ['timeoutMs', { timeoutMs: 5 }, /at least 1000/],
    ['fetch', { fetch: 'no' }, /function/],
    ['clock', { clock: { now: () => 0 } }, /setTimeout/],
  ];
  for (const [option, change, message] of cases) {
    it(`names ${option} (${JSON.stringify(change).slice(0, 60)}) and never echoes a secret`, () => {
      assert.throws(
        () =>
          createWorldlineDirectClient({ ...base, ...change } as unknown as WorldlineClientOptions),
        (error: unknown) => {
          assert.ok(error instanceof OgoneConfigError);
          assert.equal(error.option, option);
          assert.match(error.message, message);
          assert.ok(!error.message.includes(API_SECRET) && !error.message.includes(WEBHOOK_SECRET));
          return true;
        },
      );
    });
  }

  it('says a missing setting is required', () => {
    const rest: Record<string, unknown> = { ...base };
    delete rest.apiSecret;
    assert.throws(
      () => createWorldlineDirectClient(rest as unknown as WorldlineClientOptions),
      (error: unknown) =>
        error instanceof OgoneConfigError &&
        error.option === 'apiSecret' &&
        /is required/.test(error.message),
    );
  });

  it('accepts plain http on a loopback host (the sandbox) and resolves the base URLs', () => {
    const local = createWorldlineDirectClient({
      ...base,
      environment: { baseUrl: 'http://127.0.0.1:9000/worldline/' },
    });
    assert.equal(local.baseUrl, 'http://127.0.0.1:9000/worldline');
    assert.equal(
      createWorldlineDirectClient(base).baseUrl,
      'https://payment.preprod.direct.worldline-solutions.com',
    );
    assert.equal(
      createWorldlineDirectClient({ ...base, environment: 'prod' }).baseUrl,
      'https://payment.direct.worldline-solutions.com',
    );
  });
});

describe('Worldline Direct client: what goes on the wire', () => {
  it('reproduces vectors C1 and C2 byte for byte (clock, key and ids of the vectors)', async () => {
    const clock: Clock = {
      now: () => Date.UTC(2014, 5, 6, 13, 39, 43),
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    };
    const c1 = V.requests.find((v) => v.id.startsWith('C1'))!;
    const c2 = V.requests.find((v) => v.id.startsWith('C2'))!;
    const { client, sent } = clientWith(answerFor, {
      apiKeyId: c1.apiKeyId,
      apiSecret: c1.secretApiKey,
      clock,
    });
    await client.createHostedCheckout(
      {
        amount: { minor: '1000', currency: 'EUR' },
        merchantReference: 'order-1',
        returnUrl: 'https://shop.example/return',
        authorizationMode: 'SALE',
      },
      { idempotenceKey: 'order-1-attempt-1' },
    );
    await client.getHostedCheckout('3066019730');
    assert.equal(sent[0]!.headers.get('authorization'), c1.authorization);
    assert.equal(sent[1]!.headers.get('authorization'), c2.authorization);
    assert.equal(
      sent[0]!.url.href,
      'https://payment.preprod.direct.worldline-solutions.com/v2/TESTPSPID/hostedcheckouts',
    );
  });

  it('signs every call as documented: Content-Type only with a body, the key on creating calls only', async () => {
    const { client, sent } = clientWith(answerFor);
    await everyCall(client);
    assert.equal(sent.length, 10);
    const creating = new Set(['/hostedcheckouts', '/payments', '/capture', '/cancel', '/refund']);
    for (const request of sent) {
      const path = request.url.pathname;
      const isCreating = [...creating].some((end) => path.endsWith(end));
      assert.equal(request.method === 'POST', isCreating, path);
      assert.equal(
        request.headers.get('content-type'),
        isCreating ? 'application/json' : null,
        path,
      );
      assert.equal(request.body !== undefined, isCreating, path);
      const key = request.headers.get('x-gcs-idempotence-key');
      if (isCreating) assert.match(key ?? '', /^[\x21-\x7e]{1,40}$/, path);
      else assert.equal(key, null, path);
      const date = request.headers.get('date')!;
      assert.equal(formatHttpDate(new Date(Date.parse(date))), date);
      const auth = parseAuthorization(request.headers.get('authorization'))!;
      assert.equal(auth.apiKeyId, 'KEY-1');
      const expected = await v1HmacSignature(
        API_SECRET,
        stringToHash({
          method: request.method,
          contentType: request.headers.get('content-type') ?? '',
          date,
          headers: request.headers,
          resource: path,
        }),
      );
      assert.equal(auth.signature, expected, path);
    }
    const keys = sent.map((r) => r.headers.get('x-gcs-idempotence-key')).filter((k) => k !== null);
    assert.equal(new Set(keys).size, keys.length, 'a fresh key per creating call');
  });

  it('builds the documented bodies (amounts in the smallest unit, markers, locale)', async () => {
    const { client, sent } = clientWith(answerFor);
    await client.createHostedCheckout({
      amount: { minor: '123400', currency: 'JPY' },
      merchantReference: 'order-1',
      returnUrl: 'https://shop.example/return',
      authorizationMode: 'FINAL_AUTHORIZATION',
      language: 'nl-BE',
      saveCard: 'ask',
      tokens: ['tok-a', 'ALIAS_LEGACY_1'],
      webhookUrl: 'https://shop.example/hooks',
    });
    await client.createTokenPayment({
      amount: { minor: '1999', currency: 'EUR' },
      merchantReference: 'order-2',
      token: 'ALIAS_LEGACY_1',
      authorizationMode: 'SALE',
      initiator: 'customer',
      returnUrl: 'https://shop.example/3ds',
    });
    await client.capturePayment('1_0');
    const checkout = JSON.parse(sent[0]!.body!);
    assert.deepEqual(checkout.order.amountOfMoney, { amount: 1234, currencyCode: 'JPY' });
    assert.equal(checkout.hostedCheckoutSpecificInput.locale, 'nl_BE');
    assert.equal(checkout.hostedCheckoutSpecificInput.showResultPage, false);
    assert.equal(checkout.hostedCheckoutSpecificInput.tokens, 'tok-a,ALIAS_LEGACY_1');
    assert.equal(
      checkout.hostedCheckoutSpecificInput.cardPaymentMethodSpecificInput.tokenizationMode,
      'createWithConsent',
    );
    assert.deepEqual(checkout.feedbacks, { webhooksUrls: ['https://shop.example/hooks'] });
    const payment = JSON.parse(sent[1]!.body!);
    assert.equal(payment.cardPaymentMethodSpecificInput.token, 'ALIAS_LEGACY_1');
    assert.equal(
      payment.cardPaymentMethodSpecificInput.unscheduledCardOnFileRequestor,
      'cardholderInitiated',
    );
    assert.equal(
      payment.cardPaymentMethodSpecificInput.unscheduledCardOnFileSequenceIndicator,
      'subsequent',
    );
    assert.equal(
      payment.cardPaymentMethodSpecificInput.threeDSecure.redirectionData.returnUrl,
      'https://shop.example/3ds',
    );
    assert.deepEqual(
      JSON.parse(sent[2]!.body!),
      { isFinal: true },
      'a capture without amount is full and final',
    );
  });

  it('refuses bad input before sending anything', async () => {
    const { client, sent } = clientWith(answerFor);
    const money = { minor: '1999', currency: 'EUR' };
    const refusals: (() => Promise<unknown>)[] = [
      () =>
        client.createHostedCheckout({
          amount: money,
          merchantReference: 'x'.repeat(31),
          returnUrl: 'https://s.example/r',
          authorizationMode: 'SALE',
        }),
      () =>
        client.createHostedCheckout({
          amount: money,
          merchantReference: 'o',
          returnUrl: '/relative',
          authorizationMode: 'SALE',
        }),
      () =>
        client.createHostedCheckout({
          amount: { minor: '1999', currency: 'JPY' },
          merchantReference: 'o',
          returnUrl: 'https://s.example/r',
          authorizationMode: 'SALE',
        }),
      () =>
        client.createHostedCheckout({
          amount: money,
          merchantReference: 'o',
          returnUrl: 'https://s.example/r',
          authorizationMode: 'SALE',
          tokens: ['a,b'],
        }),
      () =>
        client.createTokenPayment({
          amount: money,
          merchantReference: 'o',
          token: 't',
          authorizationMode: 'SALE',
          initiator: 'customer',
        }),
      () => client.capturePayment('1_0', { amount: { minor: '100', currency: 'JPY' } }),
      () => client.getPayment(''),
      () => client.getToken('a b'),
      () => client.capturePayment('1_0', {}, { idempotenceKey: 'x'.repeat(41) }),
      () => client.capturePayment('1_0', {}, { idempotenceKey: 'clé' }),
    ];
    for (const refusal of refusals) {
      await assert.rejects(
        refusal,
        (error: unknown) =>
          error instanceof WorldlineError &&
          error.code === 'invalid-request' &&
          error.effect === 'not-sent',
      );
    }
    assert.equal(sent.length, 0);
  });

  it('percent-encodes ids in paths and signs the decoded form (the Java SDK rule)', async () => {
    const { client, sent } = clientWith(answerFor);
    await client.getToken('alias/with?odd#chars');
    const request = sent[0]!;
    assert.equal(request.url.pathname, '/v2/TESTPSPID/tokens/alias%2Fwith%3Fodd%23chars');
    const auth = parseAuthorization(request.headers.get('authorization'))!;
    const expected = await v1HmacSignature(
      API_SECRET,
      stringToHash({
        method: 'GET',
        contentType: '',
        date: request.headers.get('date')!,
        headers: [],
        resource: '/v2/TESTPSPID/tokens/alias/with?odd#chars',
      }),
    );
    assert.equal(auth.signature, expected);
  });
});

describe('Worldline Direct client: answers and failures', () => {
  const failing = (response: () => Response | Promise<Response>) => clientWith(() => response());

  async function codeOf(promise: Promise<unknown>): Promise<WorldlineError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof WorldlineError, String(error));
      return error;
    }
    assert.fail('expected a WorldlineError');
  }

  const ERROR_BODY = {
    errorId: '15eabcd5-30b3-479b-ae03-67bb351c07e6-00000092',
    errors: [
      {
        errorCode: '50001130',
        id: 'UNKNOWN_PAYMENT_ID',
        httpStatusCode: 404,
        message: 'no such payment',
        propertyName: 'paymentId',
      },
    ],
  };

  it('maps HTTP statuses and error bodies to stable codes with errorId and errors[]', async () => {
    const table: [number, unknown, string][] = [
      [400, ERROR_BODY, 'rejected'],
      [401, {}, 'authentication-failed'],
      [403, { errorId: 'e', errors: [{ id: 'AUTHENTICATION_FAILURE' }] }, 'authentication-failed'],
      [404, ERROR_BODY, 'not-found'],
      [
        409,
        {
          errorId: 'e',
          errors: [{ errorCode: '50001127', id: 'ACTION_NOT_ALLOWED_ON_TRANSACTION' }],
        },
        'not-allowed',
      ],
      [
        409,
        { errorId: 'e', errors: [{ id: 'WHATEVER', message: 'busy' }] },
        'idempotence-in-progress',
      ],
      [409, '', 'idempotence-in-progress'],
      [500, ERROR_BODY, 'platform-error'],
      [503, 'Service Unavailable', 'platform-error'],
      [302, '', 'invalid-answer'],
    ];
    for (const [status, body, code] of table) {
      const { client } = failing(() =>
        typeof body === 'string'
          ? new Response(body === '' ? null : body, { status })
          : json(status, body),
      );
      const error = await codeOf(client.capturePayment('3066019730_0'));
      assert.equal(error.code, code, `HTTP ${status}`);
      assert.equal(error.httpStatus, status);
      assert.equal(error.operation, 'capturePayment');
      assert.ok(error.idempotenceKey, 'the key to resend with');
      if (body === ERROR_BODY) {
        assert.equal(error.errorId, ERROR_BODY.errorId);
        assert.equal(error.errors[0]!.id, 'UNKNOWN_PAYMENT_ID');
        assert.equal(error.errors[0]!.propertyName, 'paymentId');
      }
    }
    const { client } = failing(() => new Response(null, { status: 409 }));
    assert.equal(
      (await codeOf(client.getPayment('1_0'))).code,
      'invalid-answer',
      'a 409 on a GET is not idempotence',
    );
  });

  it('says what a failure means for a resend (effect)', async () => {
    const { client } = failing(() => json(500, {}));
    assert.equal(
      (await codeOf(client.refundPayment('1_0', { amount: { minor: '1', currency: 'EUR' } })))
        .effect,
      'unknown',
    );
    const refused = failing(() => json(400, ERROR_BODY)).client;
    assert.equal((await codeOf(refused.capturePayment('1_0'))).effect, 'refused');
  });

  it('network failures: refused connection (not sent), reset (maybe processed), timeout', async () => {
    const refused = failing(() =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      ),
    );
    const e1 = await codeOf(refused.client.capturePayment('1_0'));
    assert.equal(e1.code, 'unreachable');
    assert.equal(e1.effect, 'not-sent');
    const reset = failing(() =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
      ),
    );
    assert.equal((await codeOf(reset.client.capturePayment('1_0'))).code, 'connection-lost');

    // A clock whose timers fire at once, and a platform that never answers.
    const clock: Clock = {
      now: () => 0,
      setTimeout: (callback) => setImmediate(callback),
      clearTimeout: (handle) => clearImmediate(handle as NodeJS.Immediate),
    };
    const { client } = clientWith(
      (sent) =>
        new Promise<Response>((_, reject) => {
          sent.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
      { clock },
    );
    const error = await codeOf(client.capturePayment('1_0'));
    assert.equal(error.code, 'timeout');
    assert.equal(error.effect, 'unknown');
  });

  it('refuses answers that are not JSON, too large, or without the documented ids', async () => {
    assert.equal(
      (
        await codeOf(
          failing(() => new Response('<html>', { status: 200 })).client.getPayment('1_0'),
        )
      ).code,
      'invalid-answer',
    );
    const huge = 'x'.repeat(1024 * 1024 + 10);
    assert.equal(
      (
        await codeOf(
          failing(() => new Response(`{"a":"${huge}"}`, { status: 200 })).client.getPayment('1_0'),
        )
      ).code,
      'invalid-answer',
    );
    assert.equal(
      (await codeOf(failing(() => json(200, { status: 'CAPTURED' })).client.getPayment('1_0')))
        .code,
      'invalid-answer',
    );
    const noMac = failing(() =>
      json(200, { hostedCheckoutId: '1', redirectUrl: 'https://x.example' }),
    ).client;
    assert.equal(
      (
        await codeOf(
          noMac.createHostedCheckout({
            amount: { minor: '1', currency: 'EUR' },
            merchantReference: 'o',
            returnUrl: 'https://s.example/r',
            authorizationMode: 'SALE',
          }),
        )
      ).code,
      'invalid-answer',
    );
  });

  it('a declined token payment (402 with paymentResult) is a result, not a throw', async () => {
    const { client } = failing(() =>
      json(402, {
        errorId: 'err-1',
        errors: [{ errorCode: '30041001', id: 'AUTHORIZATION_REFUSED' }],
        paymentResult: {
          payment: { ...PAYMENT, status: 'REJECTED', statusOutput: { statusCode: 2 } },
        },
      }),
    );
    const result = await client.createTokenPayment({
      amount: { minor: '1999', currency: 'EUR' },
      merchantReference: 'o',
      token: 'tok',
      authorizationMode: 'SALE',
      initiator: 'merchant',
    });
    assert.equal(result.kind, 'declined');
    assert.equal(result.payment?.status.info.outcome, 'refused');
    assert.deepEqual(result.kind === 'declined' && result.errorIds, ['AUTHORIZATION_REFUSED']);
  });

  it('reports an idempotent replay (X-GCS-Idempotence-Request-Timestamp)', async () => {
    const { client } = failing(() =>
      json(
        201,
        { id: '1_1', statusOutput: { statusCode: 9 } },
        { 'X-GCS-Idempotence-Request-Timestamp': '1764572599000' },
      ),
    );
    const capture = await client.capturePayment('1_0', {}, { idempotenceKey: 'cap-1' });
    assert.deepEqual(capture.idempotence, { key: 'cap-1', replayedFrom: 1764572599000 });
  });

  it('never lets a full card number through a view', async () => {
    const { client } = failing(() =>
      json(200, {
        ...PAYMENT,
        paymentOutput: {
          cardPaymentMethodSpecificOutput: { card: { cardNumber: '4111111111111111' } },
        },
      }),
    );
    assert.equal((await client.getPayment('1_0')).card?.number, '************1111');
  });

  it('keeps both secrets out of errors and logs, even when the platform echoes them', async () => {
    const echo = `${API_SECRET} ${encodeURIComponent(WEBHOOK_SECRET)}`;
    const { client, logs } = clientWith(() =>
      json(400, {
        errorId: API_SECRET,
        errors: [{ id: 'X', message: echo, propertyName: WEBHOOK_SECRET }],
      }),
    );
    const error = await codeOf(client.capturePayment('1_0'));
    const everything = JSON.stringify({
      message: error.message,
      errors: error.errors,
      errorId: error.errorId,
      logs,
    });
    for (const secret of [
      API_SECRET,
      WEBHOOK_SECRET,
      encodeURIComponent(API_SECRET),
      encodeURIComponent(WEBHOOK_SECRET),
    ]) {
      assert.ok(!everything.includes(secret), `no ${secret.slice(0, 6)}… anywhere`);
    }
    assert.ok(!everything.includes('GCS v1HMAC'), 'no Authorization value');
    assert.match(error.message, /\[redacted\]/);
  });

  it('a throwing logger never changes a payment', async () => {
    const { client } = clientWith(answerFor, {
      log: () => {
        throw new Error('logger down');
      },
    });
    assert.equal((await client.getPayment('1_0')).id, '3066019730_0');
  });
});
