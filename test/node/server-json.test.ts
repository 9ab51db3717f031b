import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonString, jsonStringRecord } from '../../src/server/json.js';
import { createOgoneHandler } from '../../src/server/index.js';

describe('hand-written JSON of the /sign answer', () => {
  it('quotes any string exactly as JSON.stringify does', () => {
    const tricky = ['', '"', '\\', '/', '\u007f', '\u0000', '\n', 'é', '\ud800', '😀', '</script>'];
    for (const value of tricky) assert.equal(jsonString(value), JSON.stringify(value));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        assert.equal(jsonString(value), JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('serialises a record of strings exactly as JSON.stringify does, keys in order', () => {
    assert.equal(jsonStringRecord({}), '{}');
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })),
        (record) => {
          assert.equal(jsonStringRecord(record), JSON.stringify(record));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('/sign answers canonical JSON, also for names that need escaping', async () => {
    const handler = createOgoneHandler({
      pspid: 'SHOP1',
      shaIn: 'In-Passphrase-0123456789',
      shaOut: 'Out-Passphrase-9876543210',
      environment: 'test',
      allowedReturnOrigins: ['https://shop.example'],
      resolveOrder: () => ({
        amount: '1.00',
        currency: 'EUR',
        customer: { name: 'Zoë "Q" \\ O\'Neil\u2028😀', email: 'zoe@example.com' },
      }),
      onPaymentResult: () => {},
      logger: false,
    });
    const response = await handler(
      new Request('https://shop.example/ogone/sign', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderRef: 'A-1', returnUrl: 'https://shop.example/r?a="b"' }),
      }),
    );
    assert.equal(response.status, 200);
    const text = await response.text();
    const parsed = JSON.parse(text) as { fields: Record<string, string> };
    assert.equal(text, JSON.stringify(parsed));
    assert.equal(parsed.fields['CN'], 'Zoë "Q" \\ O\'Neil\u2028😀');
    assert.deepEqual(Object.keys(parsed), ['action', 'method', 'fields', 'orderId']);
  });
});
