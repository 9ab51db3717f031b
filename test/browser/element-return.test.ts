/**
 * `<ogone-checkout>` when Ogone sends the shopper back: the raw query goes to `<endpoint>/verify`,
 * only a verified answer is shown, the address bar is cleaned and `ogone-result` fires once.
 * `fetch` and `HTMLFormElement#submit` are stubbed at the edge.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/element/ogone-checkout.js';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.js';
import { collect, edges, stubFetchWith, untilState, useEdgeStubs, type Reply } from './edges.js';
import type { OgoneErrorDetail, OgoneResultDetail, PaymentResult } from '../../src/index.js';

const originalUrl = location.href;
useEdgeStubs();
afterEach(() => history.replaceState(null, '', originalUrl));

function stubFetch(routes: { sign?: Reply[]; verify?: Reply[] }): void {
  stubFetchWith((url) => {
    if (url.includes('/orders/')) {
      return { status: 200, body: { orderRef: 'SO-1001', state: 'open', result: null } };
    }
    const queue = url.endsWith('/verify') ? routes.verify : routes.sign;
    if (!queue || queue.length === 0) return new Error(`unexpected ${url}`);
    return queue.length > 1 ? queue.shift()! : queue[0]!;
  });
}

// The element signs a return URL without a query, so all of it comes from Ogone, including the
// unsigned PARAMPLUS pairs (`basket=42`).
const RETURN_QUERY =
  '?orderID=SO-1001-k3x9&amount=19.99&currency=EUR&PM=CreditCard&STATUS=9&PAYID=3014&NCERROR=0&COMPLUS=SO-1001&basket=42&SHASIGN=' +
  'AB'.repeat(64);

function result(outcome: PaymentResult['outcome'], status: number, statusName: string) {
  return {
    outcome,
    status,
    statusName,
    final: outcome !== 'pending' && outcome !== 'uncertain',
    orderRef: 'SO-1001',
    orderId: 'SO-1001-k3x9',
    payId: '3014',
    amount: '19.99',
    currency: 'EUR',
    cardNumber: 'XXXXXXXXXXXX1111',
    brand: 'VISA',
    ncError: '0',
    idempotencyKey: `SO-1001-k3x9:3014:${status}`,
  } as PaymentResult;
}

const PAID = result('paid', 9, 'Payment requested');

function signedPayload(orderId: string) {
  return {
    action: 'https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp',
    method: 'POST',
    orderId,
    fields: {
      PSPID: 'demoshop',
      ORDERID: orderId,
      AMOUNT: '1999',
      CURRENCY: 'EUR',
      LANGUAGE: 'en_US',
      COMPLUS: 'SO-1001',
      SHASIGN: 'CD'.repeat(64),
    },
  };
}

/** Puts Ogone's return parameters in the address bar, then renders the element. */
async function returnPage(attributes = '', query = RETURN_QUERY): Promise<OgoneCheckout> {
  history.replaceState(null, '', `${location.pathname}${query}#receipt`);
  const container = document.createElement('div');
  container.innerHTML = `<ogone-checkout endpoint="/ogone" ${attributes}></ogone-checkout>`;
  return fixture<OgoneCheckout>(container.firstElementChild!);
}

