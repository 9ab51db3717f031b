import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  signaturesMatch,
  utf8,
  webCryptoHmacSha256,
  type HmacSha256,
} from '../../src/protocol/worldline/hmac.js';
import { formatHttpDate, parseHttpDate } from '../../src/protocol/worldline/http-date.js';
import {
  authorizationHeader,
  canonicalHeaderValue,
  gcsHeaderBlock,
  parseAuthorization,
  resourceForms,
  signedResource,
  stringToHash,
  v1HmacSignature,
  type V1HmacParts,
} from '../../src/protocol/worldline/v1hmac.js';
import {
  signWebhookBody,
  verifyWebhookSignature,
  webhookCredentialsSignature,
  WorldlineWebhookError,
} from '../../src/protocol/worldline/webhook.js';
import { parseWebhookEvents } from '../../src/protocol/worldline/webhook-event.js';
import {
  WORLDLINE_VECTORS as V,
  webhookBody,
  type RequestVector,
} from '../helpers/worldline-vectors.js';

/** An independent HMAC from node:crypto, to check WebCrypto's against. */
const nodeHmac: HmacSha256 = (key, data) => createHmac('sha256', key).update(data).digest('base64');

function partsOf(vector: RequestVector): V1HmacParts {
  return {
    method: vector.method,
    contentType: vector.contentType,
    date: vector.date,
    headers: vector.headers as [string, string][],
    resource: vector.resource,
  };
}

describe('v1HMAC: the published and derived vectors', () => {
  for (const vector of V.requests) {
    it(`${vector.id}`, async () => {
      const parts = partsOf(vector);
      if (vector.stringToHash !== undefined) assert.equal(stringToHash(parts), vector.stringToHash);
      if (vector.signature !== undefined) {
        const text = stringToHash(parts);
        assert.equal(await v1HmacSignature(vector.secretApiKey, text), vector.signature);
        assert.equal(await v1HmacSignature(vector.secretApiKey, text, nodeHmac), vector.signature);
      }
      if (vector.authorization !== undefined) {
        const header = await authorizationHeader(vector.apiKeyId, vector.secretApiKey, parts);
        assert.equal(header, vector.authorization);
        assert.deepEqual(parseAuthorization(header), {
          apiKeyId: vector.apiKeyId,
          signature: vector.authorization.split(':')[2],
        });
      }
    });
  }

  for (const vector of V.signatures) {
    it(`${vector.id}`, async () => {
      assert.equal(
        await v1HmacSignature(vector.secretApiKey, vector.stringToHash),
        vector.signature,
      );
      if (vector.authorization !== undefined) {
        assert.equal(`GCS v1HMAC:${vector.apiKeyId}:${vector.signature}`, vector.authorization);
      }
    });
  }

  it('B3: the percent-decoded path and query (Java SDK), and the older raw-path form', () => {
    const b3 = V.decodedResource;
    const forms = resourceForms(b3.sentResource);
    assert.equal(forms[0], b3.sentResource, 'raw form first');
    assert.ok(forms.includes(b3.signedResource));
    assert.equal(signedResource(b3.sentResource), b3.signedResource);
    assert.ok(resourceForms(b3.olderJavaSentResource).includes(b3.olderJavaSignedResource));
    const text = stringToHash({
      method: b3.method,
      contentType: b3.contentType,
      date: b3.date,
      headers: b3.headers as [string, string][],
      resource: signedResource(b3.sentResource),
    });
    assert.equal(text, `${b3.expectedStart}${b3.date}\n${b3.expectedEnd}`);
    // The Java test's own slices.
    assert.equal(text.slice(0, 22), b3.expectedStart);
    assert.equal(text.slice(52, 301), b3.expectedEnd);
  });

  it('A5: header values canonicalised, X-GCS headers only, sorted', () => {
    for (const [input, expected] of V.canonicalValues) {
      assert.equal(canonicalHeaderValue(input!), expected);
    }
    assert.equal(
      gcsHeaderBlock(V.sortedHeaders.headers as [string, string][]),
      V.sortedHeaders.block,
    );
    assert.equal(
      gcsHeaderBlock(new Headers(V.sortedHeaders.headers as [string, string][])),
      V.sortedHeaders.block,
      'a Headers object gives the same block',
    );
    assert.equal(
      gcsHeaderBlock({
        'x-gcs-servermetainfo': 'test value',
        'X-GCS-ClientMetaInfo': 'test value',
      }),
      V.sortedHeaders.block,
      'so does a record',
    );
  });
});

