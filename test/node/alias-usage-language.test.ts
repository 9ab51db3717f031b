/** Issue #13.10 (server half): ALIASUSAGE, the save-card consent text, in the shopper's language. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOgoneHandler, type OgoneHandlerOptions } from '../../src/server/index.js';

const SHA_IN = 'In-Passphrase-0123456789';
const SHA_OUT = 'Out-Passphrase-9876543210';
const SHOP = 'https://shop.example';

function options(overrides: Partial<OgoneHandlerOptions> = {}): OgoneHandlerOptions {
  return {
    pspid: 'SHOP1',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: 'prod',
    allowedReturnOrigins: [SHOP],
    resolveOrder: () => ({ amount: '10.00', currency: 'EUR' }),
    onPaymentResult: () => {},
    logger: false,
    ...overrides,
  };
}

async function sign(overrides: Partial<OgoneHandlerOptions>, body: Record<string, unknown> = {}) {
  const handler = createOgoneHandler(options({ environment: 'test', ...overrides }));
  const response = await handler(
    new Request('http://127.0.0.1/ogone/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderRef: 'A-1', returnUrl: `${SHOP}/back`, ...body }),
    }),
  );
  assert.equal(response.status, 200);
  return (await response.json()) as { fields: Record<string, string> };
}

describe('#13.10 ALIASUSAGE speaks the shopper language', () => {
  it('uses the built-in text of the shopper language, or the merchant text per language', async () => {
    const order = () => ({
      amount: '10.00',
      currency: 'EUR',
      customerId: 'c1',
      allowSaveCard: true,
    });
    const fr = await sign({ resolveOrder: order }, { saveCard: true, language: 'fr-BE' });
    assert.match(fr.fields['ALIASUSAGE']!, /carte/);
    const custom = await sign(
      { resolveOrder: order, aliasUsage: { en: 'Kept for next time.', nl: 'Bewaard voor later.' } },
      { saveCard: true, language: 'nl-BE' },
    );
    assert.equal(custom.fields['ALIASUSAGE'], 'Bewaard voor later.');
    const fallback = await sign(
      { resolveOrder: order, aliasUsage: { en: 'Kept for next time.' } },
      { saveCard: true, language: 'de' },
    );
    assert.equal(fallback.fields['ALIASUSAGE'], 'Kept for next time.');
  });
});
