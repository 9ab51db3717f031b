/**
 * Fuzzing what parses input on the Worldline side: the sandbox API (bodies, headers, paths) never
 * answers 500 nor anything but its error shape; the client's answer classification, the webhook
 * verifier and event parser, the Authorization and Date parsers never throw outside their types.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatHttpDate, parseHttpDate } from '../../src/protocol/worldline/http-date.js';
import { authorizationHeader, parseAuthorization } from '../../src/protocol/worldline/v1hmac.js';
import {
  verifyWebhookSignature,
  WorldlineWebhookError,
} from '../../src/protocol/worldline/webhook.js';
import { parseWebhookEvents } from '../../src/protocol/worldline/webhook-event.js';
import { classifyResponse } from '../../src/server/providers/worldline-direct/classify.js';
import {
  readHostedCheckout,
  readPayment,
} from '../../src/server/providers/worldline-direct/responses.js';
import { createWorldlineSandbox } from '../../src/sandbox/worldline/sandbox.js';
import {
  API_KEY_ID,
  API_SECRET,
  MERCHANT,
  WEBHOOK_KEY_ID,
  WEBHOOK_SECRET,
} from '../helpers/worldline-sandbox.js';

const sandbox = createWorldlineSandbox({
  merchantId: MERCHANT,
  apiKeyId: API_KEY_ID,
  apiSecret: API_SECRET,
  webhookKeyId: WEBHOOK_KEY_ID,
  webhookSecret: WEBHOOK_SECRET,
  legacyAlias: (token) =>
    token === 'ALIAS'
      ? { masked: 'XXXXXXXXXXXX1111', ed: '1230', behaviour: 'success' }
      : undefined,
});

/** A real authorised payment, so capture / cancel / refund reach their rules. */
async function authorisedPayment(): Promise<string> {
  const body = {
    order: { amountOfMoney: { amount: 100_000, currencyCode: 'EUR' } },
    cardPaymentMethodSpecificInput: { token: 'ALIAS', authorizationMode: 'PRE_AUTHORIZATION' },
  };
  const response = await sandbox.handler(
    await signedPost(`/v2/${MERCHANT}/payments`, JSON.stringify(body)),
  );
  return ((await response.json()) as { payment: { id: string } }).payment.id;
}

/** Any JSON-ish value, including the shapes the API expects with wrong types inside. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'order',
        'amountOfMoney',
        'amount',
        'currencyCode',
        'references',
        'merchantReference',
        'hostedCheckoutSpecificInput',
        'returnUrl',
        'tokens',
        'cardPaymentMethodSpecificInput',
        'token',
        'authorizationMode',
        'isFinal',
        'feedbacks',
        'webhooksUrls',
        'sessionTimeout',
        'x',
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

async function signedPost(path: string, body: string): Promise<Request> {
  const date = formatHttpDate(new Date());
  const authorization = await authorizationHeader(API_KEY_ID, API_SECRET, {
    method: 'POST',
    contentType: 'application/json',
    date,
    headers: [],
    resource: path,
  });
  return new Request(`http://127.0.0.1${path}`, {
    method: 'POST',
    headers: { date, authorization, 'content-type': 'application/json' },
    body,
  });
}

function assertPlatformShape(status: number, text: string): void {
  assert.ok(status < 500, `HTTP ${status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as Record<string, unknown>;
  if (status >= 400) {
    assert.equal(typeof body.errorId, 'string');
    assert.ok(Array.isArray(body.errors) && body.errors.length > 0);
  }
}

describe('fuzz: the Worldline sandbox API', () => {
  it('any signed JSON body on any creating route: a 2xx or the error shape, never a 500', async () => {
    const id = await authorisedPayment();
    const routes = [
      'hostedcheckouts',
      'payments',
      `payments/${id}/capture`,
      `payments/${id}/cancel`,
      `payments/${id}/refund`,
      'webhooks/validateCredentials',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), jsonValue, async (route, value) => {
        const response = await sandbox.handler(
          await signedPost(`/v2/${MERCHANT}/${route}`, JSON.stringify(value)),
        );
        assertPlatformShape(response.status, await response.text());
      }),
      { numRuns: 300 },
    );
  });

  it('any bytes as body, any Authorization, any path: never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.string({ maxLength: 80 }),
        fc.stringMatching(/^[A-Za-z0-9_%./-]{0,40}$/),
        async (body, authorization, tail) => {
          const request = new Request(`http://127.0.0.1/v2/${MERCHANT}/${tail}`, {
            method: 'POST',
            headers: {
              authorization: authorization.replace(/[\r\n]/g, ''),
              date: formatHttpDate(new Date()),
            },
            body,
          });
          const response = await sandbox.handler(request);
          assertPlatformShape(response.status, await response.text());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fuzz: parsers on the client side', () => {
  const scrub = (text: string) => text;

  it('classifyResponse and the readers never throw, whatever the platform sends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(
          fc.string(),
          jsonValue.map((v) => JSON.stringify(v)),
        ),
        fc.boolean(),
        (status, body, keyed) => {
          const exchange = classifyResponse(status, body, keyed, scrub);
          assert.ok(exchange.kind === 'answer' || exchange.kind === 'failure');
          if (exchange.kind === 'answer' && exchange.body !== undefined) {
            readPayment(exchange.body);
            readHostedCheckout(exchange.body);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('webhook verification and event parsing throw only their own typed error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.dictionary(
          fc.constantFrom('x-gcs-signature', 'x-gcs-keyid', 'X-GCS-Signature', 'other'),
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })),
        ),
        async (body, headers) => {
          try {
            await verifyWebhookSignature(body, headers, (id) =>
              id === WEBHOOK_KEY_ID ? WEBHOOK_SECRET : undefined,
            );
          } catch (error) {
            assert.ok(error instanceof WorldlineWebhookError, String(error));
          }
          try {
            parseWebhookEvents(body);
          } catch (error) {
            assert.ok(error instanceof WorldlineWebhookError, String(error));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseAuthorization and parseHttpDate never throw', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseAuthorization(text);
        parseAuthorization(`GCS v1HMAC:${text}`);
        parseHttpDate(text);
      }),
      { numRuns: 500 },
    );
  });
});
