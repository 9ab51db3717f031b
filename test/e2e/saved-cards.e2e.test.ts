/**
 * The returning shopper's journey (issue #11) end to end, in Chromium, through the real demo: the
 * element, the companion endpoint with its ledger and DirectLink API user, and the sandbox (hosted
 * page, orderdirect, 3-D Secure). Pay once saving the card, come back and pay in one click; a
 * challenge card completed and failed (the saved cards offered again, then a new card); the
 * 40001139 fallback to the hosted page with the saved card; a removed card gone for good.
 * Screenshots go to test-results/e2e/saved-cards/ (git-ignored).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PaymentResult } from '../../src/protocol/index.js';
import type { DemoOrder } from '../../demo/backend.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDemo, type DemoServer } from './demo-server.js';

const SHOTS = new URL('../../test-results/e2e/saved-cards/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

declare global {
  interface Window {
    __ogoneResults?: PaymentResult[];
    __ogoneErrors?: { code: string; message: string }[];
    __ogoneRemoved?: { cardId: string; brand: string; last4: string }[];
  }
}

let demo: DemoServer;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** A shopper's fresh tab (a new context: a new order of the same demo customer). */
async function newShopper(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__ogoneResults = [];
    window.__ogoneErrors = [];
    window.__ogoneRemoved = [];
    // No named helpers in here: the script runs in the page as written.
    document.addEventListener('ogone-result', (e) =>
      window.__ogoneResults!.push((e as CustomEvent<PaymentResult>).detail),
    );
    document.addEventListener('ogone-error', (e) =>
      window.__ogoneErrors!.push((e as CustomEvent<{ code: string; message: string }>).detail),
    );
    document.addEventListener('ogone-card-removed', (e) =>
      window.__ogoneRemoved!.push(
        (e as CustomEvent<{ cardId: string; brand: string; last4: string }>).detail,
      ),
    );
  });
  return page;
}

async function openStore(page: Page): Promise<string> {
  await page.goto(demo.url);
  await page.waitForFunction(() =>
    /^SO-\d+$/.test(document.querySelector('#order-ref')?.textContent ?? ''),
  );
  return (await page.locator('#order-ref').textContent())!;
}

async function payOnSandbox(page: Page, card: string): Promise<void> {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
}

/** The first result or error the element emits on this page. */
async function firstResult(page: Page): Promise<PaymentResult> {
  await page.waitForFunction(
    () => (window.__ogoneResults?.length ?? 0) + (window.__ogoneErrors?.length ?? 0) > 0,
    undefined,
    { timeout: 15_000 },
  );
  const errors = await page.evaluate(() => window.__ogoneErrors ?? []);
  assert.deepEqual(errors, []);
  return (await page.evaluate(() => window.__ogoneResults ?? []))[0]!;
}

