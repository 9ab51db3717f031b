import { expect } from '@open-wc/testing';
import { utf8, webCryptoHmacSha256 } from '../../src/protocol/worldline/hmac.js';
import { authorizationHeader, stringToHash } from '../../src/protocol/worldline/v1hmac.js';
import { verifyWebhookSignature } from '../../src/protocol/worldline/webhook.js';

interface RequestVector {
  id: string;
  apiKeyId: string;
  secretApiKey: string;
  method: string;
  contentType: string;
  date: string;
  headers: [string, string][];
  resource: string;
  stringToHash?: string;
  signature?: string;
  authorization?: string;
}

interface Vectors {
  requests: RequestVector[];
  signatures: { id: string; secretApiKey: string; stringToHash: string; signature: string }[];
  webhook: { keyId: string; secretKey: string; signature: string; bodySha256: string };
}

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

describe('Worldline Direct protocol in Chromium (WebCrypto)', () => {
  it('reproduces every v1HMAC vector (A1-A4, B1-B2, C1-C3)', async () => {
    const vectors = (await (
      await fetch(fixture('worldline-v1hmac-vectors.json'))
    ).json()) as Vectors;
    for (const vector of vectors.requests) {
      const parts = { ...vector, headers: vector.headers };
      if (vector.stringToHash) expect(stringToHash(parts), vector.id).to.equal(vector.stringToHash);
      if (vector.signature) {
        expect(
          await webCryptoHmacSha256(vector.secretApiKey, utf8(stringToHash(parts))),
          vector.id,
        ).to.equal(vector.signature);
      }
      if (vector.authorization) {
        expect(
          await authorizationHeader(vector.apiKeyId, vector.secretApiKey, parts),
          vector.id,
        ).to.equal(vector.authorization);
      }
    }
    for (const vector of vectors.signatures) {
      expect(
        await webCryptoHmacSha256(vector.secretApiKey, utf8(vector.stringToHash)),
        vector.id,
      ).to.equal(vector.signature);
    }
  });

  it('verifies webhook vector D over the fixture bytes, and refuses one changed byte', async () => {
    const vectors = (await (
      await fetch(fixture('worldline-v1hmac-vectors.json'))
    ).json()) as Vectors;
    const body = new Uint8Array(
      await (await fetch(fixture('worldline-webhook-body.json'))).arrayBuffer(),
    );
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join('')).to.equal(
      vectors.webhook.bodySha256,
    );
    const headers = new Headers({
      'X-GCS-Signature': vectors.webhook.signature,
      'X-GCS-KeyId': vectors.webhook.keyId,
    });
    const secretFor = (keyId: string) =>
      keyId === vectors.webhook.keyId ? vectors.webhook.secretKey : undefined;
    expect(await verifyWebhookSignature(body, headers, secretFor)).to.deep.equal({
      keyId: vectors.webhook.keyId,
    });
    body[100] = body[100]! ^ 1;
    let code = '';
    await verifyWebhookSignature(body, headers, secretFor).catch(
      (error: { code: string }) => (code = error.code),
    );
    expect(code).to.equal('bad-signature');
  });
});
