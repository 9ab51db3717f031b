/**
 * Saved cards in `<ogone-checkout>` (issue #11, the element's side), in Chromium against a stubbed
 * endpoint: the list (expired cards disabled, default choice, keyboard, names, axe), removal with
 * its confirmation, paying with a saved card and every `/pay` answer, and the errors.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import '../../src/element/ogone-checkout.js';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.js';
import type { PayAnswer, SavedCard, SavedCards } from '../../src/contract/types.js';
import type { OgoneCardRemovedDetail, OgoneErrorDetail, PaymentResult } from '../../src/index.js';
import { collect, edges, stubFetchWith, untilState, useEdgeStubs, type Reply } from './edges.js';
import {
  button,
  buttonText,
  clean,
  orderStatus,
  render,
  result,
  returnQuery,
  said,
  shadow,
  signedPayload,
} from './fixtures.js';

const originalUrl = location.href;
useEdgeStubs();
afterEach(() => {
  history.replaceState(null, '', originalUrl);
  sessionStorage.clear();
});

const VISA: SavedCard = {
  id: 'c_visa',
  brand: 'VISA',
  last4: '1111',
  expiry: '12/34',
  expired: false,
  lastUsedAt: '2026-11-30T10:00:00.000Z',
};
const MASTERCARD: SavedCard = {
  id: 'c_mc',
  brand: 'MasterCard',
  last4: '4444',
  expiry: '03/29',
  expired: false,
  lastUsedAt: null,
};
const OLD: SavedCard = {
  id: 'c_old',
  brand: 'VISA',
  last4: '0002',
  expiry: '01/20',
  expired: true,
  lastUsedAt: '2019-12-01T10:00:00.000Z',
};

function list(cards: SavedCard[], selectedCardId: string | null = cards[0]?.id ?? null): Reply {
  const body: SavedCards = { enabled: true, cards, selectedCardId };
  return { status: 200, body };
}

function error(status: number, code: string, message = code): Reply {
  return { status, body: { error: { code, message } } };
}

interface Endpoint {
  cards?: Reply;
  pay?: Reply[];
  remove?: Reply;
  orders?: Reply;
  verify?: Reply;
}

/** The endpoint, by route; `/pay` answers its queue in turn (repeating the last). */
function endpoint(routes: Endpoint): void {
  stubFetchWith(
    (url, method) => {
      if (url.startsWith('/ogone/cards?')) return routes.cards ?? list([VISA]);
      if (url.startsWith('/ogone/cards/') && method === 'DELETE') {
        return routes.remove ?? { status: 204, body: null };
      }
      if (url === '/ogone/pay') {
        const queue = routes.pay ?? [];
        return (queue.length > 1 ? queue.shift() : queue[0]) ?? new Error('no /pay reply');
      }
      if (url.startsWith('/ogone/orders/')) return routes.orders ?? orderStatus('SO-1001', 'open');
      if (url === '/ogone/verify' && routes.verify) return routes.verify;
      return new Error(`unexpected ${method} ${url}`);
    },
    { savedCards: true },
  );
}

const CHECKOUT = '<ogone-checkout endpoint="/ogone" order-ref="SO-1001"></ogone-checkout>';

async function checkout(markup = CHECKOUT): Promise<OgoneCheckout> {
  const el = await render(markup);
  await waitUntil(() => shadow(el).querySelector('fieldset'), 'the saved-card list');
  return el;
}

