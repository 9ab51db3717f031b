/**
 * Size budget of `<ogone-checkout>` as a browser first loads it: the define module and the chunks
 * it imports statically (element + lit, minified ESM, each file gzipped at level 9) must stay
 * within 14 KB. The return half, the developer hints and every non-English string table load on
 * demand, so they are not in it; the test checks that they really are split off.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELEMENT_ENTRY, measureBundle, SIZE_LIMIT_BYTES } from '../../scripts/size.js';

describe('browser bundle size', () => {
  it(`<ogone-checkout> first load is at most ${SIZE_LIMIT_BYTES} bytes gzipped`, async () => {
    const size = await measureBundle(ELEMENT_ENTRY);
    const first = size.firstLoad.map((chunk) => chunk.code).join('\n');
    const later = size.onDemand.map((chunk) => chunk.code).join('\n');
    // Self-contained: only its own chunks are imported, and the first load defines the element
    // (an empty or partial build cannot pass by being small).
    assert.doesNotMatch(`${first}\n${later}`, /\bfrom\s*["'](?!\.\/)/);
    assert.match(first, /customElements\.define\(\s*"ogone-checkout"/);
    assert.match(first, /Pay now/);
    // The staff's payments page is its own bundle, never part of the storefront's.
    assert.ok(!`${first}\n${later}`.includes('ogone-admin'), 'no payments page in the element');
    // On demand: the other languages, the receipt and order status, the console hints.
    for (const text of ['Payer', 'Nu betalen', 'Jetzt bezahlen', 'Paga ora', 'Pagar ahora']) {
      assert.ok(!first.includes(text) && later.includes(text), `${text} loads on demand`);
    }
    for (const text of ['receipt-amount', 'orders/', 'allowedReturnOrigins']) {
      assert.ok(!first.includes(text) && later.includes(text), `${text} loads on demand`);
    }
    assert.ok(
      size.gzipBytes <= SIZE_LIMIT_BYTES,
      `${size.gzipBytes} B gzip is over the ${SIZE_LIMIT_BYTES} B budget`,
    );
  });
});
