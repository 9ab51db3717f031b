/**
 * `<ogone-checkout>` at the edges of its life on a page (issue #13 items 1–5 and 12, issue #15
 * item 7): properties set after connection, a return for another order, several elements, reload
 * and Back after paying, endpoints that never answer, `return-url` and `pspid`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/element/ogone-checkout.js';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.js';
import type { OgoneErrorDetail, OgoneResultDetail } from '../../src/index.js';
import { collect, edges, untilState, useEdgeStubs } from './edges.js';
import {
  button,
  buttonText,
  orderStatus,
  render,
  result,
  returnQuery,
  routeFetch,
  said,
  settle,
  signedPayload,
} from './fixtures.js';

const originalUrl = location.href;
useEdgeStubs();
afterEach(() => {
  history.replaceState(null, '', originalUrl);
  sessionStorage.clear();
});

const PAID = result('paid');
const urls = () => edges.calls.map((call) => call.url);
const signCalls = () => edges.calls.filter((call) => call.url.endsWith('/sign'));

/** Captures `console.error` for this test. */
function consoleErrors(): string[] {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  edges.cleanups.push(() => (console.error = original));
  return seen;
}

describe('item 1: work starts once configured, after the first update', () => {
  it('verifies a return when endpoint and order-ref are set as properties just after append', async () => {
    history.replaceState(null, '', returnQuery());
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const results = collect<OgoneResultDetail>('ogone-result');
    // createElement → append → set properties: what @lit/react and framework bindings do.
    const el = document.createElement('ogone-checkout');
    document.body.append(el);
    el.endpoint = '/ogone';
    el.orderRef = 'SO-1001';
    edges.cleanups.push(() => el.remove());
    await untilState(el, 'done');
    await el.updateComplete;
    expect(errors).to.deep.equal([]);
    expect(results.map((detail) => detail.outcome)).to.deep.equal(['paid']);
    expect(said(el)).to.include('Thank you! Your payment has been received.');
    expect(said(el)).not.to.include('could not confirm');
    expect(urls()).to.deep.equal(['/ogone/verify']);
  });

  it('waits for an endpoint set a moment later, showing "Checking…", and never a failure', async () => {
    history.replaceState(null, '', returnQuery());
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const el = document.createElement('ogone-checkout');
    document.body.append(el);
    edges.cleanups.push(() => el.remove());
    await settle(300);
    expect(el.state).to.equal('verifying');
    expect(said(el)).to.equal('Checking your payment…');
    el.endpoint = '/ogone';
    await untilState(el, 'done');
    expect(errors).to.deep.equal([]);
  });

  it('says which attribute is missing when no endpoint ever comes, and recovers when it does', async () => {
    history.replaceState(null, '', returnQuery());
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const logged = consoleErrors();
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const el = document.createElement('ogone-checkout');
    document.body.append(el);
    edges.cleanups.push(() => el.remove());
    await waitUntil(() => errors.length === 1, 'configuration error', { timeout: 3000 });
    expect(errors[0]!.code).to.equal('configuration');
    await waitUntil(() => logged.length > 0, 'a console error');
    expect(logged.join('\n')).to.include('endpoint attribute');
    el.endpoint = '/ogone';
    await untilState(el, 'done');
    expect(said(el)).to.include('Thank you!');
  });

  it('asks the order status with properties set after append on the checkout page', async () => {
    routeFetch({});
    const el = document.createElement('ogone-checkout');
    document.body.append(el);
    el.endpoint = '/api/pay/';
    el.orderRef = 'SO-7';
    edges.cleanups.push(() => el.remove());
    await waitUntil(() => edges.calls.length === 1, 'status asked');
    expect(urls()).to.deep.equal(['/api/pay/orders/SO-7']);
  });
});