function radios(el: OgoneCheckout): HTMLInputElement[] {
  return [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

/** What is on screen in `node`: its text without the screen-reader-only parts. */
function visible(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.vh')) hidden.remove();
  return clean(copy.textContent);
}

/** Each radio's visible label and state. */
function rows(el: OgoneCheckout): { label: string; checked: boolean; disabled: boolean }[] {
  return radios(el).map((radio) => ({
    label: visible(radio.closest('label')!),
    checked: radio.checked,
    disabled: radio.disabled,
  }));
}

interface A11yNode {
  role: string;
  name: string;
  children?: A11yNode[];
}

/** Role and name of every node of the page's accessibility tree (Chromium's, shadow roots included). */
async function accessible(): Promise<{ role: string; name: string }[]> {
  const tree = (await a11ySnapshot({})) as unknown as A11yNode;
  const found: { role: string; name: string }[] = [];
  const walk = (node: A11yNode) => {
    found.push({ role: node.role, name: node.name });
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

function removeButton(el: OgoneCheckout, last4: string): HTMLButtonElement {
  const row = [...shadow(el).querySelectorAll('[part~="saved-card"]')].find((item) =>
    item.querySelector('label')!.textContent!.includes(last4),
  );
  const found = row?.querySelector<HTMLButtonElement>('[part="remove-button"]');
  expect(found, `remove button of ${last4}`).to.not.equal(undefined);
  return found!;
}

function partEl(el: OgoneCheckout, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** The element inside the shadow root that has focus. */
function focused(el: OgoneCheckout): Element | null {
  return shadow(el).activeElement;
}

/** Navigations the page starts (a challenge), stopped before they leave the test page. */
function stopNavigations(): string[] {
  const seen: string[] = [];
  const navigation = (window as unknown as { navigation: EventTarget }).navigation;
  const listener = (event: Event) => {
    const navigate = event as NavigateEvent;
    // The tests' own history.replaceState is a navigation too: only the element's count.
    if (navigate.navigationType === 'replace') return;
    seen.push(navigate.destination.url);
    navigate.preventDefault();
  };
  navigation.addEventListener('navigate', listener);
  edges.cleanups.push(() => navigation.removeEventListener('navigate', listener));
  return seen;
}

const pays = () => edges.calls.filter((call) => call.url === '/ogone/pay');

describe('saved cards: the list', () => {
  it('lists the saved cards as a radio group with a legend, the expired one disabled, the default chosen', async () => {
    endpoint({ cards: list([VISA, OLD, MASTERCARD], 'c_mc') });
    const el = await checkout();
    expect(clean(shadow(el).querySelector('legend')!.textContent)).to.equal('Pay with');
    expect(rows(el)).to.deep.equal([
      { label: 'Visa •••• 1111, expires 12/34', checked: false, disabled: false },
      { label: 'Visa •••• 0002, expired 01/20', checked: false, disabled: true },
      { label: 'MasterCard •••• 4444, expires 03/29', checked: true, disabled: false },
      { label: 'Use a new card', checked: false, disabled: false },
    ]);
    // One group: every radio shares a name inside the fieldset.
    expect(new Set(radios(el).map((radio) => radio.name)).size).to.equal(1);
    expect(edges.calls[0]!.url).to.equal('/ogone/cards?orderRef=SO-1001');
    await expect(el).to.be.accessible();
  });

  it('reads each card as "ending in", and each remove button names its card', async () => {
    endpoint({ cards: list([VISA, OLD]) });
    const el = await checkout();
    const tree = await accessible();
    expect(tree.filter((node) => node.role === 'radio').map((node) => node.name)).to.deep.equal([
      'Visa ending in 1111, expires 12/34',
      'Visa ending in 0002, expired 01/20',
      'Use a new card',
    ]);
    expect(tree.filter((node) => node.role === 'button').map((node) => node.name)).to.deep.equal([
      'Remove Visa ending in 1111',
      'Remove Visa ending in 0002',
      'Pay now',
    ]);
    // The group's name: a legend, first in its fieldset.
    const legend = shadow(el).querySelector('fieldset > legend:first-child');
    expect(clean(legend?.textContent)).to.equal('Pay with');
    const label = radios(el)[0]!.closest('label')!;
    expect(label.querySelector('[aria-hidden="true"]')!.textContent).to.equal('••••');
    expect(clean(label.querySelector('.vh')!.textContent)).to.equal('ending in');
    const names = [...shadow(el).querySelectorAll('[part="remove-button"]')].map((item) => [
      item.getAttribute('aria-label'),
      clean(item.textContent),
    ]);
    expect(names).to.deep.equal([
      ['Remove Visa ending in 1111', 'Remove'],
      ['Remove Visa ending in 0002', 'Remove'],
    ]);
  });

  it('chooses "Use a new card" when no card is preselected or the preselected one expired', async () => {
    for (const selected of [null, 'c_old', 'c_unknown']) {
      endpoint({ cards: list([VISA, OLD], selected) });
      const el = await checkout();
      expect(rows(el).map((row) => row.checked)).to.deep.equal([false, false, true]);
      el.remove();
    }
  });

  it('moves the choice with the arrow keys, skipping the expired card', async () => {
    endpoint({ cards: list([VISA, OLD, MASTERCARD]) });
    const el = await checkout();
    radios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(rows(el).map((row) => row.checked)).to.deep.equal([false, false, true, false]);
    await sendKeys({ press: 'ArrowDown' });
    expect(rows(el).map((row) => row.checked)).to.deep.equal([false, false, false, true]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(radios(el)[2]);
  });

  it('offers "save my card" only with "Use a new card"', async () => {
    endpoint({ cards: list([VISA]) });
    const el = await checkout(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional"></ogone-checkout>',
    );
    const checkbox = () => shadow(el).querySelector('input[type="checkbox"]');
    expect(checkbox()).to.equal(null);
    radios(el)[1]!.click();
    await el.updateComplete;
    expect(checkbox()).to.not.equal(null);
  });

  for (const [name, reply] of [
    ['disabled', { status: 200, body: { enabled: false, cards: [], selectedCardId: null } }],
    ['enabled without cards', list([])],
    ['saved-cards-unavailable', error(409, 'saved-cards-unavailable')],
    ['a server failure', error(503, 'ledger-unavailable')],
  ] as const) {
    it(`shows no list, silently, for ${name}`, async () => {
      const errors = collect<OgoneErrorDetail>('ogone-error');
      endpoint({ cards: reply as Reply });
      const el = await render(CHECKOUT);
      await waitUntil(() => edges.calls.some((call) => call.url.includes('/cards?')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shadow(el).querySelector('fieldset')).to.equal(null);
      expect(errors).to.deep.equal([]);
      expect(buttonText(el)).to.equal('Pay now');
      expect(said(el)).to.equal('');
    });
  }

  it('never shows a list for an answer that is not a saved-card list', async () => {
    endpoint({
      cards: { status: 200, body: { enabled: true, cards: [{ id: 'x' }], selectedCardId: null } },
    });
    const el = await render(CHECKOUT);
    await waitUntil(() => edges.calls.some((call) => call.url.includes('/cards?')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(el).querySelector('fieldset')).to.equal(null);
  });
});

describe('saved cards: removal', () => {
  it('asks inline, removes on "Yes, remove", announces it, moves focus and fires ogone-card-removed', async () => {
    const removed = collect<OgoneCardRemovedDetail>('ogone-card-removed');
    endpoint({ cards: list([VISA, MASTERCARD]) });
    const el = await checkout();
    removeButton(el, '1111').click();
    await el.updateComplete;
    const confirm = partEl(el, 'remove-confirm')!;
    expect(visible(confirm)).to.equal('Remove Visa •••• 1111? Yes, remove Keep it');
    await waitUntil(() => focused(el) === partEl(el, 'remove-no'), 'focus on "Keep it"');
    // Both answers are described by the question.
    const question = shadow(el).getElementById(
      partEl(el, 'remove-yes')!.getAttribute('aria-describedby')!,
    );
    expect(clean(question!.textContent)).to.match(/^Remove Visa/);
    await expect(el).to.be.accessible();

    partEl(el, 'remove-yes')!.click();
    await waitUntil(() => removed.length === 1, 'ogone-card-removed');
    expect(removed).to.deep.equal([{ cardId: 'c_visa', brand: 'VISA', last4: '1111' }]);
    const call = edges.calls.find((item) => item.method === 'DELETE')!;
    expect(call.url).to.equal('/ogone/cards/c_visa?orderRef=SO-1001');
    await el.updateComplete;
    expect(rows(el).map((row) => row.label)).to.deep.equal([
      'MasterCard •••• 4444, expires 03/29',
      'Use a new card',
    ]);
    // The removed card was chosen: the next one is, and has focus.
    expect(radios(el)[0]!.checked).to.equal(true);
    await waitUntil(() => focused(el) === radios(el)[0], 'focus on the card now chosen');
    expect(clean(partEl(el, 'saved-cards-status')!.textContent)).to.equal(
      'Visa ending in 1111 removed.',
    );
  });

  it('"Keep it" keeps the card, sends nothing and gives focus back to its Remove button', async () => {
    endpoint({ cards: list([VISA]) });
    const el = await checkout();
    removeButton(el, '1111').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === partEl(el, 'remove-no'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === partEl(el, 'remove-button'), 'focus back on Remove');
    expect(partEl(el, 'remove-confirm')).to.equal(null);
    expect(edges.calls.filter((call) => call.method === 'DELETE')).to.deep.equal([]);
    expect(rows(el)).to.have.length(2);
  });

  it('after removing the last card, the list goes and focus is on the pay button', async () => {
    endpoint({ cards: list([VISA]) });
    const el = await checkout();
    removeButton(el, '1111').click();
    await el.updateComplete;
    partEl(el, 'remove-yes')!.click();
    await waitUntil(() => shadow(el).querySelector('fieldset') === null, 'list gone');
    await waitUntil(() => focused(el) === button(el), 'focus on pay');
    expect(clean(partEl(el, 'saved-cards-status')!.textContent)).to.equal(
      'Visa ending in 1111 removed.',
    );
  });

  it('keeps the card and says so when the endpoint does not remove it', async () => {
    const errors = collect<OgoneErrorDetail>('ogone-error');
    endpoint({ cards: list([VISA]), remove: error(503, 'ledger-unavailable', 'down') });
    const el = await checkout();
    removeButton(el, '1111').click();
    await el.updateComplete;
    partEl(el, 'remove-yes')!.click();
    await waitUntil(() => errors.length === 1, 'ogone-error');
    expect(errors[0]!.code).to.equal('endpoint-unavailable');
    await el.updateComplete;
    const alert = partEl(el, 'saved-cards-alert')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(clean(alert.textContent)).to.equal('We could not remove this card. Please try again.');
    await waitUntil(() => focused(el) === alert, 'focus on the alert');
    expect(rows(el)).to.have.length(2);
  });
});

describe('saved cards: paying with one', () => {
  const PAID = result('paid', { orderId: 'SO-1001-d1', idempotencyKey: 'SO-1001-d1:3014:9' });

  it('POSTs /pay with the card, the order, the return URL and the 3-D Secure browser data', async () => {
    endpoint({
      pay: [{ status: 200, body: { kind: 'result', result: PAID } satisfies PayAnswer }],
    });
    const el = await checkout(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" lang="en-GB"></ogone-checkout>',
    );
    button(el)!.click();
    await untilState(el, 'done');
    expect(pays()).to.have.length(1);
    const body = pays()[0]!.body;
    expect(body).to.deep.equal({
      orderRef: 'SO-1001',
      cardId: 'c_visa',
      returnUrl: location.origin + location.pathname,
      language: 'en-GB',
      browser: {
        colorDepth: screen.colorDepth,
        javaEnabled: false,
        language: navigator.language,
        screenHeight: screen.height,
        screenWidth: screen.width,
        timeZoneOffset: new Date().getTimezoneOffset(),
        userAgent: navigator.userAgent,
      },
    });
    expect(edges.calls.some((call) => call.url.endsWith('/sign'))).to.equal(false);
  });

  it('shows a paid result like a hosted-page return, fires ogone-result, and stays on the page', async () => {
    const results = collect<PaymentResult>('ogone-result');
    const navigations = stopNavigations();
    endpoint({ pay: [{ status: 200, body: { kind: 'result', result: PAID } }] });
    const el = await checkout();
    button(el)!.click();
    await untilState(el, 'done');
    expect(results).to.deep.equal([PAID]);
    expect(said(el)).to.equal(
      'Thank you! Your payment has been received. Amount €19.99 Order SO-1001 Card VISA ending in 1111',
    );
    expect(shadow(el).querySelector('fieldset')).to.equal(null);
    expect(button(el)).to.equal(null);
    expect(edges.submitted).to.have.length(0);
    expect(navigations).to.deep.equal([]);
  });

  for (const [outcome, text] of [
    [
      'pending',
      'We are waiting for your bank to confirm your payment. There is no need to pay again.',
    ],
    ['uncertain', 'We are checking your payment with the bank. Please do not pay again.'],
  ] as const) {
    it(`shows a ${outcome} result as such, with no way to pay again`, async () => {
      const answer = result(outcome, { orderId: 'SO-1001-d1' });
      endpoint({ pay: [{ status: 200, body: { kind: 'result', result: answer } }] });
      const el = await checkout();
      button(el)!.click();
      await untilState(el, 'done');
      expect(said(el)).to.match(new RegExp(`^${text.replace(/\./g, '\\.')}`));
      expect(said(el)).to.not.match(/try again/i);
      expect(button(el)).to.equal(null);
      expect(shadow(el).querySelector('fieldset')).to.equal(null);
    });
  }

  it('after a refused card, says why and lets the shopper pick another card, then a new one', async () => {
    const results = collect<PaymentResult>('ogone-result');
    const refused = result('refused', { orderId: 'SO-1001-d1', ncError: '30001001' });
    endpoint({
      cards: list([VISA, MASTERCARD]),
      pay: [
        { status: 200, body: { kind: 'result', result: refused } },
        { status: 200, body: { kind: 'result', result: PAID } },
      ],
    });
    stubSign();
    const el = await checkout();
    button(el)!.click();
    await waitUntil(() => results.length === 1);
    await el.updateComplete;
    expect(said(el)).to.equal(
      'Your bank declined this card. Nothing was charged. Choose another card or use a new one.',
    );
    expect(results[0]!.outcome).to.equal('refused');
    // Still the checkout: the list, and "Pay now" (not "Try again").
    expect(rows(el)).to.have.length(3);
    expect(buttonText(el)).to.equal('Pay now');
    expect(focused(el)).to.equal(shadow(el).querySelector('[part~="message"]'));
    await expect(el).to.be.accessible();
    // A new card: the hosted page, as ever.
    radios(el)[2]!.click();
    await el.updateComplete;
    button(el)!.click();
    await untilState(el, 'redirecting');
    expect(edges.submitted).to.have.length(1);
    expect(pays()).to.have.length(1);
  });

  for (const [ncError, text, next] of [
    [
      '50001005',
      'This card could not be used. Nothing was charged. Choose another card or use a new one.',
      'Pay now',
    ],
    [
      '50001111',
      'This card is no longer saved. Nothing was charged. Choose another card or use a new one.',
      'Pay now',
    ],
    [
      '50001113',
      'This order cannot be paid now: it may already be paid. Please check before paying again.',
      'Check again',
    ],
  ] as const) {
    it(`says an invalid attempt (status 0, NCERROR ${ncError}) in its own words`, async () => {
      const invalid = result('invalid', { orderId: 'SO-1001-d1', ncError });
      endpoint({ pay: [{ status: 200, body: { kind: 'result', result: invalid } }] });
      const el = await checkout();
      button(el)!.click();
      await waitUntil(() => said(el) !== '');
      expect(said(el)).to.equal(text);
      expect(buttonText(el)).to.equal(next);
    });
  }

  it('locks the list while a payment is on its way', async () => {
    endpoint({ cards: list([VISA, MASTERCARD]), pay: ['hang'] });
    const el = await checkout();
    button(el)!.click();
    await untilState(el, 'signing');
    await el.updateComplete;
    expect(shadow(el).querySelector('fieldset')!.disabled).to.equal(true);
    expect(button(el)!.disabled).to.equal(true);
    expect(pays()).to.have.length(1);
  });

  it('keeps a paid result for the tab, but not a refused one (the list stays the checkout)', async () => {
    const refused = result('refused', { orderId: 'SO-1001-d1' });
    endpoint({ pay: [{ status: 200, body: { kind: 'result', result: refused } }] });
    let el = await checkout();
    button(el)!.click();
    await waitUntil(() => said(el) !== '');
    expect(sessionStorage.length).to.equal(0);
    el.remove();
    endpoint({ pay: [{ status: 200, body: { kind: 'result', result: PAID } }] });
    el = await checkout();
    button(el)!.click();
    await untilState(el, 'done');
    expect(JSON.parse(sessionStorage.getItem('ogone-checkout:result:SO-1001')!)).to.deep.equal(
      PAID,
    );
  });

  it('goes to the 3-D Secure challenge on the endpoint origin', async () => {
    const navigations = stopNavigations();
    endpoint({ pay: [{ status: 200, body: { kind: 'challenge', url: '/ogone/challenge/k3x9' } }] });
    const el = await checkout();
    button(el)!.click();
    await waitUntil(() => navigations.length === 1, 'navigation');
    expect(navigations).to.deep.equal([`${location.origin}/ogone/challenge/k3x9`]);
    expect(el.state).to.equal('redirecting');
    expect(said(el)).to.equal('Your bank wants to confirm it is you. Opening its page…');
  });

  it('never goes to a challenge on another origin', async () => {
    const navigations = stopNavigations();
    const errors = collect<OgoneErrorDetail>('ogone-error');
    for (const url of [
      'https://evil.example/ogone/challenge/k3',
      'javascript:alert(1)',
      '//evil.example/x',
    ]) {
      endpoint({ pay: [{ status: 200, body: { kind: 'challenge', url } }] });
      const el = await checkout();
      button(el)!.click();
      await untilState(el, 'error');
      expect(said(el)).to.equal('The payment could not be started.');
      el.remove();
    }
    expect(errors.map((item) => item.code)).to.deep.equal([
      'foreign-action',
      'foreign-action',
      'foreign-action',
    ]);
    expect(navigations).to.deep.equal([]);
  });

  it('posts the signed form when the bank insists on its own page, like the hosted-page path', async () => {
    const before = collect<{ action: string }>('ogone-before-redirect');
    const payload = signedPayload('SO-1001-d2', { ALIAS: 'alias-1' });
    endpoint({ pay: [{ status: 200, body: { kind: 'redirect', payload } }] });
    const el = await checkout();
    button(el)!.click();
    await untilState(el, 'redirecting');
    await waitUntil(() => edges.submitted.length === 1);
    const form = edges.submitted[0]!;
    expect(form.action).to.equal(payload.action);
    expect(Object.fromEntries(new FormData(form))).to.deep.equal(payload.fields);
    expect(before.map((item) => item.action)).to.deep.equal([payload.action]);
  });

  it('refuses a redirect to a host that is not Ogone', async () => {
    const errors = collect<OgoneErrorDetail>('ogone-error');
    const payload = signedPayload('SO-1001-d2', {}, 'https://evil.example/pay');
    endpoint({ pay: [{ status: 200, body: { kind: 'redirect', payload } }] });
    const el = await checkout();
    button(el)!.click();
    await untilState(el, 'error');
    expect(errors.map((item) => item.code)).to.deep.equal(['foreign-action']);
    expect(edges.submitted).to.have.length(0);
  });
});

/** `/sign` answers a signed payload (the hosted page with a new card). */
function stubSign(): void {
  const pick = window.fetch;
  window.fetch = (input, init) => {
    if (String(input) === '/ogone/sign') {
      edges.calls.push({ url: '/ogone/sign', method: 'POST', body: {}, signal: init?.signal });
      return Promise.resolve(
        new Response(JSON.stringify(signedPayload()), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
    return pick(input, init);
  };
}

describe('saved cards: errors', () => {
  for (const [reply, code, text, next] of [
    [
      error(404, 'card-not-found', 'No such card.'),
      'card-not-found',
      'This card is no longer saved. Nothing was charged. Choose another card or use a new one.',
      'Pay now',
    ],
    [
      error(422, 'card-expired', 'The card has expired.'),
      'card-expired',
      'This card has expired. Nothing was charged. Choose another card or use a new one.',
      'Pay now',
    ],
    [
      error(409, 'order-not-payable', 'Already paid.'),
      'order-not-payable',
      'This order cannot be paid now: it may already be paid. Please check before paying again.',
      'Check again',
    ],
    [
      error(503, 'platform-unavailable', 'Ogone did not answer.'),
      'platform-unavailable',
      'We could not confirm whether your payment went through. Please check again, and do not pay again.',
      'Check again',
    ],
    [
      error(502, 'order-lookup-failed'),
      'endpoint-unavailable',
      'We could not confirm whether your payment went through. Please check again, and do not pay again.',
      'Check again',
    ],
    [
      new TypeError('Failed to fetch'),
      'network',
      'We could not confirm whether your payment went through. Please check again, and do not pay again.',
      'Check again',
    ],
    [
      { status: 200, body: { kind: 'result', result: { outcome: 'paid' } } },
      'invalid-payload',
      'We could not confirm whether your payment went through. Please check again, and do not pay again.',
      'Check again',
    ],
    [
      error(400, 'invalid-request', 'browser.colorDepth is out of range'),
      'saved-card-rejected',
      'The payment could not be started.',
      'Pay now',
    ],
  ] as const) {
    it(`${code}: ogone-error, "${next}", a message in plain words`, async () => {
      const errors = collect<OgoneErrorDetail>('ogone-error');
      endpoint({ cards: list([VISA, MASTERCARD]), pay: [reply as Reply] });
      const el = await checkout();
      button(el)!.click();
      await untilState(el, 'error');
      expect(errors.map((item) => item.code)).to.deep.equal([code]);
      expect(errors[0]!.message).to.be.a('string').and.not.equal('');
      expect(said(el)).to.equal(text);
      expect(buttonText(el)).to.equal(next);
      expect(shadow(el).querySelector('[part="alert"]')!.textContent).to.include(text.slice(0, 20));
      // A payment may have happened: the list is not offered until the order is checked.
      expect(shadow(el).querySelector('fieldset') !== null).to.equal(next === 'Pay now');
      if (code === 'card-not-found') {
        expect(rows(el).map((row) => row.label)).to.deep.equal([
          'MasterCard •••• 4444, expires 03/29',
          'Use a new card',
        ]);
      }
    });
  }

  it('"Check again" asks the order status, and shows the receipt when the payment went through', async () => {
    const paid = result('paid', { orderId: 'SO-1001-d1' });
    endpoint({ pay: [error(503, 'platform-unavailable')] });
    const el = await checkout();
    button(el)!.click();
    await untilState(el, 'error');
    endpoint({
      pay: [error(503, 'platform-unavailable')],
      orders: orderStatus('SO-1001', 'paid', paid),
    });
    button(el)!.click();
    await untilState(el, 'done');
    expect(said(el)).to.match(/^Thank you! Your payment has been received\./);
    // Nothing was paid again: the one /pay call is the first one.
    expect(pays()).to.have.length(1);
  });

  it('saved-cards-unavailable on /pay hides the list and offers a new card', async () => {
    endpoint({ pay: [error(409, 'saved-cards-unavailable')] });
    const el = await checkout(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" save-card="optional"></ogone-checkout>',
    );
    button(el)!.click();
    await untilState(el, 'error');
    expect(said(el)).to.equal(
      'Saved cards cannot be used right now. Nothing was charged. Please use a new card.',
    );
    expect(shadow(el).querySelector('fieldset')).to.equal(null);
    expect(shadow(el).querySelector('input[type="checkbox"]')).to.not.equal(null);
    expect(buttonText(el)).to.equal('Pay now');
  });
});

describe('saved cards: after a refused return', () => {
  it('offers the saved cards again (a failed 3-D Secure challenge), and pays with the chosen one', async () => {
    const results = collect<PaymentResult>('ogone-result');
    const paid = result('paid', { orderId: 'SO-1001-d2', idempotencyKey: 'SO-1001-d2:3015:9' });
    endpoint({
      cards: list([VISA, MASTERCARD]),
      verify: { status: 200, body: result('refused') },
      pay: [{ status: 200, body: { kind: 'result', result: paid } }],
    });
    const el = await render(CHECKOUT, returnQuery('SO-1001', 2));
    await waitUntil(() => shadow(el).querySelector('fieldset'), 'the list, after the refusal');
    expect(said(el)).to.equal('Your payment did not go through. Nothing was charged.');
    expect(buttonText(el)).to.equal('Pay now');
    expect(rows(el).map((row) => row.checked)).to.deep.equal([true, false, false]);
    radios(el)[1]!.click();
    await el.updateComplete;
    button(el)!.click();
    await untilState(el, 'done');
    expect(pays()[0]!.body['cardId']).to.equal('c_mc');
    expect(results.map((item) => item.outcome)).to.deep.equal(['refused', 'paid']);
    expect(said(el)).to.match(/^Thank you! Your payment has been received\./);
  });

  it('keeps "Try again" (the hosted page) when the customer has no saved card', async () => {
    endpoint({ cards: list([OLD]), verify: { status: 200, body: result('refused') } });
    const el = await render(CHECKOUT, returnQuery('SO-1001', 2));
    await untilState(el, 'done');
    await waitUntil(() => edges.calls.some((call) => call.url.includes('/cards?')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(buttonText(el)).to.equal('Try again');
    expect(shadow(el).querySelector('fieldset')).to.equal(null);
  });
});

describe('saved cards: languages', () => {
  it('speaks German, long texts included', async () => {
    endpoint({ cards: list([VISA, OLD]), pay: [error(422, 'card-expired')] });
    const el = await checkout(
      '<ogone-checkout endpoint="/ogone" order-ref="SO-1001" lang="de"></ogone-checkout>',
    );
    expect(clean(shadow(el).querySelector('legend')!.textContent)).to.equal('Bezahlen mit');
    expect(rows(el).map((row) => row.label)).to.deep.equal([
      'Visa •••• 1111, gültig bis 12/34',
      'Visa •••• 0002, abgelaufen 01/20',
      'Eine neue Karte verwenden',
    ]);
    expect(removeButton(el, '1111').getAttribute('aria-label')).to.equal(
      'Visa mit Endziffern 1111 entfernen',
    );
    button(el)!.click();
    await untilState(el, 'error');
    expect(said(el)).to.match(/^Diese Karte ist abgelaufen\./);
  });
});
