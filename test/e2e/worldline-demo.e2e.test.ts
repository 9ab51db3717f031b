/**
 * End-to-end on Worldline Direct, as a shopper: the real demo run with `OGONE_PROVIDER=worldline-
 * direct` (the same tag, the same endpoint routes), the Worldline Direct sandbox's hosted checkout
 * in Chromium. Pay and save the card; pay the next order with it from the element's saved-card
 * list (/pay, server to server); pay a third on the hosted page, which offers the saved card.
 * Screenshots go to test-results/e2e/ (git-ignored).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PaymentResult } from '../../src/protocol/index.js';
import type { DemoOrder } from '../../demo/backend.js';
import { DEMO_ADMIN_TOKEN } from '../../demo/vite-plugin.js';
import { pageText } from './admin-page-helpers.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDemo, type DemoServer } from './demo-server.js';

const SHOTS = new URL('../../test-results/e2e/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

declare global {
  interface Window {
    __ogoneResults?: PaymentResult[];
    __ogoneErrors?: { code: string; message: string }[];
  }
}

let demo: DemoServer;
let browser: Browser;
/** The first order, paid by card (SALE): the refund's. */
let paidRef = '';

before(async () => {
  demo = await startDemo({
    OGONE_PROVIDER: 'worldline-direct',
    DEMO_FEEDBACK_RETRY_MS: '200,400,800',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

async function newShopper(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__ogoneResults = [];
    window.__ogoneErrors = [];
    document.addEventListener('ogone-result', (e) =>
      window.__ogoneResults!.push((e as CustomEvent<PaymentResult>).detail),
    );
    document.addEventListener('ogone-error', (e) =>
      window.__ogoneErrors!.push((e as CustomEvent<{ code: string; message: string }>).detail),
    );
  });
  return page;
}

async function openStore(page: Page, fresh = false): Promise<string> {
  await page.goto(fresh ? `${demo.url}/?new` : demo.url);
  await page.waitForFunction(() =>
    /^SO-\d+$/.test(document.querySelector('#order-ref')?.textContent ?? ''),
  );
  return (await page.locator('#order-ref').textContent())!;
}

async function results(page: Page): Promise<PaymentResult[]> {
  await page.waitForFunction(
    () => (window.__ogoneResults?.length ?? 0) + (window.__ogoneErrors?.length ?? 0) > 0,
    undefined,
    { timeout: 15_000 },
  );
  const errors = await page.evaluate(() => window.__ogoneErrors ?? []);
  assert.deepEqual(errors, [], 'no ogone-error');
  return page.evaluate(() => window.__ogoneResults ?? []);
}

async function order(ref: string): Promise<DemoOrder> {
  const response = await fetch(`${demo.url}/demo-api/orders/${ref}`);
  return (await response.json()) as DemoOrder;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });

describe('the demo on Worldline Direct', { timeout: 120_000 }, () => {
  it('pays on the hosted checkout, saves the card, pays the next orders with it (/pay and the hosted page)', async () => {
    const page = await newShopper();
    const ref = await openStore(page);
    await page.getByLabel('Save my card for future purchases').check();
    const [navigation] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes('/worldline/')),
      page.getByRole('button', { name: 'Pay now' }).click(),
    ]);
    assert.equal(navigation.method(), 'GET', 'the element follows the hosted checkout with GET');
    await page.waitForURL(/\/worldline\/hostedcheckout\//);
    await shot(page, 'worldline-demo-01-hosted-checkout');
    await page.getByLabel('Card number').fill('4111 1111 1111 1111');
    await page.getByLabel('Expiry (MM/YY)').fill('12/34');
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('Name on card').fill('Ana Example');
    await page.getByRole('button', { name: /^Pay now/ }).click();
    const [result] = await results(page);
    assert.equal(result?.outcome, 'paid');
    assert.equal(result?.orderRef, ref);
    assert.equal(result?.amount, '38.40');
    assert.ok(result?.alias, 'the saved card came back as a token');
    assert.doesNotMatch(page.url(), /RETURNMAC/, 'the address bar is cleaned');
    await page.getByText(/payment has been received/).waitFor();
    await shot(page, 'worldline-demo-02-paid');
    const paid = await order(ref);
    assert.equal(paid.payment?.status, 9);
    paidRef = ref;

    // The next order: the element lists the saved card (GET /cards) and pays with it (/pay),
    // without leaving the page; Worldline Direct takes the token server to server.
    const secondRef = await openStore(page, true);
    assert.notEqual(secondRef, ref);
    await page.getByRole('radio', { name: /1111/ }).waitFor();
    assert.ok(await page.getByRole('radio', { name: /1111/ }).isChecked(), 'the saved card first');
    await shot(page, 'worldline-demo-03-saved-card-listed');
    const stayed = page.url();
    await page.getByRole('button', { name: 'Pay now' }).click();
    const [byToken] = await results(page);
    assert.equal(byToken?.outcome, 'paid');
    assert.equal(byToken?.orderRef, secondRef);
    assert.equal(new URL(page.url()).origin, new URL(stayed).origin);
    assert.equal((await order(secondRef)).payment?.status, 9);

    // A third order: a new card on the hosted checkout, which offers the saved token too.
    const next = await openStore(page, true);
    await page.evaluate(() => {
      window.__ogoneResults = [];
    });
    await page.getByRole('radio', { name: 'Use a new card' }).check();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/\/worldline\/hostedcheckout\//);
    await page.getByText('Your saved cards').waitFor();
    await shot(page, 'worldline-demo-04-saved-card-offered');
    await page.getByRole('button', { name: 'Pay with this card' }).click();
    const [second] = await results(page);
    assert.equal(second?.outcome, 'paid');
    assert.equal(second?.orderRef, next);
    assert.equal(second?.cardNumber, result?.cardNumber);
    await page.context().close();
  });

  it('refunds part of the first payment from the payments page (Worldline Direct behind the operations)', async () => {
    assert.ok(paidRef, 'the first test paid an order');
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/ogone/admin`);
    await page.getByLabel('Staff token').fill(DEMO_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: paidRef, exact: true }).click();
    await page.getByRole('heading', { name: `Order ${paidRef}` }).waitFor();
    await page.getByRole('button', { name: 'Refund…' }).click();
    await page.getByLabel('Amount to refund (EUR)').fill('10');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Refund 10.00 EUR' }).click();
    const deadline = Date.now() + 20_000;
    while (!/Refunded 10\.00 EUR/.test(await pageText(page))) {
      if (Date.now() > deadline) assert.fail(`no refund shown: ${await pageText(page)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await shot(page, 'worldline-demo-05-refunded');
    const refunded = await order(paidRef);
    assert.equal(refunded.payment?.status, 8, 'the ledger: refunded (partly)');
    await context.close();
  });
});