describe('item 2: a return belongs to the element’s order', () => {
  for (const outcome of ['paid', 'cancelled'] as const) {
    it(`a ${outcome} return for SO-1 on SO-2's page shows no success and no retry of SO-1`, async () => {
      routeFetch({
        verify: [{ status: 200, body: result(outcome, { orderRef: 'SO-1', orderId: 'SO-1-x' }) }],
        sign: [{ status: 200, body: signedPayload('SO-2-n1') }],
      });
      const errors = collect<OgoneErrorDetail>('ogone-error');
      const results = collect<OgoneResultDetail>('ogone-result');
      const el = await render(
        '<ogone-checkout endpoint="/ogone" order-ref="SO-2" amount="5.00" currency="EUR"></ogone-checkout>',
        returnQuery('SO-1', outcome === 'paid' ? 9 : 1),
      );
      await untilState(el, 'error');
      await el.updateComplete;
      expect(errors.map((error) => error.code)).to.deep.equal(['order-mismatch']);
      expect(results).to.deep.equal([]);
      expect(el.result).to.equal(null);
      expect(said(el)).to.equal(
        'This payment result is for another order. Nothing has changed for this order.',
      );
      expect(said(el)).not.to.include('Thank you');
      expect(buttonText(el)).to.equal('Back to checkout');
      expect(location.search).to.equal('');
      await expect(el).to.be.accessible();
      // Back to this order's checkout: it pays SO-2, never SO-1.
      button(el)!.click();
      await el.updateComplete;
      expect(buttonText(el)).to.equal('Pay now');
      button(el)!.click();
      await waitUntil(() => edges.submitted.length === 1, 'submitted');
      expect(signCalls().map((call) => call.body['orderRef'])).to.deep.equal(['SO-2']);
    });
  }
});

describe('item 3: several elements on one page', () => {
  for (const first of ['SO-1001', 'SO-2002']) {
    it(`only the element of the returned order claims it (${first} first)`, async () => {
      history.replaceState(null, '', returnQuery('SO-1001'));
      routeFetch({ verify: [{ status: 200, body: PAID }] });
      const results: Array<[string, string]> = [];
      const ready: Array<[string, string]> = [];
      const container = document.createElement('div');
      const second = first === 'SO-1001' ? 'SO-2002' : 'SO-1001';
      container.innerHTML = `<ogone-checkout endpoint="/ogone" order-ref="${first}"></ogone-checkout><ogone-checkout endpoint="/ogone" order-ref="${second}"></ogone-checkout>`;
      const onResult = (event: Event) =>
        results.push([
          (event.target as OgoneCheckout).orderRef,
          (event as CustomEvent<OgoneResultDetail>).detail.outcome,
        ]);
      const onReady = (event: Event) =>
        ready.push([
          (event.target as OgoneCheckout).orderRef,
          (event as CustomEvent<{ mode: string }>).detail.mode,
        ]);
      document.addEventListener('ogone-result', onResult);
      document.addEventListener('ogone-ready', onReady);
      edges.cleanups.push(() => {
        document.removeEventListener('ogone-result', onResult);
        document.removeEventListener('ogone-ready', onReady);
        container.remove();
      });
      document.body.append(container);
      const [a, b] = [...container.querySelectorAll('ogone-checkout')];
      const paid = a!.orderRef === 'SO-1001' ? a! : b!;
      const other = paid === a ? b! : a!;
      await untilState(paid, 'done');
      await other.updateComplete;
      await settle();
      expect(results).to.deep.equal([['SO-1001', 'paid']]);
      expect(ready).to.have.deep.members([
        ['SO-1001', 'return'],
        ['SO-2002', 'checkout'],
      ]);
      expect(said(paid)).to.include('Thank you!');
      expect(other.state).to.equal('idle');
      expect(said(other)).to.equal('');
      expect(buttonText(other)).to.equal('Pay now');
      expect(urls().filter((url) => url.endsWith('/verify'))).to.have.length(1);
    });
  }
});

