/**
 * What the shopper sees and hears from `<ogone-checkout>` (issue #13 items 6–11): errors told
 * apart, announced and focused; a receipt in parts; the result in view without layout shift on a
 * phone; colours that pass AA on light and dark pages; six languages that follow `lang`; and the
 * developer told about integration mistakes in the console.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/element/ogone-checkout.js';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.js';
import type { OgoneErrorDetail } from '../../src/index.js';
import { collect, edges, untilState, useEdgeStubs, type Reply } from './edges.js';
import {
  button,
  buttonText,
  clean,
  part,
  render,
  result,
  returnQuery,
  routeFetch,
  said,
  settle,
  shadow,
  signedPayload,
} from './fixtures.js';

const originalUrl = location.href;
useEdgeStubs();
afterEach(async () => {
  history.replaceState(null, '', originalUrl);
  sessionStorage.clear();
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ colorScheme: 'light' });
});

const PAID = result('paid');
const CHECKOUT = '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>';

/** Holds every request to `/sign` or `/verify` until `release()`. */
function gateFetch(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reply = window.fetch;
  window.fetch = async (input, init) => {
    if (!String(input).includes('/orders/')) await gate;
    return reply(input, init);
  };
  return release;
}

function consoleErrors(): string[] {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  edges.cleanups.push(() => (console.error = original));
  return seen;
}

describe('item 6: errors are told apart, announced assertively and focused', () => {
  it('has a polite and an assertive region from the first render; errors go to the assertive one and take focus', async () => {
    routeFetch({ sign: [new TypeError('Failed to fetch')] });
    const el = await render(CHECKOUT);
    const status = part(el, 'status')!;
    const alert = part(el, 'alert')!;
    expect([status.getAttribute('role'), status.getAttribute('aria-live')]).to.deep.equal([
      'status',
      'polite',
    ]);
    expect([alert.getAttribute('role'), alert.getAttribute('aria-live')]).to.deep.equal([
      'alert',
      'assertive',
    ]);
    expect(clean(status.textContent) + clean(alert.textContent)).to.equal('');
    button(el)!.click();
    await untilState(el, 'error');
    await el.updateComplete;
    expect(clean(alert.textContent)).to.equal(
      'We could not reach the payment service. Check your connection.',
    );
    expect(clean(status.textContent)).to.equal('');
    expect(shadow(el).activeElement).to.equal(part(el, 'message'));
    await expect(el).to.be.accessible();
  });

  it('announces progress and results politely, never in the assertive region', async () => {
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const el = await render(CHECKOUT, returnQuery());
    await untilState(el, 'done');
    await el.updateComplete;
    expect(clean(part(el, 'alert')!.textContent)).to.equal('');
    expect(clean(part(el, 'status')!.textContent)).to.include('Thank you!');
  });

  const serverDown: Reply = {
    status: 503,
    body: { error: { code: 'result-delivery-failed', message: 'Try later.' } },
  };
  for (const [name, reply, code, text] of [
    [
      'the shopper’s connection',
      new TypeError('Failed to fetch'),
      'network',
      'We could not reach the payment service. Check your connection.',
    ],
    [
      'the shop’s server (502 without a body)',
      { status: 502, body: '<html>Bad gateway</html>' },
      'endpoint-unavailable',
      'The payment service is unavailable. Nothing was charged; try again shortly.',
    ],
    [
      'the shop’s server (503 with an error body)',
      serverDown,
      'endpoint-unavailable',
      'The payment service is unavailable. Nothing was charged; try again shortly.',
    ],
  ] as const) {
    it(`before paying, tells ${name} apart and offers Try again`, async () => {
      routeFetch({ sign: [reply] });
      const errors = collect<OgoneErrorDetail>('ogone-error');
      const el = await render(CHECKOUT);
      button(el)!.click();
      await untilState(el, 'error');
      await el.updateComplete;
      expect(errors.map((error) => error.code)).to.deep.equal([code]);
      expect(said(el)).to.equal(text);
      expect(buttonText(el)).to.equal('Try again');
    });
  }

  for (const [name, reply, text] of [
    [
      'a lost connection',
      new TypeError('Failed to fetch'),
      'We could not reach the payment service to confirm your payment. Check your connection, then check again. Please do not pay again.',
    ],
    [
      'a failing server',
      serverDown,
      'We cannot confirm your payment right now. Please check again in a moment, and do not pay again.',
    ],
  ] as const) {
    it(`on return, after ${name}, never offers to pay again: "Check again"`, async () => {
      routeFetch({ verify: [reply, { status: 200, body: PAID }] });
      const el = await render(CHECKOUT, returnQuery());
      await untilState(el, 'error');
      await el.updateComplete;
      expect(said(el)).to.equal(text);
      expect(buttonText(el)).to.equal('Check again');
      expect(location.search, 'kept for a reload').to.equal(returnQuery());
      await el.pay();
      expect(edges.calls.filter((call) => call.url.endsWith('/sign'))).to.deep.equal([]);
      button(el)!.click();
      await untilState(el, 'done');
    });
  }

  it('a tampered return gets clean parameters and a button back to the checkout', async () => {
    routeFetch({
      verify: [{ status: 403, body: { error: { code: 'invalid-signature', message: 'Bad.' } } }],
    });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const el = await render(CHECKOUT, returnQuery().replace('STATUS=9', 'STATUS=5'));
    await untilState(el, 'error');
    await el.updateComplete;
    expect(errors.map((error) => error.code)).to.deep.equal(['verification-failed']);
    expect(said(el)).to.equal(
      'This payment link is not valid, so we could not confirm a payment. If you paid, please contact us before paying again.',
    );
    expect(location.search).to.equal('');
    expect(buttonText(el)).to.equal('Back to checkout');
    await expect(el).to.be.accessible();
    button(el)!.click();
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(buttonText(el)).to.equal('Pay now');
    // Back in the checkout, the order's status is asked first.
    await waitUntil(() => edges.calls.some((call) => call.url === '/ogone/orders/SO-1001'));
  });
});