describe('v1HMAC: properties', () => {
  it('WebCrypto and node:crypto agree on any key and text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string(), async (key, text) => {
        assert.equal(await webCryptoHmacSha256(key, utf8(text)), nodeHmac(key, utf8(text)));
      }),
      { numRuns: 100 },
    );
  });

  it('any change to a signed part changes the signature; unsigned headers do not', async () => {
    const base: V1HmacParts = partsOf(V.requests[4]!);
    const secret = V.requests[4]!.secretApiKey;
    const original = await v1HmacSignature(secret, stringToHash(base));
    const variants: V1HmacParts[] = [
      { ...base, method: 'PUT' },
      { ...base, contentType: 'application/json; charset=utf-8' },
      { ...base, contentType: '' },
      { ...base, date: 'Fri, 06 Jun 2014 13:39:44 GMT' },
      { ...base, resource: '/v2/TESTPSPID/hostedcheckout' },
      { ...base, headers: [['X-GCS-Idempotence-Key', 'order-1-attempt-2']] },
      { ...base, headers: [] },
    ];
    for (const variant of variants) {
      assert.notEqual(await v1HmacSignature(secret, stringToHash(variant)), original);
    }
    const withUnsigned: V1HmacParts = {
      ...base,
      headers: [
        ['User-Agent', 'x'],
        ['Accept', 'application/json'],
        ['X-GCS-Idempotence-Key', 'order-1-attempt-1'],
      ],
    };
    assert.equal(await v1HmacSignature(secret, stringToHash(withUnsigned)), original);
    assert.equal(
      stringToHash({ ...base, method: 'post' }),
      stringToHash(base),
      'method upper-cased',
    );
  });

  it('parseAuthorization refuses other schemes and malformed values', () => {
    for (const value of [
      undefined,
      null,
      '',
      'Bearer abc',
      'GCS v1HMAC:',
      'GCS v1HMAC::sig',
      'GCS v1HMAC:key:',
      'GCS v1HMAC:key',
      'GCS v1HMAC:key:sig:more',
      'gcs v1hmac:key:sig',
    ]) {
      assert.equal(parseAuthorization(value), undefined, String(value));
    }
  });

  it('resourceForms keeps only the raw form for a path without escapes or with a broken one', () => {
    assert.deepEqual(resourceForms('/v2/PSPID/tokens/abc'), ['/v2/PSPID/tokens/abc']);
    assert.deepEqual(resourceForms('/v2/PSPID/tokens/%E0%A4%A'), ['/v2/PSPID/tokens/%E0%A4%A']);
    assert.deepEqual(resourceForms('/v2/P/tokens/a%2Fb'), [
      '/v2/P/tokens/a%2Fb',
      '/v2/P/tokens/a/b',
    ]);
  });
});