describe('item 4: reload and Back after paying', () => {
  for (const [state, text] of [
    ['paid', 'Thank you! Your payment has been received.'],
    [
      'pending',
      'We are waiting for your bank to confirm your payment. There is no need to pay again.',
    ],
    ['uncertain', 'We are checking your payment with the bank. Please do not pay again.'],
  ] as const) {
    it(`asks <endpoint>/orders/<ref> on load: ${state} shows that, with no Pay button`, async () => {
      const paid = result(state === 'paid' ? 'paid' : state, { orderRef: 'SO:1', orderId: 'SO1x' });
      routeFetch({ orders: (ref) => orderStatus(ref, state, paid) });
      const results = collect('ogone-result');
      const el = await render(
        '<ogone-checkout endpoint="/ogone" order-ref="SO:1"></ogone-checkout>',
      );
      await untilState(el, 'done');
      await el.updateComplete;
      expect(urls()).to.deep.equal(['/ogone/orders/SO%3A1']);
      expect(said(el)).to.include(text);
      expect(button(el)).to.equal(null);
      expect(el.result).to.deep.equal(paid);
      expect(results, 'not a new return: no ogone-result').to.deep.equal([]);
      await el.pay();
      expect(signCalls()).to.deep.equal([]);
    });
  }

  it('keeps the checkout when the order is open or the status cannot be had', async () => {
    for (const reply of [
      orderStatus('SO-1001', 'open'),
      { status: 404, body: { error: { code: 'not-found', message: 'No route.' } } },
      new TypeError('Failed to fetch'),
      { status: 200, body: { orderRef: 'SO-9', state: 'paid', result: null } },
    ]) {
      edges.calls = [];
      routeFetch({ orders: () => reply });
      const errors = collect('ogone-error');
      const el = await render(
        '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
      );
      await waitUntil(() => edges.calls.length === 1, 'status asked');
      await settle();
      expect(el.state, JSON.stringify(reply)).to.equal('idle');
      expect(buttonText(el)).to.equal('Pay now');
      expect(errors).to.deep.equal([]);
      el.remove();
    }
  });

  it('a click on Pay while the status is asked waits for it, and signs nothing for a paid order', async () => {
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    routeFetch({
      orders: (ref) => orderStatus(ref, 'paid', PAID),
      sign: [{ status: 200, body: signedPayload() }],
    });
    const reply = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input).includes('/orders/')) await gate;
      return reply(input, init);
    };
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
    );
    button(el)!.click();
    await el.updateComplete;
    expect(el.state).to.equal('signing');
    answer();
    await untilState(el, 'done');
    expect(signCalls()).to.deep.equal([]);
    expect(edges.submitted).to.deep.equal([]);
    expect(said(el)).to.include('Thank you!');
  });

  it('after a verified return, a reload shows the receipt before the endpoint answers', async () => {
    routeFetch({ verify: [{ status: 200, body: PAID }] });
    const first = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
      returnQuery(),
    );
    await untilState(first, 'done');
    first.remove();
    // The reload: same page, Ogone's parameters gone, the endpoint slow to answer.
    history.replaceState(null, '', location.pathname);
    routeFetch({ orders: () => 'hang' });
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
    );
    expect(el.state).to.equal('done');
    expect(said(el)).to.include('Thank you! Your payment has been received.');
    expect(button(el)).to.equal(null);
    expect(el.result).to.deep.equal(PAID);
  });

  it('Back to the checkout page (back/forward cache) after paying shows the receipt, not Pay now', async () => {
    routeFetch({
      sign: [{ status: 200, body: signedPayload() }],
      orders: (ref) => orderStatus(ref, 'open'),
    });
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
    );
    await settle();
    button(el)!.click();
    await waitUntil(() => edges.submitted.length === 1, 'redirected');
    // Paid on Ogone; the return page (same tab) kept the verified result.
    sessionStorage.setItem('ogone-checkout:result:SO-1001', JSON.stringify(PAID));
    routeFetch({ orders: (ref) => orderStatus(ref, 'paid', PAID) });
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await untilState(el, 'done');
    await el.updateComplete;
    expect(said(el)).to.include('Thank you!');
    expect(button(el)).to.equal(null);
  });
});