describe('item 7: a receipt, not a sentence', () => {
  it('shows amount, order, card brand and last four, and "card saved" when an alias came back, as parts', async () => {
    routeFetch({ verify: [{ status: 200, body: result('paid', { alias: 'CUST42-VISA' }) }] });
    const el = await render(CHECKOUT, returnQuery());
    await untilState(el, 'done');
    await el.updateComplete;
    const text = (name: string) => clean(part(el, name)?.textContent);
    expect(text('receipt-amount')).to.equal('Amount €19.99');
    expect(text('receipt-order')).to.equal('Order SO-1001');
    expect(text('receipt-card')).to.equal('Card VISA ending in 1111');
    expect(text('receipt-card-saved')).to.equal('Card saved for next time');
    expect(part(el, 'receipt')!.localName).to.equal('dl');
    await expect(el).to.be.accessible();
  });

  it('has no "card saved" line without an alias', async () => {
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const el = await render(CHECKOUT, returnQuery());
    await untilState(el, 'done');
    await el.updateComplete;
    expect(part(el, 'receipt-card-saved')).to.equal(null);
    expect(part(el, 'receipt')).not.to.equal(null);
  });

  it('words pending and uncertain differently, with the receipt and no button', async () => {
    const texts: string[] = [];
    for (const outcome of ['pending', 'uncertain'] as const) {
      routeFetch({ verify: [{ status: 200, body: result(outcome) }] });
      const el = await render(CHECKOUT, returnQuery('SO-1001', outcome === 'pending' ? 51 : 92));
      await untilState(el, 'done');
      await el.updateComplete;
      texts.push(clean(part(el, 'message')!.textContent));
      expect(part(el, 'receipt-amount')).not.to.equal(null);
      expect(button(el)).to.equal(null);
      el.remove();
    }
    expect(texts).to.deep.equal([
      'We are waiting for your bank to confirm your payment. There is no need to pay again.',
      'We are checking your payment with the bank. Please do not pay again.',
    ]);
  });
});

