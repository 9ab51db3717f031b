/**
 * Side effects: the component class module registers nothing (safe to import for SSR or a custom
 * tag name); the define module registers `<ogone-checkout>` with that same class.
 */
import { expect } from '@open-wc/testing';

describe('<ogone-checkout> modules', () => {
  it('importing the component class does not define the tag; the define module does', async () => {
    const { OgoneCheckout } = await import('../../src/element/ogone-checkout.component.js');
    expect(OgoneCheckout.prototype).to.be.instanceOf(HTMLElement);
    expect(customElements.get('ogone-checkout')).to.equal(undefined);
    const root = await import('../../src/index.js');
    expect(customElements.get('ogone-checkout')).to.equal(OgoneCheckout);
    expect(root.OgoneCheckout).to.equal(OgoneCheckout);
    expect(document.createElement('ogone-checkout')).to.be.instanceOf(OgoneCheckout);
  });

  it('the class can be registered under another name by the host page', async () => {
    const { OgoneCheckout } = await import('../../src/element/ogone-checkout.component.js');
    class ShopCheckout extends OgoneCheckout {}
    customElements.define('shop-checkout', ShopCheckout);
    const el = document.createElement('shop-checkout') as InstanceType<typeof ShopCheckout>;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Pay now');
    el.remove();
  });
});