describe('item 5: timeouts', () => {
  it('has default timeouts of 15 s for signing and 30 s for verifying', async () => {
    routeFetch({});
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>',
    );
    expect([el.signTimeout, el.verifyTimeout]).to.deep.equal([15_000, 30_000]);
  });

  it('gives up signing after sign-timeout, says so, aborts the request and offers a retry', async () => {
    routeFetch({ sign: ['hang', { status: 200, body: signedPayload() }] });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" sign-timeout="200"></ogone-checkout>',
    );
    button(el)!.click();
    await untilState(el, 'error');
    await el.updateComplete;
    expect(errors.map((error) => error.code)).to.deep.equal(['timeout']);
    expect(signCalls()[0]!.signal!.aborted).to.equal(true);
    expect(said(el)).to.equal(
      'The payment service did not answer in time. Nothing was charged; try again.',
    );
    expect(buttonText(el)).to.equal('Try again');
    button(el)!.click();
    await waitUntil(() => edges.submitted.length === 1, 'submitted after retry');
  });

  it('gives up verifying after verify-timeout and offers "Check again", never "Pay again"', async () => {
    routeFetch({ verify: ['hang', { status: 200, body: PAID }] });
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" verify-timeout="200"></ogone-checkout>',
      returnQuery(),
    );
    await untilState(el, 'error');
    await el.updateComplete;
    expect(errors.map((error) => error.code)).to.deep.equal(['timeout']);
    expect(said(el)).to.equal(
      'Confirming your payment is taking longer than usual. Please check again in a moment, and do not pay again.',
    );
    expect(buttonText(el)).to.equal('Check again');
    await el.pay();
    expect(signCalls()).to.deep.equal([]);
    button(el)!.click();
    await untilState(el, 'done');
    expect(said(el)).to.include('Thank you!');
  });
});

describe('item 12: return-url', () => {
  it('signs the return-url path on this origin', async () => {
    routeFetch({ sign: [{ status: 200, body: signedPayload() }] });
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" return-url="/checkout/confirmation"></ogone-checkout>',
    );
    button(el)!.click();
    await waitUntil(() => edges.submitted.length === 1, 'submitted');
    expect(signCalls()[0]!.body['returnUrl']).to.equal(`${location.origin}/checkout/confirmation`);
  });

  for (const value of [
    'https://evil.example/return',
    '/confirm?step=2',
    '/confirm#done',
    '//evil.example/x',
  ]) {
    it(`refuses return-url="${value}" before signing, naming the attribute`, async () => {
      routeFetch({ sign: [{ status: 200, body: signedPayload() }] });
      const logged = consoleErrors();
      const errors = collect<OgoneErrorDetail>('ogone-error');
      const el = await render(
        `<ogone-checkout endpoint="/ogone" order-ref="SO-1001" return-url="${value}"></ogone-checkout>`,
      );
      button(el)!.click();
      await untilState(el, 'error');
      expect(errors.map((error) => error.code)).to.deep.equal(['configuration']);
      expect(signCalls()).to.deep.equal([]);
      await waitUntil(() => logged.length > 0, 'a console error');
      expect(logged.join('\n')).to.include('return-url');
    });
  }
});

describe('issue 15 item 7: pspid', () => {
  it('posts the form when the signed PSPID is the pspid attribute', async () => {
    routeFetch({
      sign: [{ status: 200, body: signedPayload('SO-1001-n2', { PSPID: 'demoshop' }) }],
    });
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" pspid="demoshop"></ogone-checkout>',
    );
    button(el)!.click();
    await waitUntil(() => edges.submitted.length === 1, 'submitted');
  });

  it('refuses a form signed for another PSPID: ogone-error pspid-mismatch, nothing posted', async () => {
    routeFetch({
      sign: [{ status: 200, body: signedPayload('SO-1001-n2', { PSPID: 'attacker' }) }],
    });
    const logged = consoleErrors();
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const redirects = collect('ogone-before-redirect');
    const el = await render(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" pspid="demoshop"></ogone-checkout>',
    );
    button(el)!.click();
    await untilState(el, 'error');
    await settle();
    expect(errors.map((error) => error.code)).to.deep.equal(['pspid-mismatch']);
    expect(redirects).to.deep.equal([]);
    expect(edges.submitted).to.deep.equal([]);
    expect(said(el)).to.equal('The payment could not be started.');
    await waitUntil(() => logged.length > 0, 'a console error');
    expect(logged.join('\n')).to.include('pspid');
  });
});
