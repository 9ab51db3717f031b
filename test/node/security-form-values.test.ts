/** Issue #15.2: every hosted-page value is normalised before signing, so what the browser posts is what was signed. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FORM_FIELD_LIMITS, normalizeFormValue } from '../../src/protocol/form-values.js';
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

function shaIn(fields: Record<string, string>, algorithm = 'sha512'): string {
  const text = Object.entries(fields)
    .filter(([name, value]) => name !== 'SHASIGN' && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}${SHA_IN}`)
    .join('');
  return createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();
}

describe('#15.2 every hosted-page value is normalised before signing', () => {
  it('turns line breaks into a space and removes other control characters', () => {
    assert.equal(
      normalizeFormValue('OWNERADDRESS', 'Rue de la Loi 16\nBoîte 3'),
      'Rue de la Loi 16 Boîte 3',
    );
    assert.equal(normalizeFormValue('OWNERADDRESS', 'a\r\nb\rc\u2028d'), 'a b c d');
    assert.equal(normalizeFormValue('CN', 'Zo\u0000ë\u0007 \u007f\u009fX'), 'Zoë X');
    assert.equal(normalizeFormValue('CN', '  Ada   '), 'Ada');
  });

  it('applies the field length, never splitting a character', () => {
    const limit = FORM_FIELD_LIMITS['CN']!;
    assert.equal(normalizeFormValue('CN', 'x'.repeat(limit + 10)).length, limit);
    const emoji = '😀'.repeat(limit);
    const cut = normalizeFormValue('CN', emoji);
    assert.equal([...cut].length, limit);
    assert.ok(!/[\uD800-\uDBFF]$/.test(cut));
  });

  it('for any value, what a browser form posts is what was signed', () => {
    // A browser's form submission encodes UTF-8 (lone surrogates become U+FFFD) and turns line
    // breaks into CRLF; a normalised value is a fixed point of both.
    const browserPosts = (value: string) =>
      Buffer.from(value, 'utf8')
        .toString('utf8')
        .replace(/\r\n|\r|\n/g, '\r\n');
    fc.assert(
      fc.property(
        fc.constantFrom('CN', 'OWNERADDRESS', 'OWNERTOWN', 'EMAIL', 'COMPLUS', 'ALIASUSAGE'),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (name, raw) => {
          const value = normalizeFormValue(name, raw);
          assert.equal(browserPosts(value), value);
          assert.equal(normalizeFormValue(name, value), value, 'idempotent');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('/sign signs the normalised customer details', async () => {
    const { fields } = await sign({
      resolveOrder: () => ({
        amount: '10.00',
        currency: 'EUR',
        customer: {
          name: 'Ada\tLovelace',
          address: 'Rue de la Loi 16\nBoîte 3',
          town: 'Bruxelles\r\n',
        },
      }),
    });
    assert.equal(fields['OWNERADDRESS'], 'Rue de la Loi 16 Boîte 3');
    assert.equal(fields['CN'], 'Ada Lovelace');
    assert.equal(fields['OWNERTOWN'], 'Bruxelles');
    assert.equal(fields['SHASIGN'], shaIn(fields));
  });
});
