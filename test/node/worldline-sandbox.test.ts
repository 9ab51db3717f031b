/**
 * The Worldline Direct sandbox on its own: the door (v1HMAC as each official SDK signs), the
 * documented error shapes, idempotence rules, the hosted page (CSP, test cards, consent, cancel,
 * 3-D Secure, double submit, expiry) and bounded memory.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import { formatHttpDate } from '../../src/protocol/worldline/http-date.js';
import { authorizationHeader } from '../../src/protocol/worldline/v1hmac.js';
import { SandboxOptionsError } from '../../src/sandbox/options.js';
import {
  createWorldlineSandbox,
  type WorldlineSandbox,
} from '../../src/sandbox/worldline/sandbox.js';
import type { WorldlineSandboxOptions } from '../../src/sandbox/worldline/options.js';
import { CHECKOUT_CSS } from '../../src/sandbox/worldline/pages/styles.js';
import {
  API_KEY_ID,
  API_SECRET,
  MERCHANT,
  WEBHOOK_KEY_ID,
  WEBHOOK_SECRET,
  startWorldline,
} from '../helpers/worldline-sandbox.js';

const ORIGIN = 'http://127.0.0.1:9100';
let clockMs = Date.UTC(2026, 10, 23, 10, 0, 0);

function sandboxWith(options: Partial<WorldlineSandboxOptions> = {}): WorldlineSandbox {
  return createWorldlineSandbox({
    merchantId: MERCHANT,
    apiKeyId: API_KEY_ID,
    apiSecret: API_SECRET,
    webhookKeyId: WEBHOOK_KEY_ID,
    webhookSecret: WEBHOOK_SECRET,
    now: () => new Date(clockMs),
    ...options,
  });
}

interface Signing {
  method?: string;
  body?: unknown;
  /** The Content-Type sent (default application/json with a body, none without). */
  contentType?: string | null;
  /** The Content-Type line signed (default: the one sent). */
  signedContentType?: string;
  /** The resource signed (default: the path as sent). */
  signedResource?: string;
  headers?: Record<string, string>;
  /** Headers signed instead of the ones sent. */
  signedHeaders?: Record<string, string>;
  date?: number;
  secret?: string;
  keyId?: string;
}

