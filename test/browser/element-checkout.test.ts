/**
 * `<ogone-checkout>` on the checkout page, in Chromium: what the shopper sees, what reaches
 * `<endpoint>/sign`, and the exact form posted to Ogone. `fetch` and `HTMLFormElement#submit` are
 * stubbed at the edge; everything else is the real element.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { collect, edges, stubFetchWith, untilState, useEdgeStubs, type Reply } from './edges.js';
import type {
  OgoneBeforeRedirectDetail,
  OgoneCheckout,
  OgoneErrorDetail,
  SignedPayload,
} from '../../src/index.js';

useEdgeStubs();
let replies: Reply[] = [];

/** Stubs `/sign` with `queue`; the order status lookup answers `open` (not recorded in signs()). */
function stubFetch(...queue: Reply[]): void {
  replies = queue;
  stubFetchWith((url) => {
    const lookup = /\/orders\/([^/]+)$/.exec(url);
    if (lookup) return { status: 200, body: { orderRef: lookup[1], state: 'open', result: null } };
    return replies.length > 1 ? replies.shift()! : replies[0]!;
  });
}

/** The calls to `/sign` (the element also asks the order status on load). */
function signs() {
  return edges.calls.filter((call) => !call.url.includes('/orders/'));
}

const ACTION = 'https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp';

function signedPayload(orderId = 'SO-1001-k3x9', action = ACTION): SignedPayload {
  return {
    action,
    method: 'POST',
    orderId,
    fields: {
      PSPID: 'demoshop',
      ORDERID: orderId,
      AMOUNT: '1999',
      CURRENCY: 'EUR',
      LANGUAGE: 'en_US',
      COMPLUS: 'SO-1001',
      CN: 'Bárbara "Ø" <Săo> & co',
      ACCEPTURL: 'https://shop.example/checkout',
      SHASIGN: 'AB'.repeat(64),
    },
  };
}