describe('the Date header (RFC 1123)', () => {
  it('formats as the SDK does and parses back', () => {
    const date = new Date('2026-12-01T07:03:19.456Z');
    assert.equal(formatHttpDate(date), 'Tue, 01 Dec 2026 07:03:19 GMT');
    assert.equal(parseHttpDate('Tue, 01 Dec 2026 07:03:19 GMT'), Date.UTC(2026, 11, 1, 7, 3, 19));
    assert.equal(formatHttpDate(new Date(Date.UTC(2014, 5, 6, 13, 39, 43))), V.requests[0]!.date);
  });

  it('refuses other spellings and impossible dates', () => {
    for (const value of [
      'Tue, 1 Dec 2026 07:03:19 GMT',
      'Tue, 01 Dec 2026 07:03:19 UTC',
      'Mon, 01 Dec 2026 07:03:19 GMT',
      'Tue, 31 Feb 2026 07:03:19 GMT',
      'Tue, 01 Dec 2026 24:00:00 GMT',
      '2026-12-01T07:03:19Z',
      'Tuesday, 01-Dec-26 07:03:19 GMT',
      '',
    ]) {
      assert.equal(parseHttpDate(value), undefined, value);
    }
    assert.throws(() => formatHttpDate(new Date(Number.NaN)), RangeError);
  });

  it('round-trips any moment of the years 1000-9999 to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_610_224_000, max: 253_402_300_799 }), (seconds) => {
        const value = formatHttpDate(new Date(seconds * 1000));
        assert.equal(parseHttpDate(value), seconds * 1000);
      }),
    );
  });
});

describe('webhook signatures: vector D', () => {
  const body = webhookBody();
  const secretFor = (keyId: string) =>
    keyId === V.webhook.keyId ? V.webhook.secretKey : undefined;
  const headers = { 'x-gcs-signature': V.webhook.signature, 'x-gcs-keyid': V.webhook.keyId };

  it('the fixture is byte-exact: 765 bytes, LF only, no trailing newline, the noted SHA-256', () => {
    assert.equal(body.byteLength, V.webhook.bodyLength);
    assert.equal(createHash('sha256').update(body).digest('hex'), V.webhook.bodySha256);
    assert.ok(!body.includes(0x0d), 'no CR');
    assert.notEqual(body.at(-1), 0x0a, 'no trailing newline');
  });

  it('signs the raw bytes to the published signature and verifies it', async () => {
    assert.equal(await signWebhookBody(V.webhook.secretKey, body), V.webhook.signature);
    assert.equal(await signWebhookBody(V.webhook.secretKey, body, nodeHmac), V.webhook.signature);
    assert.deepEqual(await verifyWebhookSignature(body, headers, secretFor), {
      keyId: V.webhook.keyId,
    });
    assert.deepEqual(
      await verifyWebhookSignature(
        body.buffer.slice(0) as ArrayBuffer,
        new Headers(headers),
        secretFor,
      ),
      { keyId: V.webhook.keyId },
      'an ArrayBuffer and a Headers object work the same',
    );
    assert.deepEqual(
      await verifyWebhookSignature(
        new TextDecoder().decode(body),
        { 'X-GCS-Signature': [V.webhook.signature], 'X-GCS-KeyId': V.webhook.keyId },
        async (keyId) => secretFor(keyId),
      ),
      { keyId: V.webhook.keyId },
      'a string body, header arrays of one value, an async lookup',
    );
  });

  async function refusal(promise: Promise<unknown>): Promise<WorldlineWebhookError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof WorldlineWebhookError);
      assert.ok(!error.message.includes(V.webhook.secretKey), 'no secret in the message');
      return error;
    }
    assert.fail('expected a refusal');
  }

  it('refuses the SDK test negative cases with typed codes', async () => {
    const text = new TextDecoder().decode(body);
    const invalidBody = text
      .replace('"2017-02-02T11:24:14.040+0100"', '"2017-02-02T11:25:14.040+0100"')
      .replace('"20170202112414"', '"20170202112514"');
    assert.notEqual(invalidBody, text);
    assert.equal(
      (await refusal(verifyWebhookSignature(invalidBody, headers, secretFor))).code,
      'bad-signature',
    );
    const wrongSecret = await refusal(
      verifyWebhookSignature(body, headers, () => `1${V.webhook.secretKey}`),
    );
    assert.equal(wrongSecret.code, 'bad-signature');
    assert.equal(wrongSecret.keyId, V.webhook.keyId);
    const wrongSignature = { ...headers, 'x-gcs-signature': `1${V.webhook.signature}` };
    assert.equal(
      (await refusal(verifyWebhookSignature(body, wrongSignature, secretFor))).code,
      'bad-signature',
    );
    const unknown = await refusal(verifyWebhookSignature(body, headers, () => undefined));
    assert.equal(unknown.code, 'unknown-key');
    assert.equal(unknown.keyId, V.webhook.keyId);
    assert.match(unknown.message, /dummy-key-id/);
    assert.equal(
      (await refusal(verifyWebhookSignature(body, {}, secretFor))).code,
      'missing-signature',
    );
    assert.equal(
      (
        await refusal(
          verifyWebhookSignature(body, { 'x-gcs-signature': V.webhook.signature }, secretFor),
        )
      ).code,
      'missing-key-id',
    );
    assert.equal(
      (
        await refusal(
          verifyWebhookSignature(
            body,
            { ...headers, 'x-gcs-signature': [V.webhook.signature, V.webhook.signature] },
            secretFor,
          ),
        )
      ).code,
      'duplicate-header',
    );
    assert.equal(
      (
        await refusal(
          verifyWebhookSignature(
            body,
            { ...headers, 'X-GCS-Signature': V.webhook.signature },
            secretFor,
          ),
        )
      ).code,
      'duplicate-header',
      'the same header under two spellings',
    );
  });

  it('any changed byte breaks the signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: body.byteLength - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, flip) => {
          const changed = new Uint8Array(body);
          changed[index] = changed[index]! ^ flip;
          const error = await refusal(verifyWebhookSignature(changed, headers, secretFor));
          assert.equal(error.code, 'bad-signature');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('signaturesMatch: equal only for equal non-empty texts', () => {
    assert.equal(signaturesMatch(V.webhook.signature, V.webhook.signature), true);
    assert.equal(signaturesMatch('', ''), false);
    assert.equal(signaturesMatch(V.webhook.signature, V.webhook.signature.slice(1)), false);
    assert.equal(
      signaturesMatch(V.webhook.signature, `${V.webhook.signature.slice(0, -2)}A=`),
      false,
    );
  });

  it('validateCredentials: the signature of an empty body (derived value)', async () => {
    assert.equal(
      await webhookCredentialsSignature(V.webhook.secretKey),
      V.webhook.credentialsSignature,
    );
  });
});