describe('item 8: on a phone, the result is in view and nothing shifts', () => {
  async function page(query: string) {
    history.replaceState(null, '', `${location.pathname}${query}`);
    // A shop's payment panel: padded, body text at 16px / 1.5.
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font: 16px/1.5 system-ui, sans-serif; padding: 0 20px">
        <div style="height: 1500px">basket</div>
        <ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional"></ogone-checkout>
        <p id="after">Delivery details</p>
      </div>`,
    );
    history.replaceState(null, '', `${location.pathname}${query}`);
    return wrapper;
  }
  function inView(node: Element): boolean {
    const box = node.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  }

  it('scrolls the spinner into view while verifying, then the focused result', async () => {
    await setViewport({ width: 390, height: 700 });
    scrollTo(0, 0);
    history.replaceState(null, '', `${location.pathname}${returnQuery()}`);
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const release = gateFetch();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <div style="height: 1500px">basket</div>
        <ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>
      </div>`,
    );
    const el = wrapper.querySelector('ogone-checkout')!;
    await el.updateComplete;
    await settle();
    expect(el.state).to.equal('verifying');
    expect(inView(part(el, 'message')!), 'spinner in view').to.equal(true);
    release();
    await untilState(el, 'done');
    await settle();
    expect(inView(part(el, 'message')!), 'result in view').to.equal(true);
    expect(shadow(el).activeElement).to.equal(part(el, 'message'));
  });

  for (const width of [390, 1280]) {
    it(`checkout at ${width} px: idle, signing and an error move nothing below the element`, async () => {
      await setViewport({ width, height: 800 });
      // The longest message before paying: the shop's server failing.
      routeFetch({ sign: [{ status: 503, body: 'Service Unavailable' }] });
      const release = gateFetch();
      const wrapper = await page('');
      const el = wrapper.querySelector('ogone-checkout')!;
      const after = wrapper.querySelector('#after')!;
      await el.updateComplete;
      const top = () => Math.round(after.getBoundingClientRect().top + scrollY);
      const idle = top();
      const buttonTop = () => Math.round(button(el)!.getBoundingClientRect().top + scrollY);
      const idleButton = buttonTop();
      button(el)!.click();
      await el.updateComplete;
      expect([el.state, top(), buttonTop()]).to.deep.equal(['signing', idle, idleButton]);
      release();
      await untilState(el, 'error');
      await el.updateComplete;
      expect([el.state, top(), buttonTop()]).to.deep.equal(['error', idle, idleButton]);
    });

    for (const outcome of ['paid', 'refused'] as const) {
      it(`return at ${width} px: the ${outcome} result replaces "Checking…" without moving what follows`, async () => {
        await setViewport({ width, height: 800 });
        // The tallest usual receipt: paid, card saved.
        const verified = outcome === 'paid' ? result('paid', { alias: 'A1' }) : result(outcome);
        routeFetch({ verify: [{ status: 200, body: verified }] });
        const release = gateFetch();
        const wrapper = await page(returnQuery('SO-1001', outcome === 'paid' ? 9 : 2));
        const el = wrapper.querySelector('ogone-checkout')!;
        const after = wrapper.querySelector('#after')!;
        await el.updateComplete;
        const top = () => Math.round(after.getBoundingClientRect().top + scrollY);
        const verifying = top();
        expect(el.state).to.equal('verifying');
        release();
        await untilState(el, 'done');
        await el.updateComplete;
        expect(top()).to.equal(verifying);
      });
    }
  }
});