async function order(ref: string): Promise<DemoOrder> {
  return (await (await fetch(`${demo.url}/demo-api/orders/${ref}`)).json()) as DemoOrder;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 8000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pays a new order on the hosted page with "Save my card" ticked (a challenge card completes). */
async function saveCard(card: string): Promise<void> {
  const page = await newShopper();
  await openStore(page);
  // Earlier cards may be listed: the new card goes through the hosted page.
  const fresh = page.getByRole('radio', { name: 'Use a new card' });
  await page.getByRole('button', { name: 'Pay now' }).waitFor();
  await page.waitForTimeout(300);
  if (await fresh.count()) await fresh.check();
  await page.getByLabel('Save my card for future purchases').check();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await page.waitForURL(/\/ncol\/test\//);
  await payOnSandbox(page, card);
  if (card.endsWith('3220') || card.endsWith('3063')) {
    await page.getByRole('button', { name: 'Complete authentication' }).click();
  }
  const result = await firstResult(page);
  assert.equal(result.outcome, 'paid');
  assert.ok(result.alias, 'the card was saved');
  await page.context().close();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });

/** The saved-card radios' labels as shown. */
async function listed(page: Page): Promise<string[]> {
  const radios = page.getByRole('radio');
  await radios.first().waitFor();
  // What is on screen: the label without its screen-reader-only words.
  return radios.evaluateAll((items) =>
    items.map((item) => {
      const label = item.closest('label')!.cloneNode(true) as HTMLElement;
      for (const hidden of label.querySelectorAll('.vh')) hidden.remove();
      return (label.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

describe('saved cards through the demo, the endpoint and the sandbox', { timeout: 180_000 }, () => {
  it('pays once saving the card, then comes back and pays in one click', async () => {
    await saveCard('4111 1111 1111 1111');

    const page = await newShopper();
    const ref = await openStore(page);
    assert.deepEqual(await listed(page), ['Visa •••• 1111, expires 12/34', 'Use a new card']);
    assert.equal(await page.getByRole('radio', { name: /Visa ending in 1111/ }).isChecked(), true);
    await shot(page, '01-returning-shopper-list');
    const before = page.url();
    await page.getByRole('button', { name: 'Pay now' }).click();
    const result = await firstResult(page);
    assert.equal(result.outcome, 'paid');
    assert.equal(result.orderRef, ref);
    assert.equal(result.amount, '38.40');
    await page.getByText(/payment has been received/).waitFor();
    assert.equal(page.url(), before, 'no page change');
    const server = await waitFor(
      () => order(ref),
      (o) => o.payment?.outcome === 'paid',
    );
    assert.equal(server.payment?.outcome, 'paid');
    await shot(page, '02-paid-in-one-click');
    await page.context().close();
  });

  it('a challenge card: 3-D Secure completed pays; failed is refused, then a new card pays', async () => {
    await saveCard('4000 0000 0000 3220');

    // Completed.
    let page = await newShopper();
    let ref = await openStore(page);
    await page.getByRole('radio', { name: /ending in 3220/ }).check();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/\/ogone\/challenge\/|\/ncol\//);
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    let result = await firstResult(page);
    assert.equal(result.outcome, 'paid');
    assert.equal(result.orderRef, ref);
    await page.getByText(/payment has been received/).waitFor();
    await shot(page, '03-challenge-completed');
    await page.context().close();

    // Failed, then a new card on the hosted page.
    page = await newShopper();
    ref = await openStore(page);
    await page.getByRole('radio', { name: /ending in 3220/ }).check();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.getByRole('button', { name: 'Fail authentication' }).click();
    result = await firstResult(page);
    assert.equal(result.outcome, 'refused');
    assert.equal(await page.getByText(/payment has been received/).count(), 0);
    // The saved cards are offered again; the shopper takes a new card on the hosted page.
    await page.getByRole('radio', { name: 'Use a new card' }).check();
    await shot(page, '04-challenge-failed');
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/\/ncol\/test\//);
    await payOnSandbox(page, '5555 5555 5555 4444');
    result = await firstResult(page);
    assert.equal(result.outcome, 'paid');
    assert.equal(result.orderRef, ref);
    const server = await waitFor(
      () => order(ref),
      (o) => o.payment?.outcome === 'paid',
    );
    // The shop heard of the challenge (46, pending), the refusal, then the payment: paid once.
    const outcomes = server.deliveries.map((d) => d.outcome);
    assert.deepEqual(outcomes.slice(-2), ['refused', 'paid'], outcomes.join(', '));
    assert.equal(outcomes.filter((outcome) => outcome === 'paid').length, 1);
    assert.equal(server.payment?.outcome, 'paid');
    await page.context().close();
  });

  it('the bank insists on 3-D Secure (40001139): the hosted page opens with the saved card', async () => {
    await saveCard('4000 0000 0000 3063');
    const page = await newShopper();
    const ref = await openStore(page);
    await page.getByRole('radio', { name: /ending in 3063/ }).check();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/\/ncol\/test\//);
    await page.getByText(/•••• 3063/).waitFor();
    await shot(page, '07-hosted-page-with-saved-card');
    await page.getByRole('button', { name: 'Pay with this card' }).click();
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    const result = await firstResult(page);
    assert.equal(result.outcome, 'paid');
    assert.equal(result.orderRef, ref);
    await page.context().close();
  });

  it('a removed card is gone, now and on the next visit', async () => {
    let page = await newShopper();
    await openStore(page);
    const before = await listed(page);
    assert.ok(before.includes('Visa •••• 1111, expires 12/34'), before.join(' | '));
    await page.getByRole('button', { name: 'Remove Visa ending in 1111' }).click();
    await page.getByRole('button', { name: 'Keep it' }).waitFor();
    const question = await page.locator('[part="remove-confirm"]').evaluate((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('.vh')) hidden.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    assert.equal(question, 'Remove Visa •••• 1111? Yes, remove Keep it');
    await shot(page, '05-confirm-removal');
    await page.getByRole('button', { name: 'Keep it' }).click();
    assert.deepEqual(await listed(page), before);
    await page.getByRole('button', { name: 'Remove Visa ending in 1111' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByText('Visa ending in 1111 removed.').waitFor();
    const removed = await page.evaluate(() => window.__ogoneRemoved ?? []);
    assert.equal(removed.length, 1);
    assert.equal(removed[0]?.last4, '1111');
    assert.ok(!(await listed(page)).some((label) => label.includes('1111')));
    await shot(page, '06-removed');
    await page.context().close();

    page = await newShopper();
    await openStore(page);
    const after = await listed(page);
    assert.ok(!after.some((label) => label.includes('1111')), after.join(' | '));
    await page.context().close();
  });
});
