import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { PaymentResultSchema, SignedPayloadSchema } from '../../src/contract/schemas.js';
import { signShaOut, type HashAlgorithm } from '../../src/protocol/index.js';
import { webCryptoDigest } from '../../src/server/digest.js';
import {
  createOgoneHandler,
  OgoneConfigError,
  type FeedbackResult,
  type OgoneHandlerOptions,
  type OgoneLogEntry,
  type TrustedOrder,
} from '../../src/server/index.js';

const SHA_IN = 'In-Passphrase-0123456789';
const SHA_OUT = 'Out-Passphrase-9876543210';
const SHOP = 'https://shop.example';
const RETURN_URL = `${SHOP}/checkout/return?step=back`;

const ORDERS: Record<string, TrustedOrder> = {
  'A-1042': {
    amount: '10.50',
    currency: 'EUR',
    language: 'nl_BE',
    customer: {
      name: 'Bárbara Ålvarez',
      email: 'barbara@example.com',
      address: 'Rua São Paulo 1',
      zip: '1000',
      town: 'Brussel',
      country: 'be',
      phone: '+32 2 555 00 00',
    },
    customerId: 'cust 42',
    allowSaveCard: true,
  },
  'B-7': { amount: 5, currency: 'USD' },
};

interface Setup {
  handler: (request: Request) => Promise<Response>;
  logs: OgoneLogEntry[];
  deliveries: FeedbackResult[];
  lookups: string[];
}