function text(el: OgoneCheckout): string {
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** The message alone (the receipt, if any, follows it). */
function message(el: OgoneCheckout): string {
  const node = el.shadowRoot!.querySelector('[part~="message"]');
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
function button(el: OgoneCheckout): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]');
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('<ogone-checkout> return half', () => {
  it('verifies the raw query, shows success, cleans the URL, moves focus, emits ogone-result once', async () => {
    stubFetch({ verify: [{ status: 200, body: PAID }] });
    const results = collect<OgoneResultDetail>('ogone-result');
    const ready = collect<{ mode: string }>('ogone-ready');
    // Typed through HTMLElementEventMap: no cast, and the switch on outcome narrows.
    const seen: string[] = [];
    const listener = (event: HTMLElementEventMap['ogone-result']) => {
      switch (event.detail.outcome) {
        case 'paid':
          seen.push(`paid ${event.detail.amount} ${event.detail.currency}`);
          break;
        default:
          seen.push(event.detail.outcome);
      }
    };
    document.body.addEventListener('ogone-result', listener);
    edges.cleanups.push(() => document.body.removeEventListener('ogone-result', listener));
    const el = await returnPage('order-ref="SO-1001"');
    expect(ready).to.deep.equal([{ mode: 'return' }]);
    expect(button(el), 'no pay button on return').to.equal(null);
    await untilState(el, 'done');
    await el.updateComplete;
    expect(edges.calls.map(({ url, body }) => ({ url, body }))).to.deep.equal([
      { url: '/ogone/verify', body: { query: RETURN_QUERY } },
    ]);
    expect(results).to.deep.equal([PAID]);
    expect(seen).to.deep.equal(['paid 19.99 EUR']);
    expect(el.result).to.deep.equal(PAID);
    expect(text(el)).to.include('Thank you! Your payment has been received.');
    expect(button(el)).to.equal(null);
    expect(location.search).to.equal('');
    expect(location.hash).to.equal('#receipt');
    const message = el.shadowRoot!.querySelector('[part~="message"]')!;
    expect(message.getAttribute('part')).to.include('message-success');
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(message);
    await expect(el).to.be.accessible();
    // Back in the document (e.g. moved by a framework) with the same URL: no second verification.
    history.replaceState(null, '', RETURN_QUERY);
    el.remove();
    document.body.append(el);
    await settle();
    expect(edges.calls).to.have.length(1);
    expect(results).to.have.length(1);
    el.remove();
  });

  it('is busy and accessible while verifying, with the live region already there', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    stubFetch({ verify: [{ status: 200, body: PAID }] });
    const reply = window.fetch;
    window.fetch = async (input, init) => {
      await gate;
      return reply(input, init);
    };
    const el = await returnPage();
    expect(el.getAttribute('state')).to.equal('verifying');
    expect(text(el)).to.equal('Checking your payment…');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    release();
    await untilState(el, 'done');
  });

  for (const [outcome, status, name, expected] of [
    ['authorized', 5, 'Authorised', 'Thank you! Your payment has been received.'],
    [
      'uncertain',
      92,
      'Payment uncertain',
      'We are checking your payment with the bank. Please do not pay again.',
    ],
    [
      'pending',
      51,
      'Authorisation waiting',
      'We are waiting for your bank to confirm your payment. There is no need to pay again.',
    ],
  ] as const) {
    it(`shows "${expected}" for a verified ${outcome} result, with no try again`, async () => {
      stubFetch({ verify: [{ status: 200, body: result(outcome, status, name) }] });
      const results = collect<OgoneResultDetail>('ogone-result');
      const el = await returnPage();
      await untilState(el, 'done');
      await el.updateComplete;
      expect(message(el)).to.equal(expected);
      expect(button(el)).to.equal(null);
      expect(results.map((detail) => detail.outcome)).to.deep.equal([outcome]);
      // Not even a script can start a second payment for this order from here.
      await el.pay();
      expect(edges.calls.map((call) => call.url)).to.deep.equal(['/ogone/verify']);
    });
  }

  for (const [outcome, status, name, expected] of [
    ['cancelled', 1, 'Cancelled by customer', 'You cancelled the payment. Nothing was charged.'],
    ['refused', 93, 'Payment refused', 'Your payment did not go through. Nothing was charged.'],
  ] as const) {
    it(`after a ${outcome} payment, try again signs the same order and redirects with a fresh ORDERID`, async () => {
      stubFetch({
        verify: [{ status: 200, body: result(outcome, status, name) }],
        sign: [{ status: 200, body: signedPayload('SO-1001-n2') }],
      });
      const results = collect<OgoneResultDetail>('ogone-result');
      const el = await returnPage('save-card="optional"');
      await untilState(el, 'done');
      await el.updateComplete;
      expect(results.map((detail) => detail.outcome)).to.deep.equal([outcome]);
      expect(text(el)).to.include(expected);
      expect(text(el)).not.to.include('Thank you');
      expect(location.search).to.equal('');
      const retry = button(el)!;
      expect(retry.textContent!.trim()).to.equal('Try again');
      // The shopper reads what happened first, then the offer to try again.
      const message = el.shadowRoot!.querySelector('[part~="message"]')!;
      expect(message.getBoundingClientRect().bottom).to.be.at.most(
        retry.getBoundingClientRect().top,
      );
      await expect(el).to.be.accessible();
      retry.click();
      await waitUntil(() => edges.submitted.length === 1, 'edges.submitted again');
      expect(edges.calls.map((call) => call.url)).to.deep.equal(['/ogone/verify', '/ogone/sign']);
      expect(edges.calls[1]!.body).to.deep.equal({
        orderRef: 'SO-1001',
        saveCard: false,
        returnUrl: location.origin + location.pathname,
      });
      const form = edges.submitted[0]!;
      expect(new FormData(form).get('ORDERID')).to.equal('SO-1001-n2');
      expect(el.state).to.equal('redirecting');
    });
  }

  for (const [reply, code] of [
    [
      { status: 409, body: { error: { code: 'amount-mismatch', message: 'Amount differs.' } } },
      'amount-mismatch',
    ],
    [
      { status: 404, body: { error: { code: 'unknown-order', message: 'No such order.' } } },
      'unknown-order',
    ],
    [{ status: 200, body: { ...PAID, amount: '19.9' } }, 'invalid-payload'],
    [{ status: 200, body: { outcome: 'paid' } }, 'invalid-payload'],
  ] as const) {
    it(`gives ogone-error ${code} and never a success for ${JSON.stringify(reply).slice(0, 60)}`, async () => {
      stubFetch({ verify: [reply] });
      const results = collect<OgoneResultDetail>('ogone-result');
      const errors = collect<OgoneErrorDetail>('ogone-error');
      const el = await returnPage();
      await untilState(el, 'error');
      await el.updateComplete;
      expect(errors.map((error) => error.code)).to.deep.equal([code]);
      expect(results).to.have.length(0);
      expect(el.result).to.equal(null);
      expect(text(el)).to.equal(
        'We could not confirm your payment. Please contact us before paying again.',
      );
      expect(text(el)).not.to.include('Thank you');
      expect(button(el)).to.equal(null);
      await expect(el).to.be.accessible();
      // Not asked again when put back in the document.
      el.remove();
      document.body.append(el);
      await settle();
      expect(edges.calls).to.have.length(1);
      el.remove();
    });
  }

  it('gives ogone-error verification-failed for a bad signature, cleans the URL and offers the checkout', async () => {
    stubFetch({
      verify: [
        { status: 403, body: { error: { code: 'invalid-signature', message: 'Bad signature.' } } },
      ],
    });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const el = await returnPage('order-ref="SO-1001"');
    await untilState(el, 'error');
    await el.updateComplete;
    expect(errors.map((error) => error.code)).to.deep.equal(['verification-failed']);
    expect(text(el)).not.to.include('Thank you');
    expect(button(el)!.textContent!.trim()).to.equal('Back to checkout');
    expect(location.search).to.equal('');
    expect(location.hash).to.equal('#receipt');
  });

  it('after a network failure offers to check again, and then succeeds', async () => {
    stubFetch({ verify: [new TypeError('Failed to fetch'), { status: 200, body: PAID }] });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const results = collect<OgoneResultDetail>('ogone-result');
    const el = await returnPage();
    await untilState(el, 'error');
    await el.updateComplete;
    expect(errors.map((error) => error.code)).to.deep.equal(['network']);
    expect(text(el)).to.include('We could not reach the payment service to confirm your payment.');
    expect(button(el)!.textContent!.trim()).to.equal('Check again');
    expect(location.search).to.equal(RETURN_QUERY);
    button(el)!.click();
    await untilState(el, 'done');
    expect(results).to.have.length(1);
    expect(edges.calls.map((call) => call.body)).to.deep.equal([
      { query: RETURN_QUERY },
      { query: RETURN_QUERY },
    ]);
  });

  it('speaks the page language on return', async () => {
    stubFetch({ verify: [{ status: 200, body: PAID }] });
    const el = await returnPage('lang="nl"');
    await untilState(el, 'done');
    await el.updateComplete;
    expect(message(el)).to.equal('Bedankt! Uw betaling is ontvangen.');
    expect(text(el)).to.include('Bedrag € 19,99');
  });

  it('ignores a URL with Ogone-looking parameters but no SHASIGN', async () => {
    stubFetch({ verify: [{ status: 200, body: PAID }] });
    const el = await returnPage('order-ref="SO-1001"', '?orderID=SO-1001-k3x9&STATUS=9');
    await settle();
    expect(edges.calls.map((call) => call.url)).to.deep.equal(['/ogone/orders/SO-1001']);
    expect(el.state).to.equal('idle');
    expect(button(el)!.textContent!.trim()).to.equal('Pay now');
  });
});