function part(el: OgoneCheckout, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
function button(el: OgoneCheckout): HTMLButtonElement {
  const found = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]');
  expect(found, 'pay button').not.to.equal(null);
  return found!;
}
/** Visible text of the button, slot fallback included. */
function buttonText(el: OgoneCheckout): string {
  return button(el).textContent!.replace(/\s+/g, ' ').trim();
}
/** What the live regions say (the polite status and the assertive alert). */
function messageText(el: OgoneCheckout): string {
  const regions = [part(el, 'status'), part(el, 'alert')];
  return regions
    .map((region) => region?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function checkout(attributes = '') {
  const container = document.createElement('div');
  container.innerHTML = `<ogone-checkout endpoint="/ogone" order-ref="SO-1001" ${attributes}></ogone-checkout>`;
  return fixture<OgoneCheckout>(container.firstElementChild as OgoneCheckout);
}

describe('<ogone-checkout> checkout half', () => {
  it('renders a native pay button, no checkbox by default, and an empty live region', async () => {
    const el = await checkout();
    expect(el.getAttribute('state')).to.equal('idle');
    expect(buttonText(el)).to.equal('Pay now');
    expect(button(el).type).to.equal('button');
    expect(el.shadowRoot!.querySelector('input[type="checkbox"]')).to.equal(null);
    const status = part(el, 'status')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('fires ogone-ready once after the first render', async () => {
    const ready = collect<{ mode: string }>('ogone-ready');
    await checkout();
    expect(ready).to.deep.equal([{ mode: 'checkout' }]);
  });

  it('signs with orderRef, saveCard false and this page without its query (no language when the page declares none)', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout();
    button(el).click();
    await untilState(el, 'redirecting');
    expect(signs()).to.have.length(1);
    expect(signs()[0]!.url).to.equal('/ogone/sign');
    expect(signs()[0]!.body).to.deep.equal({
      orderRef: 'SO-1001',
      saveCard: false,
      returnUrl: location.origin + location.pathname,
    });
    expect(String(signs()[0]!.body['returnUrl'])).not.to.include('?');
  });

  it('posts a UTF-8 form with exactly the signed fields to the signed action', async () => {
    const payload = signedPayload();
    stubFetch({ status: 200, body: payload });
    const el = await checkout();
    button(el).click();
    await untilState(el, 'redirecting');
    await waitUntil(() => edges.submitted.length > 0, 'form edges.submitted');
    expect(edges.submitted).to.have.length(1);
    const form = edges.submitted[0]!;
    expect(form.isConnected).to.equal(true);
    expect(form.getAttribute('method')).to.equal('post');
    expect(form.method).to.equal('post');
    expect(form.acceptCharset).to.equal('UTF-8');
    expect(form.action).to.equal(ACTION);
    const posted = [...new FormData(form).entries()].map(([name, value]) => [name, String(value)]);
    expect(posted).to.have.deep.members(Object.entries(payload.fields));
    expect(posted).to.have.length(Object.keys(payload.fields).length);
    expect(messageText(el)).to.equal('Opening the secure payment page…');
    expect(button(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('fires a cancelable ogone-before-redirect with the fields except SHASIGN', async () => {
    const payload = signedPayload();
    stubFetch({ status: 200, body: payload });
    const el = await checkout();
    const seen = collect<OgoneBeforeRedirectDetail>('ogone-before-redirect');
    const visible: Record<string, string> = { ...payload.fields };
    delete visible['SHASIGN'];
    const eventPromise = oneEvent(el, 'ogone-before-redirect');
    button(el).click();
    const event = await eventPromise;
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      action: ACTION,
      orderId: payload.orderId,
      fields: visible,
    });
    expect(seen).to.have.length(1);
  });

  it('cancelling ogone-before-redirect stops the submit and returns to idle', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout();
    el.addEventListener('ogone-before-redirect', (event) => event.preventDefault());
    button(el).click();
    await oneEvent(el, 'ogone-before-redirect');
    await untilState(el, 'idle');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(edges.submitted).to.have.length(0);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(button(el).disabled).to.equal(false);
  });

  it('signs and submits once however often the button is clicked', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    stubFetch({ status: 200, body: signedPayload() });
    const reply = window.fetch;
    window.fetch = async (input, init) => {
      await gate;
      return reply(input, init);
    };
    const el = await checkout();
    button(el).click();
    button(el).click();
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('signing');
    expect(button(el).disabled).to.equal(true);
    expect(button(el).getAttribute('aria-busy')).to.equal('true');
    expect(messageText(el)).to.equal('Preparing your secure payment…');
    await expect(el).to.be.accessible();
    await el.pay();
    button(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    release();
    await untilState(el, 'redirecting');
    await el.updateComplete;
    button(el).click();
    await el.pay();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signs()).to.have.length(1);
    expect(edges.submitted).to.have.length(1);
  });

  it('is ready to pay again when the shopper comes back through the back/forward cache', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout();
    button(el).click();
    await waitUntil(() => edges.submitted.length === 1, 'edges.submitted');
    expect(button(el).disabled).to.equal(true);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(button(el).disabled).to.equal(false);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('offers the save-card checkbox when optional, unchecked, and sends the choice', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout('save-card="optional"');
    const checkbox = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox).not.to.equal(null);
    expect(checkbox.checked).to.equal(false);
    expect(checkbox.closest('label')!.textContent!.trim()).to.equal(
      'Save my card for future purchases',
    );
    await expect(el).to.be.accessible();
    const changes = collect<{ saveCard: boolean }>('ogone-save-card-change');
    checkbox.click();
    expect(changes).to.deep.equal([{ saveCard: true }]);
    button(el).click();
    await untilState(el, 'redirecting');
    expect(signs()[0]!.body['saveCard']).to.equal(true);
  });

  it('lets slots replace the consent text and the pay label', async () => {
    const el = await fixture<OgoneCheckout>(html`
      <ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional">
        <span slot="consent">Remember this card</span>
        <span slot="pay-label">Pay €19.99</span>
      </ogone-checkout>
    `);
    const slots = [...el.shadowRoot!.querySelectorAll('slot')].map((slot) => [
      slot.name,
      slot.assignedElements().map((node) => node.textContent),
    ]);
    expect(slots).to.deep.equal([
      ['consent', ['Remember this card']],
      ['pay-label', ['Pay €19.99']],
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows the display amount, formatted, without sending it anywhere', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout('amount="19.99" currency="EUR" lang="en"');
    expect(part(el, 'amount')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Total: €19.99');
    button(el).click();
    await untilState(el, 'redirecting');
    expect(JSON.stringify(signs()[0]!.body)).not.to.include('19.99');
  });

  it('gives ogone-error invalid-payload and no submit when /sign answers a bad payload', async () => {
    const bad = { ...signedPayload(), fields: { ...signedPayload().fields, ORDERID: 'other' } };
    stubFetch({ status: 200, body: bad });
    const el = await checkout();
    const errorPromise = oneEvent(el, 'ogone-error');
    button(el).click();
    const { detail } = await errorPromise;
    expect(detail.code).to.equal('invalid-payload');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(messageText(el)).to.equal('The payment could not be started.');
    expect(edges.submitted).to.have.length(0);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const [name, action] of [
    [
      'an unknown host',
      'https://ogone.test.v-psp.com.evil.example/ncol/test/orderstandard_utf8.asp',
    ],
    ['plain http on an Ogone host', 'http://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp'],
    ['credentials in the URL', 'https://user:pw@secure.ogone.com/ncol/prod/orderstandard_utf8.asp'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['the sandbox without allowed-hosts', 'http://127.0.0.1:5173/ncol/test/orderstandard_utf8.asp'],
  ] as const) {
    it(`refuses a signed action on ${name} with ogone-error foreign-action`, async () => {
      stubFetch({ status: 200, body: signedPayload('SO-1001-x', action) });
      const el = await checkout();
      const redirects = collect('ogone-before-redirect');
      const errorPromise = oneEvent(el, 'ogone-error');
      button(el).click();
      const { detail } = await errorPromise;
      expect(detail.code).to.equal('foreign-action');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(edges.submitted).to.have.length(0);
      expect(redirects).to.have.length(0);
    });
  }

  it('posts to an allowed-hosts entry (the sandbox), exact host and port only', async () => {
    const sandbox = 'http://127.0.0.1:5173/ncol/test/orderstandard_utf8.asp';
    stubFetch(
      { status: 200, body: signedPayload('SO-1001-a', sandbox) },
      { status: 200, body: signedPayload('SO-1001-b', sandbox.replace('5173', '5174')) },
    );
    const el = await checkout('allowed-hosts="localhost:9999 127.0.0.1:5173"');
    button(el).click();
    await waitUntil(() => edges.submitted.length === 1, 'edges.submitted to the sandbox');
    expect(edges.submitted[0]!.action).to.equal(sandbox);

    const other = await checkout('allowed-hosts="127.0.0.1:5173"');
    const errorPromise = oneEvent(other, 'ogone-error');
    button(other).click();
    expect((await errorPromise).detail.code).to.equal('foreign-action');
    expect(edges.submitted).to.have.length(1);
  });

  it('follows a Worldline Direct hosted checkout with GET (https on a Worldline host), query kept', async () => {
    const hosted =
      'https://payment.preprod.direct.worldline-solutions.com/hostedcheckout/PaymentMethods/Selection/abc123?lang=fr&x=a%20b';
    stubFetch({
      status: 200,
      body: { action: hosted, method: 'GET', fields: {}, orderId: 'SO-1001-w' },
    });
    // The pspid check reads the signed form's PSPID: a GET (a server-side session) has none.
    const el = await checkout('pspid="demoshop"');
    const redirects = collect<{ action: string; fields: Record<string, string> }>(
      'ogone-before-redirect',
    );
    button(el).click();
    await waitUntil(() => edges.submitted.length === 1, 'the hosted checkout form');
    const form = edges.submitted[0]!;
    expect(form.method).to.equal('get');
    expect(form.action).to.equal(
      'https://payment.preprod.direct.worldline-solutions.com/hostedcheckout/PaymentMethods/Selection/abc123',
    );
    const sent = Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>);
    expect(sent).to.deep.equal({ lang: 'fr', x: 'a b' });
    expect(redirects[0]!.action).to.equal(hosted);
    expect(redirects[0]!.fields).to.deep.equal({});
  });

  it('refuses a GET to plain http on a Worldline host, and a GET carrying fields', async () => {
    stubFetch(
      {
        status: 200,
        body: {
          action: 'http://payment.direct.worldline-solutions.com/hostedcheckout/x',
          method: 'GET',
          fields: {},
          orderId: 'SO-1001-h',
        },
      },
      {
        status: 200,
        body: {
          action: 'https://payment.direct.worldline-solutions.com/hostedcheckout/x',
          method: 'GET',
          fields: { AMOUNT: '1' },
          orderId: 'SO-1001-f',
        },
      },
    );
    const el = await checkout();
    const first = oneEvent(el, 'ogone-error');
    button(el).click();
    expect((await first).detail.code).to.equal('foreign-action');
    const other = await checkout();
    const second = oneEvent(other, 'ogone-error');
    button(other).click();
    expect((await second).detail.code).not.to.equal(undefined);
    expect(edges.submitted).to.have.length(0);
  });

  it('shows a message and a working retry when the endpoint cannot be reached', async () => {
    stubFetch(new TypeError('Failed to fetch'), { status: 200, body: signedPayload() });
    const el = await checkout();
    const errors = collect<OgoneErrorDetail>('ogone-error');
    button(el).click();
    await untilState(el, 'error');
    await el.updateComplete;
    expect(errors.map((error) => error.code)).to.deep.equal(['network']);
    expect(errors[0]!.cause).to.be.instanceOf(TypeError);
    expect(messageText(el)).to.equal(
      'We could not reach the payment service. Check your connection.',
    );
    expect(part(el, 'message')!.getAttribute('part')).to.include('message-error');
    expect(buttonText(el)).to.equal('Try again');
    expect(button(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
    button(el).click();
    await waitUntil(() => edges.submitted.length === 1, 'edges.submitted after retry');
    expect(signs()).to.have.length(2);
  });

  it('gives ogone-error signing-rejected with the endpoint message on a 4xx error', async () => {
    stubFetch({
      status: 422,
      body: { error: { code: 'save-card-not-allowed', message: 'Card saving is disabled.' } },
    });
    const el = await checkout('save-card="optional"');
    const errorPromise = oneEvent(el, 'ogone-error');
    button(el).click();
    const { detail } = await errorPromise;
    expect(detail.code).to.equal('signing-rejected');
    expect(detail.message).to.equal('Card saving is disabled.');
    expect(detail.cause).to.deep.equal({ status: 422, code: 'save-card-not-allowed' });
  });

  it('maps endpoint codes: unknown-order, return-url-not-allowed, unknown code, 502 without body', async () => {
    const cases: Array<[Reply, string, string | null]> = [
      [
        { status: 404, body: { error: { code: 'unknown-order', message: 'No order SO-1001.' } } },
        'unknown-order',
        'No order SO-1001.',
      ],
      [
        {
          status: 400,
          body: { error: { code: 'return-url-not-allowed', message: 'Return URL refused.' } },
        },
        'configuration',
        'Return URL refused.',
      ],
      [
        { status: 400, body: { error: { code: 'weird', message: '<script>secret</script>' } } },
        'signing-rejected',
        null,
      ],
      [{ status: 502, body: '<html>Bad gateway</html>' }, 'endpoint-unavailable', null],
    ];
    for (const [reply, code, message] of cases) {
      stubFetch(reply);
      const el = await checkout();
      const errorPromise = oneEvent(el, 'ogone-error');
      button(el).click();
      const { detail } = await errorPromise;
      expect(detail.code, JSON.stringify(reply)).to.equal(code);
      if (message) expect(detail.message).to.equal(message);
      else expect(detail.message).not.to.include('secret');
    }
  });

  it('gives ogone-error configuration without endpoint or order-ref, and calls nothing', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    for (const markup of [
      '<ogone-checkout order-ref="SO-1001"></ogone-checkout>',
      '<ogone-checkout endpoint="/ogone"></ogone-checkout>',
    ]) {
      const container = document.createElement('div');
      container.innerHTML = markup;
      const el = await fixture<OgoneCheckout>(container.firstElementChild!);
      const errorPromise = oneEvent(el, 'ogone-error');
      button(el).click();
      expect((await errorPromise).detail.code).to.equal('configuration');
    }
    expect(signs()).to.have.length(0);
  });

  it('aborts the request in flight when removed, without an error event', async () => {
    stubFetch('hang');
    const el = await checkout();
    const errors = collect('ogone-error');
    button(el).click();
    await waitUntil(() => signs().length === 1, 'request sent');
    expect(signs()[0]!.signal!.aborted).to.equal(false);
    el.remove();
    expect(signs()[0]!.signal!.aborted).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).to.have.length(0);
    expect(edges.submitted).to.have.length(0);
    // Put back, it is ready to pay again rather than stuck busy.
    stubFetch({ status: 200, body: signedPayload() });
    document.body.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    button(el).click();
    await waitUntil(() => edges.submitted.length === 1, 'edges.submitted after reconnect');
    el.remove();
  });

  it('reflects state for CSS and fires every event bubbling and composed', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout('save-card="optional"');
    const events: Event[] = [];
    for (const name of ['ogone-save-card-change', 'ogone-before-redirect']) {
      const listener = (event: Event) => events.push(event);
      document.addEventListener(name, listener);
      edges.cleanups.push(() => document.removeEventListener(name, listener));
    }
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    button(el).click();
    await untilState(el, 'redirecting');
    expect(el.getAttribute('state')).to.equal('redirecting');
    expect(events.map((event) => [event.type, event.bubbles, event.composed])).to.deep.equal([
      ['ogone-save-card-change', true, true],
      ['ogone-before-redirect', true, true],
    ]);
  });
});

describe('<ogone-checkout> languages and strings', () => {
  const expected = {
    en: ['Pay now', 'Save my card for future purchases', 'en'],
    fr: ['Payer', 'Enregistrer ma carte pour mes prochains achats', 'fr'],
    nl: ['Nu betalen', 'Mijn kaart bewaren voor volgende aankopen', 'nl'],
    de: ['Jetzt bezahlen', 'Meine Karte für künftige Einkäufe speichern', 'de'],
  } as const;

  for (const [lang, [pay, consent, language]] of Object.entries(expected)) {
    it(`renders in ${lang} and sends the tag ${language} for the endpoint to map to Ogone's LANGUAGE`, async () => {
      stubFetch({ status: 200, body: signedPayload() });
      const el = await checkout(`lang="${lang}" save-card="optional"`);
      expect(buttonText(el)).to.equal(pay);
      expect(el.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal(consent);
      await expect(el).to.be.accessible();
      button(el).click();
      await untilState(el, 'redirecting');
      expect(signs()[0]!.body['language']).to.equal(language);
    });
  }

  it('follows a regional tag: fr-BE gives French text and is sent as fr-BE (the endpoint maps it to fr_BE)', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const el = await checkout('lang="fr-BE"');
    expect(buttonText(el)).to.equal('Payer');
    button(el).click();
    await untilState(el, 'redirecting');
    expect(signs()[0]!.body['language']).to.equal('fr-BE');
  });

  it('uses the document language without a lang attribute, English when unknown', async () => {
    const original = document.documentElement.getAttribute('lang');
    try {
      document.documentElement.lang = 'nl';
      expect(buttonText(await checkout())).to.equal('Nu betalen');
      document.documentElement.lang = 'ja';
      expect(buttonText(await checkout())).to.equal('Pay now');
    } finally {
      if (original === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', original);
    }
  });

  it('takes partial overrides from the strings property', async () => {
    stubFetch(new TypeError('offline'));
    const el = await checkout('lang="fr"');
    el.strings = { pay: 'Régler ma commande', errorNetwork: 'Hors ligne.' };
    await el.updateComplete;
    expect(buttonText(el)).to.equal('Régler ma commande');
    button(el).click();
    await untilState(el, 'error');
    await el.updateComplete;
    expect(messageText(el)).to.equal('Hors ligne.');
    expect(buttonText(el)).to.equal('Réessayer');
  });
});

describe('<ogone-checkout> inside another component', () => {
  class ShopShell extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML =
        '<section><ogone-checkout endpoint="/ogone" order-ref="SO-7" save-card="optional"></ogone-checkout></section>';
    }
  }
  if (!customElements.get('test-shop-shell')) customElements.define('test-shop-shell', ShopShell);

  it('reads the language across shadow roots, submits and its events reach the document', async () => {
    stubFetch({ status: 200, body: signedPayload() });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><test-shop-shell></test-shop-shell></div>`,
    );
    const shell = wrapper.querySelector('test-shop-shell')!;
    const el = shell.shadowRoot!.querySelector('ogone-checkout')!;
    await el.updateComplete;
    expect(buttonText(el)).to.equal('Jetzt bezahlen');
    const redirects = collect<OgoneBeforeRedirectDetail>('ogone-before-redirect');
    const changes = collect<{ saveCard: boolean }>('ogone-save-card-change');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    button(el).click();
    await waitUntil(() => edges.submitted.length === 1, 'edges.submitted');
    expect(signs()[0]!.body).to.include({ orderRef: 'SO-7', language: 'de', saveCard: true });
    expect(changes).to.deep.equal([{ saveCard: true }]);
    expect(redirects).to.have.length(1);
    expect(edges.submitted[0]!.getRootNode()).to.equal(el.shadowRoot);
    await expect(wrapper).to.be.accessible();
  });
});