/** WCAG contrast ratio of two `rgb()` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('item 9: light and dark pages, focus ring, label, checkbox', () => {
  for (const [scheme, background, ink] of [
    ['light', 'rgb(255, 255, 255)', 'rgb(20, 20, 20)'],
    ['dark', 'rgb(18, 18, 18)', 'rgb(232, 232, 232)'],
  ] as const) {
    for (const [tone, setUp] of [
      [
        'error',
        () =>
          routeFetch({
            verify: [{ status: 409, body: { error: { code: 'amount-mismatch', message: 'x' } } }],
          }),
      ],
      ['success', () => routeFetch({ verify: [{ status: 200, body: PAID }] })],
    ] as const) {
      it(`the default ${tone} colour passes AA on a ${scheme} page`, async () => {
        setUp();
        history.replaceState(null, '', `${location.pathname}${returnQuery()}`);
        const wrapper = await fixture<HTMLDivElement>(
          html`<div
            style="color-scheme: ${scheme}; background: ${background}; color: ${ink}; padding: 1rem"
          >
            <ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>
          </div>`,
        );
        const el = wrapper.querySelector('ogone-checkout')!;
        await waitUntil(() => el.state === 'done' || el.state === 'error');
        await el.updateComplete;
        const message = part(el, `message-${tone}`)!;
        expect(message, `${tone} message`).not.to.equal(null);
        const ratio = contrast(getComputedStyle(message).color, background);
        expect(ratio, `${getComputedStyle(message).color} on ${background}`).to.be.at.least(4.5);
        await expect(wrapper).to.be.accessible();
      });
    }
  }

  it('--ogone-checkout-accent drives the focus ring', async () => {
    routeFetch({});
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <input aria-label="coupon" />
        <ogone-checkout
          endpoint="/ogone"
          order-ref="SO-1001"
          style="--ogone-checkout-accent: rgb(0, 100, 0)"
        ></ogone-checkout>
      </div>`,
    );
    const el = wrapper.querySelector('ogone-checkout')!;
    await el.updateComplete;
    wrapper.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el));
    const style = getComputedStyle(button(el)!);
    expect([style.outlineStyle, style.outlineColor]).to.deep.equal(['solid', 'rgb(0, 100, 0)']);
  });

  it('keeps the pay label centred however wide the button is made', async () => {
    routeFetch({});
    const style = document.createElement('style');
    style.textContent = '.wide::part(button) { width: 100%; }';
    document.head.append(style);
    edges.cleanups.push(() => style.remove());
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 420px">
        <ogone-checkout class="wide" endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>
      </div>`,
    );
    const el = wrapper.querySelector('ogone-checkout')!;
    await el.updateComplete;
    const box = button(el)!.getBoundingClientRect();
    const label = button(el)!.querySelector('slot')!.assignedNodes({ flatten: true })[0]!;
    const range = document.createRange();
    range.selectNodeContents(label);
    const text = range.getBoundingClientRect();
    expect(box.width).to.equal(420);
    expect(Math.abs(text.left + text.width / 2 - (box.left + box.width / 2))).to.be.below(1.5);
  });

  it('never squashes the checkbox next to a long consent text in a narrow column', async () => {
    routeFetch({});
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 150px; font-size: 16px">
        <ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional"></ogone-checkout>
      </div>`,
    );
    const el = wrapper.querySelector('ogone-checkout')!;
    await el.updateComplete;
    const box = part(el, 'checkbox')!.getBoundingClientRect();
    expect([Math.round(box.width), Math.round(box.height)]).to.deep.equal([18, 18]);
  });

  it('shows no focus ring on the result after a page load or a mouse click, one after a key press', async () => {
    const outlines: string[] = [];
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const loaded = await render(CHECKOUT, returnQuery());
    await untilState(loaded, 'done');
    await loaded.updateComplete;
    expect(shadow(loaded).activeElement, 'load').to.equal(part(loaded, 'message'));
    outlines.push(getComputedStyle(part(loaded, 'message')!).outlineStyle);
    loaded.remove();
    for (const how of ['mouse', 'keyboard'] as const) {
      routeFetch({ verify: [new TypeError('offline'), { status: 200, body: PAID }] });
      const el = await render(CHECKOUT, returnQuery());
      await untilState(el, 'error');
      await el.updateComplete;
      if (how === 'mouse') {
        const box = button(el)!.getBoundingClientRect();
        await sendMouse({
          type: 'click',
          position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
        });
      } else {
        button(el)!.focus();
        await sendKeys({ press: 'Enter' });
      }
      await untilState(el, 'done');
      await el.updateComplete;
      const message = part(el, 'message')!;
      expect(shadow(el).activeElement, how).to.equal(message);
      outlines.push(getComputedStyle(message).outlineStyle);
      el.remove();
    }
    expect(outlines).to.deep.equal(['none', 'none', 'solid']);
  });
});

describe('item 10: six languages, following lang after render', () => {
  for (const [lang, pay, consent] of [
    ['it', 'Paga ora', 'Salva la mia carta per i prossimi acquisti'],
    ['es', 'Pagar ahora', 'Guardar mi tarjeta para futuras compras'],
  ] as const) {
    it(`speaks ${lang} and sends the tag to /sign`, async () => {
      routeFetch({ sign: [{ status: 200, body: signedPayload() }] });
      const el = await render(
        `<ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional" lang="${lang}"></ogone-checkout>`,
      );
      expect(buttonText(el)).to.equal(pay);
      expect(clean(part(el, 'consent')!.textContent)).to.equal(consent);
      button(el)!.click();
      await waitUntil(() => edges.submitted.length === 1);
      expect(edges.calls.find((call) => call.url.endsWith('/sign'))!.body['language']).to.equal(
        lang,
      );
    });
  }

  it('follows a change of its own lang and of the page’s lang after render', async () => {
    routeFetch({});
    const original = document.documentElement.getAttribute('lang');
    edges.cleanups.push(() => {
      if (original === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', original);
    });
    document.documentElement.lang = 'en';
    const el = await render(CHECKOUT);
    expect(buttonText(el)).to.equal('Pay now');
    document.documentElement.lang = 'de';
    await waitUntil(() => buttonText(el) === 'Jetzt bezahlen', 'German after the page changed');
    document.documentElement.lang = 'es-ES';
    await waitUntil(() => buttonText(el) === 'Pagar ahora', 'Spanish after the page changed');
    el.lang = 'it';
    await waitUntil(() => buttonText(el) === 'Paga ora', 'Italian after lang changed');
  });

  it('renders French at once, never English first', async () => {
    routeFetch({});
    const texts: string[] = [];
    const container = document.createElement('div');
    container.innerHTML =
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1" lang="fr-BE"></ogone-checkout>';
    const el = container.firstElementChild as OgoneCheckout;
    const observer = new MutationObserver(() => {
      const text = el.shadowRoot ? buttonText(el) : null;
      if (text) texts.push(text);
    });
    document.body.append(container);
    edges.cleanups.push(() => container.remove());
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await el.updateComplete;
    observer.disconnect();
    expect(buttonText(el)).to.equal('Payer');
    expect(texts.filter((text) => text !== 'Payer')).to.deep.equal([]);
  });
});

describe('item 11: integration mistakes are said in the console, once per cause', () => {
  for (const [name, markup, reply, words] of [
    [
      'a foreign action',
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
      {
        status: 200,
        body: signedPayload(
          'SO-1001-x',
          {},
          'http://127.0.0.1:9000/ncol/test/orderstandard_utf8.asp',
        ),
      },
      'allowed-hosts',
    ],
    [
      'save-card refused by the server',
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional"></ogone-checkout>',
      { status: 422, body: { error: { code: 'save-card-not-allowed', message: 'No.' } } },
      'allowSaveCard',
    ],
    [
      'a return URL the server does not allow',
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
      { status: 400, body: { error: { code: 'return-url-not-allowed', message: 'No.' } } },
      'allowedReturnOrigins',
    ],
    [
      'a missing endpoint',
      '<ogone-checkout order-ref="SO-1001"></ogone-checkout>',
      new Error('never asked'),
      'endpoint attribute',
    ],
    [
      'no endpoint at that URL',
      '<ogone-checkout endpoint="/wrong" order-ref="SO-1001"></ogone-checkout>',
      { status: 404, body: 'Not Found' },
      'basePath',
    ],
  ] as const) {
    it(`names what to fix for ${name}`, async () => {
      routeFetch({ sign: [reply as Reply] });
      const logged = consoleErrors();
      const errors = collect<OgoneErrorDetail>('ogone-error');
      const el = await render(markup);
      if (markup.includes('save-card')) part(el, 'checkbox')!.click();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        button(el)!.click();
        await untilState(el, 'error');
        await el.updateComplete;
      }
      await waitUntil(() => errors.length === 2, 'two errors');
      await waitUntil(() => logged.length > 0, 'a console error');
      await settle(50);
      expect(logged, logged.join('\n')).to.have.length(1);
      expect(logged[0]).to.include('<ogone-checkout>');
      expect(logged[0]).to.include(words);
    });
  }
});