function setup(overrides: Partial<OgoneHandlerOptions> = {}): Setup {
  const logs: OgoneLogEntry[] = [];
  const deliveries: FeedbackResult[] = [];
  const lookups: string[] = [];
  const handler = createOgoneHandler({
    pspid: 'SHOP1',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    hashAlgorithm: 'sha512',
    environment: 'test',
    allowedReturnOrigins: [SHOP],
    resolveOrder: (orderRef) => {
      lookups.push(orderRef);
      return ORDERS[orderRef] ?? null;
    },
    onPaymentResult: (result) => {
      deliveries.push(result);
    },
    logger: (entry) => logs.push(entry),
    ...overrides,
  });
  return { handler, logs, deliveries, lookups };
}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(
  handler: Setup['handler'],
  method: string,
  path: string,
  init: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await handler(
    new Request(`http://127.0.0.1${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

function errorCode(answer: Answer): unknown {
  return (answer.body['error'] as { code?: unknown } | undefined)?.code;
}

/** An independent SHA-IN, written from the protocol notes, hashed with node:crypto. */
function independentShaIn(fields: Record<string, string>, passphrase: string, algorithm: string) {
  const text = Object.entries(fields)
    .filter(([name, value]) => name !== 'SHASIGN' && value !== '')
    .map(([name, value]) => [name.toUpperCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}${passphrase}`)
    .join('');
  return createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();
}

/** Today as Ogone's TRXDATE (`MM/DD/YY`, UTC). */
const TODAY = (() => {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getUTCMonth() + 1)}/${two(now.getUTCDate())}/${two(now.getUTCFullYear() % 100)}`;
})();

/** What Ogone sends back (redirect query or feedback), signed with SHA-OUT like Ogone does. */
async function ogoneReturn(
  values: Record<string, string>,
  algorithm: HashAlgorithm = 'sha512',
  passphrase = SHA_OUT,
): Promise<URLSearchParams> {
  const params: Record<string, string> = {
    orderID: 'A-1042-0000000001',
    amount: '10.5',
    currency: 'EUR',
    PM: 'CreditCard',
    ACCEPTANCE: 'test123',
    STATUS: '9',
    CARDNO: 'XXXXXXXXXXXX1111',
    ED: '1229',
    CN: 'Bárbara Ålvarez',
    TRXDATE: TODAY,
    PAYID: '3045678901',
    NCERROR: '0',
    BRAND: 'VISA',
    IP: '192.0.2.1',
    COMPLUS: 'A-1042',
    ...values,
  };
  for (const [name, value] of Object.entries(params)) if (value === '') delete params[name];
  const shasign = await signShaOut(params, passphrase, algorithm);
  // A parameter of the shop's own return URL: not signed, must be ignored.
  return new URLSearchParams({ step: 'back', ...params, SHASIGN: shasign });
}

async function sign(s: Setup, body: Record<string, unknown> = {}) {
  return call(s.handler, 'POST', '/ogone/sign', {
    json: { orderRef: 'A-1042', returnUrl: RETURN_URL, ...body },
  });
}

describe('options', () => {
  const base: OgoneHandlerOptions = {
    pspid: 'SHOP1',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: 'prod',
    allowedReturnOrigins: [SHOP],
    resolveOrder: () => null,
    onPaymentResult: () => {},
    logger: false,
  };

  function configError(options: Partial<OgoneHandlerOptions> | Record<string, unknown>) {
    try {
      createOgoneHandler({ ...base, ...options } as OgoneHandlerOptions);
    } catch (error) {
      assert.ok(
        error instanceof OgoneConfigError,
        `expected OgoneConfigError, got ${String(error)}`,
      );
      return error;
    }
    assert.fail('expected createOgoneHandler to throw');
  }

  it('names the wrong option', () => {
    assert.equal(configError({ pspid: undefined }).option, 'pspid');
    assert.equal(configError({ hashAlgorithm: 'md5' }).option, 'hashAlgorithm');
    assert.equal(configError({ environment: 'staging' }).option, 'environment');
    assert.equal(
      configError({ environment: { baseUrl: 'ftp://x/ncol/prod' } }).option,
      'environment.baseUrl',
    );
    assert.equal(configError({ allowedReturnOrigins: [] }).option, 'allowedReturnOrigins');
    assert.equal(
      configError({ allowedReturnOrigins: [SHOP, 'https://shop.example/path'] }).option,
      'allowedReturnOrigins.1',
    );
    assert.equal(configError({ resolveOrder: 'orders' }).option, 'resolveOrder');
    assert.equal(configError({ onPaymentResult: undefined }).option, 'onPaymentResult');
    assert.equal(configError({ basePath: 'no slash' }).option, 'basePath');
    assert.match(
      configError({ hashAlgorithm: 'md5' }).message,
      /hashAlgorithm.*sha1, sha256 or sha512/,
    );
  });

  it('in prod, refuses passphrases outside 16-32 characters or equal, without printing them', () => {
    const short = 'short-secret';
    const long = 'L'.repeat(33);
    for (const [options, option] of [
      [{ shaIn: short }, 'shaIn'],
      [{ shaOut: long }, 'shaOut'],
      [{ shaOut: SHA_IN }, 'shaOut'],
      [{ shaIn: short, environment: { baseUrl: 'https://secure.ogone.com/ncol/prod' } }, 'shaIn'],
    ] as const) {
      const error = configError(options);
      assert.equal(error.option, option);
      assert.match(error.message, /prod/);
      for (const secret of [short, long, SHA_IN, SHA_OUT]) {
        assert.ok(!error.message.includes(secret), 'the message must not contain a passphrase');
      }
    }
  });

  it('in test (or a baseUrl ending in /test), only warns about weak passphrases', () => {
    for (const environment of ['test', { baseUrl: 'http://127.0.0.1:5173/ncol/test' }] as const) {
      const logs: OgoneLogEntry[] = [];
      const handler = createOgoneHandler({
        ...base,
        environment,
        shaIn: 'same-weak',
        shaOut: 'same-weak',
        logger: (entry) => logs.push(entry),
      });
      assert.equal(typeof handler, 'function');
      const warnings = logs.filter((e) => e.event === 'config');
      assert.ok(warnings.length >= 2, 'warns about the length and the equal passphrases');
      for (const warning of warnings) {
        assert.equal(warning.level, 'warn');
        assert.ok(!JSON.stringify(warning).includes('same-weak'));
      }
    }
  });
});

describe('POST /sign', () => {
  it('answers a signed payload whose SHASIGN matches an independent SHA-IN computation', async () => {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      const s = setup({ hashAlgorithm: algorithm });
      const answer = await sign(s);
      assert.equal(answer.status, 200);
      const payload = SignedPayloadSchema.parse(answer.body);
      assert.equal(payload.action, 'https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp');
      assert.equal(payload.method, 'POST');
      assert.equal(
        payload.fields['SHASIGN'],
        independentShaIn(payload.fields, SHA_IN, algorithm),
        `${algorithm} signature`,
      );
      assert.notEqual(
        payload.fields['SHASIGN'],
        independentShaIn(payload.fields, SHA_OUT, algorithm),
        'signed with SHA-IN, never SHA-OUT',
      );
    }
  });

  it('fills every field from the trusted order, never from the browser', async () => {
    const s = setup();
    const answer = await sign(s, { amount: '0.01', currency: 'JPY', AMOUNT: '1' });
    const { fields, orderId } = SignedPayloadSchema.parse(answer.body);
    assert.deepEqual(s.lookups, ['A-1042']);
    assert.equal(fields['PSPID'], 'SHOP1');
    assert.equal(fields['ORDERID'], orderId);
    assert.equal(fields['AMOUNT'], '1050');
    assert.equal(fields['CURRENCY'], 'EUR');
    assert.equal(fields['LANGUAGE'], 'nl_BE');
    assert.equal(fields['CN'], 'Bárbara Ålvarez');
    assert.equal(fields['EMAIL'], 'barbara@example.com');
    assert.equal(fields['OWNERADDRESS'], 'Rua São Paulo 1');
    assert.equal(fields['OWNERZIP'], '1000');
    assert.equal(fields['OWNERTOWN'], 'Brussel');
    assert.equal(fields['OWNERCTY'], 'BE');
    assert.equal(fields['OWNERTELNO'], '+32 2 555 00 00');
    assert.equal(fields['OPERATION'], 'SAL');
    assert.equal(fields['COMPLUS'], 'A-1042');
    for (const name of ['ACCEPTURL', 'DECLINEURL', 'EXCEPTIONURL', 'CANCELURL']) {
      assert.equal(fields[name], RETURN_URL);
    }
    assert.equal(fields['ALIAS'], undefined, 'no alias unless the shopper asks to save the card');
    assert.equal(fields['USERID'], undefined);
  });

  it('gives every call a fresh ORDERID of at most 30 characters', async () => {
    const s = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { orderId } = SignedPayloadSchema.parse((await sign(s)).body);
      assert.ok(orderId.length <= 30);
      assert.match(orderId, /^A-1042-[0-9A-Z]{10}$/);
      ids.add(orderId);
    }
    assert.equal(ids.size, 20);
    const longRef = `R${'x'.repeat(63)}`;
    const long = setup({ resolveOrder: () => ORDERS['B-7']! });
    const payload = SignedPayloadSchema.parse(
      (
        await call(long.handler, 'POST', '/ogone/sign', {
          json: { orderRef: longRef, returnUrl: RETURN_URL },
        })
      ).body,
    );
    assert.ok(payload.orderId.length <= 30);
    assert.match(payload.orderId, /^[A-Za-z0-9_-]+$/);
    assert.equal(payload.fields['COMPLUS'], longRef);
  });

  it('uses the shopper language when given, the number amount and USERID, environment baseUrl', async () => {
    const s = setup({
      userId: 'api-user',
      operation: 'RES',
      environment: { baseUrl: 'http://127.0.0.1:5173/ncol/test/' },
    });
    const answer = await call(s.handler, 'POST', '/ogone/sign', {
      json: { orderRef: 'B-7', returnUrl: RETURN_URL, language: 'fr-BE' },
    });
    const { action, fields } = SignedPayloadSchema.parse(answer.body);
    assert.equal(action, 'http://127.0.0.1:5173/ncol/test/orderstandard_utf8.asp');
    assert.equal(fields['LANGUAGE'], 'fr_BE');
    assert.equal(fields['AMOUNT'], '500');
    assert.equal(fields['CURRENCY'], 'USD');
    assert.equal(fields['USERID'], 'api-user');
    assert.equal(fields['OPERATION'], 'RES');
    assert.equal(fields['CN'], undefined);
    assert.equal(fields['SHASIGN'], independentShaIn(fields, SHA_IN, 'sha512'));
  });

  it('asks Ogone to save the card only when the order allows it', async () => {
    const s = setup({ aliasUsage: 'For your next order' });
    const { fields } = SignedPayloadSchema.parse((await sign(s, { saveCard: true })).body);
    assert.match(fields['ALIAS']!, /^cust42-[0-9A-Z]{12}$/);
    assert.ok(fields['ALIAS']!.length <= 50);
    assert.equal(fields['ALIASUSAGE'], 'For your next order');
    assert.equal(fields['ALIASOPERATION'], 'BYMERCHANT');
    assert.equal(fields['ALIASPERSISTEDAFTERUSE'], 'Y');
    assert.equal(fields['SHASIGN'], independentShaIn(fields, SHA_IN, 'sha512'));

    const refused = await call(s.handler, 'POST', '/ogone/sign', {
      json: { orderRef: 'B-7', returnUrl: RETURN_URL, saveCard: true },
    });
    assert.equal(refused.status, 422);
    assert.equal(errorCode(refused), 'save-card-not-allowed');
  });

  it('refuses return URLs outside allowedReturnOrigins', async () => {
    const s = setup();
    for (const returnUrl of [
      'https://evil.example/return',
      'https://shop.example.evil.example/',
      'http://shop.example/return',
      '/checkout/return',
      'javascript:alert(1)',
      'https://user:pw@shop.example/return',
      'https://shop.example/return#done',
    ]) {
      const answer = await sign(s, { returnUrl });
      assert.equal(answer.status, 400, returnUrl);
      assert.equal(errorCode(answer), 'return-url-not-allowed', returnUrl);
    }
    assert.deepEqual(s.lookups, [], 'the order is not even looked up');
  });

  it('answers typed errors for bad requests', async () => {
    const s = setup();
    const cases: [Answer, number, string][] = [
      [await sign(s, { orderRef: 'NOPE-1' }), 404, 'unknown-order'],
      [await sign(s, { orderRef: 'has space' }), 400, 'invalid-request'],
      [await sign(s, { returnUrl: 42 }), 400, 'invalid-request'],
      [await sign(s, { saveCard: 'yes' }), 400, 'invalid-request'],
      [await call(s.handler, 'POST', '/ogone/sign', { json: [1, 2] }), 400, 'invalid-request'],
      [await call(s.handler, 'POST', '/ogone/sign', { json: null }), 400, 'invalid-request'],
      [
        await call(s.handler, 'POST', '/ogone/sign', {
          body: '{"orderRef":',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'invalid-json',
      ],
      [
        await call(s.handler, 'POST', '/ogone/sign', {
          body: '',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'invalid-json',
      ],
      [
        await call(s.handler, 'POST', '/ogone/sign', {
          body: JSON.stringify({ orderRef: 'A-1042', returnUrl: RETURN_URL }),
          headers: { 'content-type': 'text/plain' },
        }),
        415,
        'unsupported-media-type',
      ],
      [
        await call(s.handler, 'POST', '/ogone/sign', {
          json: { orderRef: 'A-1042', returnUrl: RETURN_URL, pad: 'x'.repeat(16 * 1024) },
        }),
        413,
        'payload-too-large',
      ],
      [await call(s.handler, 'GET', '/ogone/sign'), 405, 'method-not-allowed'],
      [await call(s.handler, 'PUT', '/ogone/verify', { json: {} }), 405, 'method-not-allowed'],
      [await call(s.handler, 'POST', '/ogone/refund', { json: {} }), 404, 'not-found'],
      [await call(s.handler, 'GET', '/'), 404, 'not-found'],
      [await call(s.handler, 'POST', '/ogone/sign/', { json: {} }), 404, 'not-found'],
    ];
    for (const [answer, status, code] of cases) {
      assert.equal(answer.status, status, `${code}: ${JSON.stringify(answer.body)}`);
      assert.equal(errorCode(answer), code);
      const error = answer.body['error'] as { message: unknown };
      assert.equal(typeof error.message, 'string');
      assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    }
    const missing = await call(s.handler, 'POST', '/ogone/sign', { json: { orderRef: 'A-1042' } });
    assert.match((missing.body['error'] as { message: string }).message, /returnUrl/);
    const get = await call(s.handler, 'GET', '/ogone/sign');
    assert.equal(get.headers.get('allow'), 'POST');
  });

  it('answers 502 when resolveOrder throws or returns an invalid order, and logs it scrubbed', async () => {
    const throwing = setup({
      resolveOrder: () => {
        throw new Error(`database down (password ${SHA_IN})`);
      },
    });
    const answer = await sign(throwing);
    assert.equal(answer.status, 502);
    assert.equal(errorCode(answer), 'order-lookup-failed');
    const failure = throwing.logs.find((e) => e.event === 'hook-failed');
    assert.ok(failure && failure.event === 'hook-failed');
    assert.match(failure.message, /database down/);
    assert.ok(!JSON.stringify(throwing.logs).includes(SHA_IN));

    const invalid = setup({ resolveOrder: async () => ({ amount: '1.999', currency: 'EUR' }) });
    const bad = await sign(invalid);
    assert.equal(bad.status, 502);
    assert.equal(errorCode(bad), 'order-lookup-failed');
  });

  it('logs one line per request without secrets or query strings', async () => {
    const s = setup();
    await sign(s);
    await call(s.handler, 'GET', '/ogone/feedback?orderID=x&SHASIGN=y');
    const lines = s.logs.filter((e) => e.event === 'request');
    assert.equal(lines.length, 2);
    assert.equal(lines[0]!.status, 200);
    assert.equal(lines[0]!.orderRef, 'A-1042');
    assert.equal(lines[1]!.path, '/ogone/feedback');
    assert.equal(lines[1]!.code, 'invalid-signature');
  });
});

describe('POST /verify', () => {
  it('round-trips sign → Ogone return → verify for sha1, sha256 and sha512', async () => {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      const s = setup({ hashAlgorithm: algorithm });
      const { fields, orderId } = SignedPayloadSchema.parse((await sign(s)).body);
      const query = await ogoneReturn(
        {
          orderID: orderId,
          amount: String(Number(fields['AMOUNT']) / 100),
          currency: fields['CURRENCY']!,
          COMPLUS: fields['COMPLUS']!,
        },
        algorithm,
      );
      const answer = await call(s.handler, 'POST', '/ogone/verify', {
        json: { query: `?${query.toString()}` },
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const result = PaymentResultSchema.parse(answer.body);
      assert.deepEqual(
        { ...result },
        {
          outcome: 'paid',
          status: 9,
          statusName: 'Payment requested',
          final: true,
          orderRef: 'A-1042',
          orderId,
          payId: '3045678901',
          amount: '10.50',
          currency: 'EUR',
          cardNumber: 'XXXXXXXXXXXX1111',
          brand: 'VISA',
          ncError: '0',
          trxDate: TODAY,
          idempotencyKey: `${orderId}:3045678901:0:9`,
        },
        algorithm,
      );
      assert.deepEqual(s.deliveries, [], '/verify never calls onPaymentResult');
    }
  });

  it('works with the portable WebCrypto digest too', async () => {
    const s = setup({ digest: webCryptoDigest });
    const { fields } = SignedPayloadSchema.parse((await sign(s)).body);
    assert.equal(fields['SHASIGN'], independentShaIn(fields, SHA_IN, 'sha512'));
    const query = await ogoneReturn({ STATUS: '1', PAYID: '' });
    const answer = await call(s.handler, 'POST', '/ogone/verify', {
      json: { query: query.toString() },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body['outcome'], 'cancelled');
    assert.equal(answer.body['idempotencyKey'], 'A-1042-0000000001::0:1');
  });

  it('carries the alias when a card was saved', async () => {
    const s = setup();
    const query = await ogoneReturn({ ALIAS: 'cust42-ABCDEFGHJKMN', STATUS: '5' });
    const answer = await call(s.handler, 'POST', '/ogone/verify', {
      json: { query: query.toString() },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body['alias'], 'cust42-ABCDEFGHJKMN');
    assert.equal(answer.body['outcome'], 'authorized');
  });

  it('refuses tampered, unsigned, wrongly signed or ambiguous results', async () => {
    const s = setup();
    const verify = (query: string) => call(s.handler, 'POST', '/ogone/verify', { json: { query } });

    const tampered = await ogoneReturn({});
    tampered.set('amount', '0.01');
    const unsigned = await ogoneReturn({});
    unsigned.delete('SHASIGN');
    const swapped = await ogoneReturn({}, 'sha512', SHA_IN);
    const duplicated = await ogoneReturn({});
    duplicated.append('AMOUNT', '0.01');
    const emptyHash = createHash('sha512').update('').digest('hex');

    const cases: [string, number, string][] = [
      [tampered.toString(), 403, 'invalid-signature'],
      [unsigned.toString(), 403, 'invalid-signature'],
      [swapped.toString(), 403, 'invalid-signature'],
      [`SHASIGN=${emptyHash}&step=back`, 403, 'invalid-signature'],
      [duplicated.toString(), 400, 'invalid-request'],
      [(await ogoneReturn({ COMPLUS: '' })).toString(), 400, 'invalid-request'],
      [(await ogoneReturn({ STATUS: '' })).toString(), 400, 'invalid-request'],
      [(await ogoneReturn({ amount: '' })).toString(), 400, 'invalid-request'],
    ];
    for (const [query, status, code] of cases) {
      const answer = await verify(query);
      assert.equal(answer.status, status, query);
      assert.equal(errorCode(answer), code, query);
    }
    for (const body of [{}, { query: '' }, { query: 5 }]) {
      const answer = await call(s.handler, 'POST', '/ogone/verify', { json: body });
      assert.equal(answer.status, 400);
      assert.equal(errorCode(answer), 'invalid-request');
    }
  });

  it('refuses a return older than maxReturnAgeDays (default 7, from TRXDATE) with 410 result-expired', async () => {
    const s = setup();
    const day = (daysAgo: number) => {
      const d = new Date(Date.now() - daysAgo * 86_400_000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`;
    };
    const verifyAt = async (handler: Setup['handler'], daysAgo: number) =>
      call(handler, 'POST', '/ogone/verify', {
        json: { query: (await ogoneReturn({ TRXDATE: day(daysAgo) })).toString() },
      });
    assert.equal((await verifyAt(s.handler, 6)).status, 200);
    const old = await verifyAt(s.handler, 9);
    assert.equal(old.status, 410);
    assert.equal(errorCode(old), 'result-expired');
    assert.equal((await verifyAt(setup({ maxReturnAgeDays: 30 }).handler, 9)).status, 200);
    assert.equal((await verifyAt(setup({ maxReturnAgeDays: false }).handler, 400)).status, 200);
    assert.throws(() => setup({ maxReturnAgeDays: 0 }), OgoneConfigError);
    assert.throws(() => setup({ delivery: 'later' as 'sync' }), OgoneConfigError);
    assert.throws(() => setup({ ledger: {} as never }), /ledger/);
  });

  it('checks the amount and currency against resolveOrder', async () => {
    const s = setup();
    for (const values of [{ amount: '10.49' }, { currency: 'USD' }] as Record<string, string>[]) {
      const query = await ogoneReturn(values);
      const answer = await call(s.handler, 'POST', '/ogone/verify', {
        json: { query: query.toString() },
      });
      assert.equal(answer.status, 409, JSON.stringify(values));
      assert.equal(errorCode(answer), 'amount-mismatch');
    }
    const unknown = await ogoneReturn({ COMPLUS: 'GONE-1' });
    const answer = await call(s.handler, 'POST', '/ogone/verify', {
      json: { query: unknown.toString() },
    });
    assert.equal(answer.status, 404);
    assert.equal(errorCode(answer), 'unknown-order');

    const down = setup({ resolveOrder: () => Promise.reject(new Error('timeout')) });
    const failed = await call(down.handler, 'POST', '/ogone/verify', {
      json: { query: (await ogoneReturn({})).toString() },
    });
    assert.equal(failed.status, 502);
    assert.equal(errorCode(failed), 'order-lookup-failed');
  });
});

