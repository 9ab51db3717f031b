/**
 * `<ogone-checkout>` under a strict Content-Security-Policy (no `'unsafe-inline'`, no
 * `'unsafe-eval'`), in a same-origin iframe whose only script is the element's module: every state
 * it goes through must raise no `securitypolicyviolation`, and its hidden form must really be
 * submitted from inside the shadow root (no submit stub here: the frame's Navigation API sees the
 * POST and its form data, and stops it before any request).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.component.js';

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'";
const PROBE_PATH = '/__ogone_checkout_csp_probe__';

/** The bits of the Navigation API (Chromium) this test uses. */
interface NavigateEvent extends Event {
  destination: { url: string };
  formData: FormData | null;
}

interface Frame {
  iframe: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  violations: string[];
}

async function strictFrame(): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><html lang="fr"><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"></head><body></body></html>`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis;
  const doc = iframe.contentDocument!;
  const violations: string[] = [];
  doc.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.violatedDirective} ${event.blockedURI}`),
  );
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = new URL('/src/element/ogone-checkout.ts', location.origin).href;
  doc.head.append(script);
  await waitUntil(() => win.customElements.get('ogone-checkout'), 'element defined in the frame', {
    timeout: 5000,
  });
  return { iframe, win, doc, violations };
}

describe('<ogone-checkout> under a strict CSP', () => {
  let frame: Frame | undefined;
  afterEach(() => frame?.iframe.remove());

  it('renders, fails, retries and posts its form without any CSP violation', async () => {
    frame = await strictFrame();
    const { win, doc, violations, iframe } = frame;
    const action = `${location.origin}${PROBE_PATH}`;
    let call = 0;
    win.fetch = (input) => {
      if (String(input).includes('/orders/')) {
        return Promise.resolve(
          new Response(JSON.stringify({ orderRef: 'SO-1', state: 'open', result: null }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      if (String(input).includes('/cards?')) {
        // A saved card, so the list and its adopted stylesheet are under the CSP too.
        const card = { id: 'c1', brand: 'VISA', last4: '1111', expiry: '12/34', expired: false };
        return Promise.resolve(
          new Response(
            JSON.stringify({
              enabled: true,
              cards: [{ ...card, lastUsedAt: null }],
              selectedCardId: null,
            }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          ),
        );
      }
      call += 1;
      if (call === 1) return Promise.reject(new TypeError('Failed to fetch'));
      return Promise.resolve(
        new Response(
          JSON.stringify({
            action,
            method: 'POST',
            orderId: 'SO-1-x',
            fields: { PSPID: 'demo', ORDERID: 'SO-1-x', AMOUNT: '100', SHASIGN: 'AB'.repeat(20) },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
      );
    };
    const el = doc.createElement('ogone-checkout') as OgoneCheckout;
    el.setAttribute('endpoint', '/ogone');
    el.setAttribute('order-ref', 'SO-1');
    el.setAttribute('save-card', 'optional');
    el.setAttribute('amount', '1.00');
    el.setAttribute('currency', 'EUR');
    el.setAttribute('allowed-hosts', location.host);
    doc.body.append(el);
    await el.updateComplete;

    const root = el.shadowRoot!;
    expect(root.adoptedStyleSheets.length, 'constructable stylesheet').to.be.greaterThan(0);
    await waitUntil(() => root.querySelector('fieldset'), 'saved-card list shown');
    expect(root.adoptedStyleSheets.length, 'the list adds its own sheet').to.equal(2);
    const pay = () => root.querySelector<HTMLButtonElement>('button[part="button"]')!;
    expect(pay().textContent!.trim()).to.equal('Payer');

    root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    pay().click();
    await waitUntil(() => el.state === 'error', 'network error shown');
    await el.updateComplete;
    for (const node of root.querySelectorAll('*')) {
      expect(node.hasAttribute('style'), `${node.localName} has a style attribute`).to.equal(false);
    }
    expect(root.querySelectorAll('style, script, link')).to.have.length(0);

    // Control: the listener does see a violation, so silence below means none happened.
    doc.body.insertAdjacentHTML('beforeend', '<p style="color: red">control</p>');
    await waitUntil(() => violations.length > 0, 'control violation reported');
    expect(violations).to.have.length(1);
    expect(violations[0]).to.match(/^style-src/);

    // The real form.submit(), seen by the frame's Navigation API and stopped before any request.
    const navigation = (win as unknown as { navigation: EventTarget }).navigation;
    const navigated = new Promise<NavigateEvent>((resolve) =>
      navigation.addEventListener(
        'navigate',
        (event) => {
          event.preventDefault();
          resolve(event as NavigateEvent);
        },
        { once: true },
      ),
    );
    pay().click();
    const navigate = await navigated;
    expect(navigate.destination.url).to.equal(action);
    expect([...navigate.formData!.entries()]).to.deep.equal([
      ['PSPID', 'demo'],
      ['ORDERID', 'SO-1-x'],
      ['AMOUNT', '100'],
      ['SHASIGN', 'AB'.repeat(20)],
    ]);
    expect(iframe.contentDocument).to.equal(doc);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations, 'no violation but the control').to.have.length(1);
  });
});
