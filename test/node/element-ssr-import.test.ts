import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('<ogone-checkout> on a server', () => {
  it('imports without a DOM: no window, document or customElements touched at module load', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    const component = await import('../../src/element/ogone-checkout.component.js');
    assert.equal(typeof component.OgoneCheckout, 'function');
    const root = await import('../../src/index.js');
    assert.equal(typeof root.OgoneCheckout, 'function');
    assert.equal(typeof root.describeStatus, 'function');
    // Nothing that signs belongs in the storefront entry.
    assert.equal('signShaIn' in root, false);
  });
});