/** A request signed as a client would, with every part overridable. */
async function signed(path: string, options: Signing = {}): Promise<Request> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const contentType =
    options.contentType === undefined
      ? body === undefined
        ? null
        : 'application/json'
      : options.contentType;
  const date = formatHttpDate(new Date(options.date ?? clockMs));
  const headers: Record<string, string> = { date, ...(options.headers ?? {}) };
  if (contentType !== null) headers['content-type'] = contentType;
  headers.authorization = await authorizationHeader(
    options.keyId ?? API_KEY_ID,
    options.secret ?? API_SECRET,
    {
      method,
      contentType: options.signedContentType ?? contentType ?? '',
      date,
      headers: options.signedHeaders ?? options.headers ?? {},
      resource: options.signedResource ?? new URL(path, ORIGIN).pathname,
    },
  );
  return new Request(new URL(path, ORIGIN), {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

async function call(sandbox: WorldlineSandbox, path: string, options: Signing = {}) {
  const response = await sandbox.handler(await signed(path, options));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

const CHECKOUT = {
  order: {
    amountOfMoney: { amount: 2500, currencyCode: 'EUR' },
    references: { merchantReference: 'order-9' },
  },
  hostedCheckoutSpecificInput: {
    returnUrl: 'https://shop.example/back',
    showResultPage: false,
    locale: 'fr_BE',
  },
};

function errorOf(body: Record<string, unknown> | undefined) {
  assert.ok(body, 'an error body');
  assert.equal(typeof body.errorId, 'string');
  const errors = body.errors as {
    id: string;
    httpStatusCode: number;
    errorCode: string;
    propertyName?: string;
  }[];
  assert.ok(Array.isArray(errors) && errors.length === 1);
  return errors[0]!;
}

describe('Worldline sandbox: the v1HMAC door', () => {
  const sandbox = sandboxWith();
  const path = `/v2/${MERCHANT}/services/testconnection`;

  it('accepts a correctly signed request', async () => {
    assert.deepEqual((await call(sandbox, path)).body, { result: 'OK' });
  });

  it('401 without a GCS v1HMAC Authorization, 403 for a wrong secret, key id, merchant or Date', async () => {
    const bare = await sandbox.handler(
      new Request(`${ORIGIN}${path}`, { headers: { date: formatHttpDate(new Date(clockMs)) } }),
    );
    assert.equal(bare.status, 401);
    assert.equal(errorOf((await bare.json()) as Record<string, unknown>).httpStatusCode, 401);
    const bearer = await sandbox.handler(
      new Request(`${ORIGIN}${path}`, { headers: { authorization: 'Bearer x' } }),
    );
    assert.equal(bearer.status, 401);
    for (const [label, options] of [
      ['wrong secret', { secret: 'nope' }],
      ['unknown key id', { keyId: 'other-key' }],
      ['Date 6 minutes late', { date: clockMs - 6 * 60_000 }],
      ['Date 6 minutes early', { date: clockMs + 6 * 60_000 }],
      [
        'Content-Type signed but not sent',
        { method: 'POST', body: {}, contentType: null, signedContentType: 'application/json' },
      ],
      ['another path signed', { signedResource: `/v2/${MERCHANT}/services/other` }],
    ] as const) {
      const answer = await call(sandbox, path, options as Signing);
      assert.equal(answer.status, 403, label);
      const error = errorOf(answer.body);
      assert.equal(error.id, 'AUTHENTICATION_FAILURE', label);
      assert.equal(error.httpStatusCode, 403);
    }
    assert.equal(
      (await call(sandbox, path, { date: clockMs - 4 * 60_000 })).status,
      200,
      'inside the window',
    );
    const malformedDate = await signed(path);
    const headers = new Headers(malformedDate.headers);
    headers.set('date', '2026-11-23T10:00:00Z');
    assert.equal((await sandbox.handler(new Request(malformedDate.url, { headers }))).status, 403);
    const other = await call(sandbox, '/v2/OTHERPSPID/services/testconnection');
    assert.equal(other.status, 403);
    assert.equal(errorOf(other.body).id, 'ACCESS_TO_MERCHANT_NOT_ALLOWED');
  });

  it('ignores Content-Type on GET as the Node SDK signs it (sent, but an empty line signed)', async () => {
    const sdkLike = await call(sandbox, path, {
      contentType: 'application/json',
      signedContentType: '',
    });
    assert.equal(sdkLike.status, 200);
    const phpLike = await call(sandbox, path, { contentType: 'application/json' });
    assert.equal(phpLike.status, 200, 'a client that signs the header it sends passes too');
  });

  it('signs X-GCS headers: a header changed after signing is refused', async () => {
    const ok = await call(sandbox, path, { headers: { 'X-GCS-ClientMetaInfo': 'abc' } });
    assert.equal(ok.status, 200);
    const tampered = await call(sandbox, path, {
      headers: { 'X-GCS-ClientMetaInfo': 'abd' },
      signedHeaders: { 'X-GCS-ClientMetaInfo': 'abc' },
    });
    assert.equal(tampered.status, 403);
  });

  it('accepts the raw and the percent-decoded path forms (Node and Java SDKs)', async () => {
    const token = `/v2/${MERCHANT}/tokens/a%20b`;
    const raw = await call(sandbox, token, { signedResource: token });
    const decoded = await call(sandbox, token, { signedResource: `/v2/${MERCHANT}/tokens/a b` });
    const wrong = await call(sandbox, token, { signedResource: `/v2/${MERCHANT}/tokens/a+b` });
    assert.equal(raw.status, 404, 'authenticated: the token does not exist');
    assert.equal(decoded.status, 404);
    assert.equal(errorOf(decoded.body).id, 'UNKNOWN_TOKEN');
    assert.equal(wrong.status, 403);
  });

  it('reads a chunked body (what the official SDK sends) over real HTTP', async () => {
    const running = await startWorldline();
    try {
      const path = '/worldline/v2/TESTPSPID/hostedcheckouts';
      const date = formatHttpDate(new Date());
      const authorization = await authorizationHeader(API_KEY_ID, API_SECRET, {
        method: 'POST',
        contentType: 'application/json',
        date,
        headers: [],
        resource: path,
      });
      const url = new URL(running.origin);
      const body = JSON.stringify(CHECKOUT);
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path,
            method: 'POST',
            headers: { date, authorization, 'content-type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        // Three writes without Content-Length: Node sends Transfer-Encoding: chunked.
        req.write(body.slice(0, 10));
        req.write(body.slice(10, 40));
        req.end(body.slice(40));
      });
      assert.equal(answer.status, 200, answer.text);
      assert.match(JSON.parse(answer.text).hostedCheckoutId, /^\d{10}$/);
    } finally {
      await running.close();
    }
  });

  it('answers unknown routes and bad JSON in the platform shape', async () => {
    assert.equal((await call(sandbox, `/v2/${MERCHANT}/nothing`)).status, 404);
    const notJson = await sandbox.handler(
      new Request(`${ORIGIN}/v2/${MERCHANT}/hostedcheckouts`, {
        method: 'POST',
        headers: Object.fromEntries(
          (await signed(`/v2/${MERCHANT}/hostedcheckouts`, { body: {} })).headers,
        ),
        body: '{not json',
      }),
    );
    assert.equal(notJson.status, 400);
    const missing = await call(sandbox, `/v2/${MERCHANT}/hostedcheckouts`, { body: { order: {} } });
    assert.equal(missing.status, 400);
    assert.equal(errorOf(missing.body).propertyName, 'order.amountOfMoney');
    const long = await call(sandbox, `/v2/${MERCHANT}/hostedcheckouts`, {
      body: {
        ...CHECKOUT,
        order: { ...CHECKOUT.order, references: { merchantReference: 'x'.repeat(31) } },
      },
    });
    assert.equal(errorOf(long.body).propertyName, 'order.references.merchantReference');
    const both = await call(sandbox, `/v2/${MERCHANT}/hostedcheckouts`, {
      body: {
        ...CHECKOUT,
        cardPaymentMethodSpecificInput: { tokenize: true },
        hostedCheckoutSpecificInput: {
          cardPaymentMethodSpecificInput: { tokenizationMode: 'createAlways' },
        },
      },
    });
    assert.equal(both.status, 400, 'tokenizationMode with tokenize is refused, as OAS says');
  });
});

describe('Worldline sandbox: idempotence', () => {
  const sandbox = sandboxWith();
  const path = `/v2/${MERCHANT}/hostedcheckouts`;

  it('replays with X-GCS-Idempotence-Request-Timestamp; refuses a key reused elsewhere or too long', async () => {
    const key = { 'X-GCS-Idempotence-Key': 'order-9-attempt-1' };
    const first = await call(sandbox, path, { body: CHECKOUT, headers: key });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-gcs-idempotence-request-timestamp'), null);
    clockMs += 1000;
    const again = await call(sandbox, path, { body: { order: {} }, headers: key });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('x-gcs-idempotence-request-timestamp'), String(clockMs - 1000));
    const elsewhere = await call(sandbox, `/v2/${MERCHANT}/payments`, { body: {}, headers: key });
    assert.equal(elsewhere.status, 400);
    assert.equal(errorOf(elsewhere.body).id, 'IDEMPOTENCE_KEY_REUSED');
    const tooLong = await call(sandbox, path, {
      body: CHECKOUT,
      headers: { 'X-GCS-Idempotence-Key': 'k'.repeat(41) },
    });
    assert.equal(tooLong.status, 400);
  });

  it('a refusal is replayed too ("the same outcome as the original request")', async () => {
    const key = { 'X-GCS-Idempotence-Key': 'bad-1' };
    const first = await call(sandbox, path, { body: { order: {} }, headers: key });
    const second = await call(sandbox, path, { body: CHECKOUT, headers: key });
    assert.equal(first.status, 400);
    assert.equal(second.status, 400);
    assert.deepEqual(second.body, first.body);
  });
});

describe('Worldline sandbox: the hosted page', () => {
  async function open(sandbox: WorldlineSandbox, body: Record<string, unknown> = CHECKOUT) {
    const created = (await call(sandbox, `/v2/${MERCHANT}/hostedcheckouts`, { body })).body!;
    const page = await sandbox.handler(new Request(String(created.redirectUrl)));
    return { created, page, html: await page.text() };
  }

  async function post(sandbox: WorldlineSandbox, url: string, fields: Record<string, string>) {
    return sandbox.handler(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    );
  }

  const card = (number: string, extra: Record<string, string> = {}) => ({
    card_number: number,
    expiry: '12/34',
    cvc: '123',
    cardholder: 'Ana',
    action: 'pay',
    ...extra,
  });

  it('is its own product under a strict CSP: no script, the style by hash, forms to the sandbox and the shop', async () => {
    const sandbox = sandboxWith();
    const { page, html, created } = await open(sandbox);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(CHECKOUT_CSS).digest('base64');
    assert.match(csp, /default-src 'none'/);
    assert.ok(csp.includes(`style-src 'sha256-${hash}'`));
    assert.match(csp, /form-action 'self' https:\/\/shop\.example;/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(!/<script/i.test(html) && !/ style="/i.test(html) && !/ on[a-z]+="/i.test(html));
    assert.match(html, /<html lang="fr-FR">/, 'the checkout locale');
    assert.match(html, /width=device-width/);
    assert.match(CHECKOUT_CSS, /prefers-color-scheme: dark/);
    assert.match(html, /worldline direct/);
    assert.ok(!html.includes('Ogone'), 'not the Ogone sandbox look');
    assert.match(html, /25,00\s€/, 'the amount in the shopper’s language');
    assert.ok(html.includes('4874 9706 8667 2022'), 'the challenge card is listed');
    assert.ok(!html.includes('save_card'), 'no consent box unless asked');
    assert.match(String(created.partialRedirectUrl), /^hostedcheckout\//);
  });

  it('shows invalid fields again, never the CVC', async () => {
    const sandbox = sandboxWith();
    const { created } = await open(sandbox);
    const page = await post(
      sandbox,
      String(created.redirectUrl),
      card('4111 1111 1111 1112', { expiry: '01/20', cvc: '987' }),
    );
    const html = await page.text();
    assert.equal(page.status, 200);
    const markup = html.replace(/<style>[\s\S]*?<\/style>/, '');
    assert.equal((markup.match(/aria-invalid="true"/g) ?? []).length, 2);
    assert.ok(!html.includes('987'));
    assert.ok(html.includes('4111 1111 1111 1112'));
  });

  it('consent, cancel, double submit, challenge Fail, and the session limits', async () => {
    const sandbox = sandboxWith({ maxEntries: 2 });
    const asking = await open(sandbox, {
      ...CHECKOUT,
      hostedCheckoutSpecificInput: {
        ...CHECKOUT.hostedCheckoutSpecificInput,
        cardPaymentMethodSpecificInput: { tokenizationMode: 'createWithConsent' },
      },
    });
    assert.ok(asking.html.includes('name="save_card"'));
    const paid = await post(sandbox, String(asking.created.redirectUrl), card('4111111111111111'));
    const twice = await post(sandbox, String(asking.created.redirectUrl), card('4000000000000002'));
    assert.equal(paid.status, 303);
    assert.equal(
      twice.headers.get('location'),
      paid.headers.get('location'),
      'a second submit gets the first answer',
    );
    const read = (
      await call(
        sandbox,
        `/v2/${MERCHANT}/hostedcheckouts/${String(asking.created.hostedCheckoutId)}`,
      )
    ).body!;
    const payment = (read.createdPaymentOutput as { payment: Record<string, unknown> }).payment;
    assert.equal((payment.statusOutput as { statusCode: number }).statusCode, 5);
    assert.equal(
      (payment.paymentOutput as { cardPaymentMethodSpecificOutput: { token?: string } })
        .cardPaymentMethodSpecificOutput.token,
      undefined,
      'the box was not ticked',
    );

    const cancelling = await open(sandbox);
    const back = await post(sandbox, String(cancelling.created.redirectUrl), { action: 'cancel' });
    const location = new URL(back.headers.get('location')!);
    assert.equal(location.searchParams.get('RETURNMAC'), cancelling.created.RETURNMAC);
    const cancelled = (
      await call(
        sandbox,
        `/v2/${MERCHANT}/hostedcheckouts/${String(cancelling.created.hostedCheckoutId)}`,
      )
    ).body!;
    assert.equal(cancelled.status, 'CANCELLED_BY_CONSUMER');
    const cancelledPayment = (
      cancelled.createdPaymentOutput as {
        payment: { statusOutput: { statusCode: number; errors: { id: string }[] } };
      }
    ).payment;
    assert.equal(cancelledPayment.statusOutput.statusCode, 1);
    assert.equal(cancelledPayment.statusOutput.errors[0]!.id, 'CANCELLED_BY_CUSTOMER');

    const challenged = await open(sandbox);
    const toChallenge = await post(
      sandbox,
      String(challenged.created.redirectUrl),
      card('4874970686672022'),
    );
    const challengeUrl = new URL(
      toChallenge.headers.get('location')!,
      String(challenged.created.redirectUrl),
    ).href;
    const waiting = (
      await call(
        sandbox,
        `/v2/${MERCHANT}/hostedcheckouts/${String(challenged.created.hostedCheckoutId)}`,
      )
    ).body!;
    assert.equal(waiting.status, 'IN_PROGRESS');
    assert.equal(
      (
        (
          await call(
            sandbox,
            `/v2/${MERCHANT}/payments/${String(challenged.created.hostedCheckoutId)}_0`,
          )
        ).body!.statusOutput as { statusCode: number }
      ).statusCode,
      46,
    );
    const challengePage = await (await sandbox.handler(new Request(challengeUrl))).text();
    assert.match(challengePage, /Complete|Finaliser|complete/);
    const failed = await post(sandbox, challengeUrl, { action: 'fail' });
    assert.equal(failed.status, 303);
    const afterFail = (
      await call(
        sandbox,
        `/v2/${MERCHANT}/payments/${String(challenged.created.hostedCheckoutId)}_0`,
      )
    ).body!;
    assert.equal((afterFail.statusOutput as { statusCode: number }).statusCode, 2);

    // maxEntries 2: the first session is forgotten (bounded memory), its page too.
    assert.equal(
      (
        await call(
          sandbox,
          `/v2/${MERCHANT}/hostedcheckouts/${String(asking.created.hostedCheckoutId)}`,
        )
      ).status,
      404,
    );
    assert.equal(
      (await sandbox.handler(new Request(String(asking.created.redirectUrl)))).status,
      404,
    );
  });

  it('a session times out (page ended, CANCELLED_BY_CONSUMER) and is unreadable after 3 hours', async () => {
    const sandbox = sandboxWith();
    const { created } = await open(sandbox, {
      ...CHECKOUT,
      hostedCheckoutSpecificInput: { ...CHECKOUT.hostedCheckoutSpecificInput, sessionTimeout: 1 },
    });
    clockMs += 2 * 60_000;
    const page = await (await sandbox.handler(new Request(String(created.redirectUrl)))).text();
    assert.ok(!page.includes('card_number'), 'no card form any more');
    const read = (
      await call(sandbox, `/v2/${MERCHANT}/hostedcheckouts/${String(created.hostedCheckoutId)}`)
    ).body!;
    assert.equal(read.status, 'CANCELLED_BY_CONSUMER');
    clockMs += 3 * 60 * 60_000;
    assert.equal(
      (await call(sandbox, `/v2/${MERCHANT}/hostedcheckouts/${String(created.hostedCheckoutId)}`))
        .status,
      404,
    );
  });

  it('without showResultPage: false, shows a result page with the way back', async () => {
    const sandbox = sandboxWith();
    const { created } = await open(sandbox, {
      ...CHECKOUT,
      hostedCheckoutSpecificInput: { returnUrl: 'https://shop.example/back' },
    });
    const answer = await post(sandbox, String(created.redirectUrl), card('4111111111111111'));
    const html = await answer.text();
    assert.equal(answer.status, 200);
    assert.match(html, /Payment accepted/);
    assert.match(
      html,
      /href="https:\/\/shop\.example\/back\?hostedCheckoutId=\d{10}&amp;RETURNMAC=/,
    );
  });
});

describe('Worldline sandbox: options', () => {
  it('names a wrong option without echoing a secret', () => {
    for (const [option, change] of [
      ['merchantId', { merchantId: '' }],
      ['apiSecret', { apiSecret: 7 }],
      ['webhookUrl', { webhookUrl: 'https://u:p@x.example' }],
      ['basePath', { basePath: 'worldline' }],
      ['webhookRetryDelaysMs', { webhookRetryDelaysMs: [1, 2, 3, 4, 5, 6] }],
    ] as const) {
      assert.throws(
        () => sandboxWith(change as unknown as Partial<WorldlineSandboxOptions>),
        (error: unknown) =>
          error instanceof SandboxOptionsError &&
          error.option === option &&
          !error.message.includes(API_SECRET) &&
          !error.message.includes(WEBHOOK_SECRET),
        option,
      );
    }
  });
});