describe('webhook events', () => {
  it('reads vector D as one payment event with its duplicate key', () => {
    const [event, ...rest] = parseWebhookEvents(webhookBody());
    assert.equal(rest.length, 0);
    assert.equal(event!.id, '8ee793f6-4553-4749-85dc-f2ef095c5ab0');
    assert.equal(event!.type, 'payment.paid');
    assert.equal(event!.apiVersion, 'v1');
    assert.equal(event!.merchantId, '20000');
    assert.deepEqual(event!.subject, { kind: 'payment', id: '00000200000143570012' });
    assert.equal(event!.duplicateKey, 'payment.paid:payment:00000200000143570012');
  });

  it('accepts an array of events and refuses what is not an event', () => {
    const events = parseWebhookEvents(
      JSON.stringify([
        { id: 'e1', type: 'payment.captured', payment: { id: '1_0' } },
        { id: 'e2', type: 'refund.refund_requested', refund: { id: '1_1' } },
      ]),
    );
    assert.deepEqual(
      events.map((e) => [e.id, e.subject.kind, e.subject.id]),
      [
        ['e1', 'payment', '1_0'],
        ['e2', 'refund', '1_1'],
      ],
    );
    for (const body of [
      '',
      'null',
      '[]',
      '{}',
      '{"id":"x"}',
      '{"type":"t"}',
      '[1]',
      '{"id":1,"type":"t"}',
    ]) {
      assert.throws(
        () => parseWebhookEvents(body),
        (error: unknown) =>
          error instanceof WorldlineWebhookError && error.code === 'invalid-event',
        body,
      );
    }
    assert.throws(
      () => parseWebhookEvents(new Uint8Array([0x7b, 0xff, 0x7d])),
      WorldlineWebhookError,
    );
  });
});
