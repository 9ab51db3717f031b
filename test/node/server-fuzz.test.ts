/**
 * Bad input of every kind, through both the web handler and the Node adapter: never a 5xx, always
 * the JSON error shape; and no response or log line ever contains either passphrase.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { EndpointErrorSchema } from '../../src/contract/schemas.js';
import { signShaOut } from '../../src/protocol/index.js';
import { MAX_BODY_BYTES } from '../../src/server/http/door.js';
import { createOgoneHandler, toNodeListener, type OgoneLogEntry } from '../../src/server/index.js';

const SHA_IN = 'Fuzz-IN-passphrase-äöü-1234';
const SHA_OUT = 'Fuzz-OUT-passphrase-€-98765';
const SHOP = 'https://shop.example';

const logLines: string[] = [];
const transcripts: string[] = [];
const handler = createOgoneHandler({
  pspid: 'FUZZSHOP',
  shaIn: SHA_IN,
  shaOut: SHA_OUT,
  environment: 'prod',
  allowedReturnOrigins: [SHOP],
  cors: true,
  resolveOrder: (orderRef) =>
    orderRef.startsWith('A') ? { amount: '12.30', currency: 'EUR', allowSaveCard: true } : null,
  onPaymentResult: () => {},
  logger: (entry: OgoneLogEntry) => logLines.push(JSON.stringify(entry)),
});

let server: Server;
let port = 0;
before(async () => {
  server = createServer(toNodeListener(handler, { maxBodyBytes: MAX_BODY_BYTES }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  // Every response and log line of this file, scanned for both passphrases.
  const everything = [...transcripts, ...logLines].join('\n');
  assert.ok(transcripts.length > 300, 'the scan saw the fuzzed responses');
  assert.ok(!everything.includes(SHA_IN), 'SHA-IN leaked into a response or log line');
  assert.ok(!everything.includes(SHA_OUT), 'SHA-OUT leaked into a response or log line');
});

interface Probe {
  method: string;
  path: string;
  contentType: string | undefined;
  body: Uint8Array | string | undefined;
}

interface Outcome {
  status: number;
  headers: Record<string, string>;
  text: string;
}

async function viaFetch(probe: Probe): Promise<Outcome> {
  const hasBody = probe.body !== undefined && probe.method !== 'GET' && probe.method !== 'HEAD';
  const response = await handler(
    new Request(`http://127.0.0.1${probe.path}`, {
      method: probe.method,
      headers: probe.contentType === undefined ? {} : { 'content-type': probe.contentType },
      ...(hasBody ? { body: probe.body as BodyInit } : {}),
    }),
  );
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, text: await response.text() };
}

function viaNode(probe: Probe): Promise<Outcome> {
  const hasBody = probe.body !== undefined && probe.method !== 'GET' && probe.method !== 'HEAD';
  const headers: Record<string, string | number> = {};
  if (probe.contentType !== undefined) headers['content-type'] = probe.contentType;
  // Framed explicitly: node's client sends an OPTIONS/DELETE body unframed otherwise.
  if (hasBody) headers['content-length'] = Buffer.byteLength(probe.body!);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: probe.method, path: probe.path, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) headers[name] = String(value);
          resolve({ status: res.statusCode ?? 0, headers, text });
        });
      },
    );
    req.on('error', reject);
    if (hasBody) req.end(probe.body);
    else req.end();
  });
}

function check(probe: Probe, outcome: Outcome): void {
  transcripts.push(JSON.stringify(outcome));
  const what = `${probe.method} ${probe.path.slice(0, 80)} → ${outcome.status} ${outcome.text.slice(0, 200)}`;
  assert.ok(outcome.status >= 200 && outcome.status < 500, what);
  if (outcome.status === 204 || probe.method === 'HEAD') return;
  assert.match(outcome.headers['content-type'] ?? '', /^application\/json/, what);
  const body = JSON.parse(outcome.text) as unknown;
  if (outcome.status >= 400) {
    const error = EndpointErrorSchema.parse(body);
    assert.ok(error.error.code.length > 0, what);
    assert.ok(!/\n\s+at /.test(error.error.message), `no stack trace: ${what}`);
  }
}

const hugeOrUnicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', '0', 'A-1042', '💳'.repeat(3000), 'x'.repeat(20_000), '\u0000', '\ud800'),
);

const path = fc.oneof(
  fc.constantFrom(
    '/ogone/sign',
    '/ogone/verify',
    '/ogone/feedback',
    '/ogone/',
    '/',
    '/ogone/sign?x=1',
    '/ogone/../ogone/sign',
    '/ogone//sign',
    '/ogone/%73ign',
  ),
  fc
    .string({ unit: 'grapheme-ascii', maxLength: 30 })
    .map((s) => `/ogone/${encodeURIComponent(s)}`),
  fc
    .string({ unit: 'binary', maxLength: 20 })
    .map((s) => `/ogone/feedback?${encodeURIComponent(s)}=1`),
);

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        orderRef: fc.oneof(hugeOrUnicode, fc.jsonValue({ maxDepth: 1 })),
        returnUrl: fc.oneof(
          hugeOrUnicode,
          fc.constantFrom(`${SHOP}/return`, 'https://evil.example/', 'javascript:x'),
          fc.webUrl(),
        ),
        saveCard: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
        language: hugeOrUnicode,
        query: fc.oneof(hugeOrUnicode, fc.constant('SHASIGN=00&orderID=1&orderID=2')),
        amount: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify({ orderRef: 'A-1', returnUrl: `${SHOP}/r`, pad: 'x'.repeat(17_000) })),
);

const body = fc.oneof(
  jsonBody,
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ minLength: 16 * 1024 + 1, maxLength: 16 * 1024 + 64 }),
  hugeOrUnicode,
  fc
    .dictionary(fc.string({ maxLength: 12 }), hugeOrUnicode, { maxKeys: 6 })
    .map((d) => new URLSearchParams(d).toString()),
);

const probe: fc.Arbitrary<Probe> = fc.record({
  method: fc.constantFrom(
    'GET',
    'POST',
    'POST',
    'POST',
    'PUT',
    'DELETE',
    'OPTIONS',
    'PATCH',
    'HEAD',
  ),
  path,
  contentType: fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
  ),
  body: fc.option(body, { nil: undefined }),
});

describe('fuzz', () => {
  it('the web handler answers random requests with typed JSON errors, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(probe, async (p) => check(p, await viaFetch(p))),
      { numRuns: 150 },
    );
  });

  it('the Node adapter does too', async () => {
    await fc.assert(
      fc.asyncProperty(probe, async (p) => check(p, await viaNode(p))),
      { numRuns: 120 },
    );
  });

  it('validly signed but odd Ogone results (huge, unicode, missing fields) never give a 5xx', async () => {
    const names = fc.constantFrom(
      'orderID',
      'amount',
      'currency',
      'STATUS',
      'PAYID',
      'NCERROR',
      'COMPLUS',
      'ALIAS',
      'CARDNO',
      'BRAND',
      'TRXDATE',
      'cn',
      'PARAMPLUS',
      'unknown',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(names, hugeOrUnicode, { maxKeys: 10 }),
        fc.constantFrom('verify', 'feedback-get', 'feedback-post'),
        async (params, target) => {
          const full = { COMPLUS: 'A-1', STATUS: '9', orderID: 'A-1-X', ...params };
          const shasign = await signShaOut(full, SHA_OUT, 'sha512');
          const query = new URLSearchParams({ ...full, SHASIGN: shasign }).toString();
          const p: Probe =
            target === 'verify'
              ? {
                  method: 'POST',
                  path: '/ogone/verify',
                  contentType: 'application/json',
                  body: JSON.stringify({ query }),
                }
              : target === 'feedback-get'
                ? {
                    method: 'GET',
                    path: `/ogone/feedback?${query}`,
                    contentType: undefined,
                    body: undefined,
                  }
                : {
                    method: 'POST',
                    path: '/ogone/feedback',
                    contentType: 'application/x-www-form-urlencoded',
                    body: query,
                  };
          check(p, await viaFetch(p));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('valid flows also carry no secret (scanned after all tests)', async () => {
    const sign: Probe = {
      method: 'POST',
      path: '/ogone/sign',
      contentType: 'application/json',
      body: JSON.stringify({ orderRef: 'A-1042', returnUrl: `${SHOP}/r`, saveCard: true }),
    };
    const signed = await viaNode(sign);
    check(sign, signed);
    assert.equal(signed.status, 200);
    const params = {
      orderID: 'A-1042-X',
      amount: '12.3',
      currency: 'EUR',
      STATUS: '9',
      PAYID: '1',
      COMPLUS: 'A-1042',
    };
    const query = new URLSearchParams({
      ...params,
      SHASIGN: await signShaOut(params, SHA_OUT, 'sha512'),
    });
    const verify: Probe = {
      method: 'POST',
      path: '/ogone/verify',
      contentType: 'application/json',
      body: JSON.stringify({ query: query.toString() }),
    };
    const verified = await viaNode(verify);
    check(verify, verified);
    assert.equal(verified.status, 200);
    const feedback: Probe = {
      method: 'GET',
      path: `/ogone/feedback?${query}`,
      contentType: undefined,
      body: undefined,
    };
    const delivered = await viaNode(feedback);
    check(feedback, delivered);
    assert.equal(delivered.status, 200);
  });
});