describe('GET|POST /feedback', () => {
  it('verifies the server-to-server request and delivers the result before answering 200', async () => {
    let resolveHook!: () => void;
    const seen: FeedbackResult[] = [];
    const s = setup({
      onPaymentResult: (result) =>
        new Promise<void>((resolve) => {
          seen.push(result);
          resolveHook = resolve;
        }),
    });
    const query = await ogoneReturn({ ALIAS: 'cust42-ABCDEFGHJKMN' });
    let answered = false;
    const pending = call(s.handler, 'GET', `/ogone/feedback?${query.toString()}`).then((answer) => {
      answered = true;
      return answer;
    });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(answered, false, 'no 200 before onPaymentResult resolved');
    resolveHook();
    const answer = await pending;
    assert.equal(answer.status, 200);
    const result = seen[0]!;
    assert.equal(result.orderCheck, 'matched');
    assert.equal(result.outcome, 'paid');
    assert.equal(result.alias, 'cust42-ABCDEFGHJKMN');
    assert.equal(result.idempotencyKey, 'A-1042-0000000001:3045678901:0:9');
    assert.equal(result.signedParams['ORDERID'], 'A-1042-0000000001');
    assert.equal(result.signedParams['STEP'], undefined, 'unsigned parameters are left out');
    assert.equal(result.signedParams['SHASIGN'], undefined);
    assert.equal(answer.body['idempotencyKey'], result.idempotencyKey);
  });

  it('accepts a form-encoded POST and refuses other bodies and methods', async () => {
    const s = setup();
    const query = await ogoneReturn({});
    const ok = await call(s.handler, 'POST', '/ogone/feedback', {
      body: query.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    assert.equal(ok.status, 200);
    assert.equal(s.deliveries.length, 1);

    const json = await call(s.handler, 'POST', '/ogone/feedback', {
      json: { query: query.toString() },
    });
    assert.equal(json.status, 415);
    assert.equal(errorCode(json), 'unsupported-media-type');
    const put = await call(s.handler, 'PUT', '/ogone/feedback');
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('allow'), 'GET, POST');
    const forged = new URLSearchParams(query);
    forged.set('STATUS', '5');
    const bad = await call(s.handler, 'GET', `/ogone/feedback?${forged.toString()}`);
    assert.equal(bad.status, 403);
    assert.equal(errorCode(bad), 'invalid-signature');
    assert.equal(s.deliveries.length, 1, 'a forged result is never delivered');
  });

  it('answers 503 when onPaymentResult throws, so Ogone retries; the retry succeeds', async () => {
    let calls = 0;
    const keys: string[] = [];
    const s = setup({
      onPaymentResult: async (result) => {
        calls++;
        keys.push(result.idempotencyKey);
        if (calls === 1) throw new Error(`queue unavailable ${SHA_OUT}`);
      },
    });
    const path = `/ogone/feedback?${(await ogoneReturn({})).toString()}`;
    const first = await call(s.handler, 'GET', path);
    assert.equal(first.status, 503);
    assert.equal(errorCode(first), 'result-delivery-failed');
    const retry = await call(s.handler, 'GET', path);
    assert.equal(retry.status, 200);
    assert.equal(calls, 2);
    assert.deepEqual(keys, [keys[0], keys[0]]);
    assert.ok(!JSON.stringify(s.logs).includes(SHA_OUT), 'the hook error is logged scrubbed');
  });

  it('coalesces 100 concurrent deliveries into one hook call with one stable key', async () => {
    const keys: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const s = setup({
      onPaymentResult: async (result) => {
        keys.push(result.idempotencyKey);
        await gate;
      },
    });
    const query = await ogoneReturn({});
    const answers = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0
        ? call(s.handler, 'GET', `/ogone/feedback?${query.toString()}`)
        : call(s.handler, 'POST', '/ogone/feedback', {
            body: query.toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const done = await Promise.all(answers);
    assert.ok(done.every((a) => a.status === 200));
    assert.equal(new Set(done.map((a) => a.body['idempotencyKey'])).size, 1);
    assert.deepEqual(keys, ['A-1042-0000000001:3045678901:0:9'], 'the hook ran once for the burst');
    assert.equal(s.lookups.length, 1, 'the order was looked up once for the burst');

    // A later redelivery (Ogone's deferred retry) reaches the hook again with the same key.
    const later = await call(s.handler, 'GET', `/ogone/feedback?${query.toString()}`);
    assert.equal(later.status, 200);
    assert.deepEqual(keys, [keys[0], keys[0]]);
  });

  it('delivers two partial refunds (two PAYIDSUB) with distinct keys, together or apart, in both orders', async () => {
    const refund = (sub: string) => ogoneReturn({ STATUS: '8', PAYIDSUB: sub });
    for (const order of [
      ['1', '2'],
      ['2', '1'],
    ]) {
      // Together: both arrive while the hook is still busy.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const together = setup({
        onPaymentResult: async (result) => {
          together.deliveries.push(result);
          await gate;
        },
      });
      const queries = await Promise.all(order.map(refund));
      const pending = queries.map((q) =>
        call(together.handler, 'GET', `/ogone/feedback?${q.toString()}`),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      const answers = await Promise.all(pending);
      assert.ok(answers.every((a) => a.status === 200));
      assert.equal(together.deliveries.length, 2, `both refunds delivered (${order.join(', ')})`);
      assert.equal(new Set(together.deliveries.map((d) => d.idempotencyKey)).size, 2);

      // Apart: a receiver deduplicating on the key must still see two steps.
      const apart = setup();
      for (const sub of order) {
        const answer = await call(
          apart.handler,
          'GET',
          `/ogone/feedback?${(await refund(sub)).toString()}`,
        );
        assert.equal(answer.status, 200);
      }
      assert.deepEqual(
        apart.deliveries.map((d) => d.idempotencyKey),
        order.map((sub) => `A-1042-0000000001:3045678901:${sub}:8`),
      );
    }
  });

  it('still delivers a verified result whose amount or order does not match, marked', async () => {
    const s = setup();
    await call(
      s.handler,
      'GET',
      `/ogone/feedback?${(await ogoneReturn({ amount: '1' })).toString()}`,
    );
    await call(
      s.handler,
      'GET',
      `/ogone/feedback?${(await ogoneReturn({ COMPLUS: 'GONE-1' })).toString()}`,
    );
    assert.deepEqual(
      s.deliveries.map((d) => d.orderCheck),
      ['amount-mismatch', 'unknown-order'],
    );
    assert.ok(s.logs.some((e) => e.level === 'warn' && e.event === 'order-mismatch'));
  });

  it('answers 502 (Ogone retries) when the order lookup fails, without delivering', async () => {
    const s = setup({
      resolveOrder: () => {
        throw new Error('db down');
      },
    });
    const answer = await call(
      s.handler,
      'GET',
      `/ogone/feedback?${(await ogoneReturn({})).toString()}`,
    );
    assert.equal(answer.status, 502);
    assert.equal(errorCode(answer), 'order-lookup-failed');
    assert.equal(s.deliveries.length, 0);
  });
});

describe('CORS', () => {
  it('answers preflight and adds allow-origin only for allowed origins, when enabled', async () => {
    const s = setup({ cors: true });
    const preflight = await call(s.handler, 'OPTIONS', '/ogone/sign', {
      headers: { origin: SHOP, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SHOP);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/);
    const foreign = await call(s.handler, 'OPTIONS', '/ogone/sign', {
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const signed = await call(s.handler, 'POST', '/ogone/sign', {
      json: { orderRef: 'A-1042', returnUrl: RETURN_URL },
      headers: { origin: SHOP },
    });
    assert.equal(signed.headers.get('access-control-allow-origin'), SHOP);
    assert.equal(signed.headers.get('vary'), 'Origin');

    const off = setup();
    const refused = await call(off.handler, 'OPTIONS', '/ogone/sign', {
      headers: { origin: SHOP },
    });
    assert.equal(refused.status, 405);
  });
});
