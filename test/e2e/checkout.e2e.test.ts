/**
 * End-to-end, as a shopper: the real demo storefront, the real companion endpoint and the sandbox
 * hosted page, driven in Chromium by role and label. Screenshots of each final state go to
 * test-results/e2e/ (git-ignored).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PaymentResult } from '../../src/protocol/index.js';
import type { DemoOrder } from '../../demo/backend.js';
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

before(async () => {
  demo = await startDemo({ DEMO_FEEDBACK_RETRY_MS: '200,400,800' });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

async function newShopper(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Record what the element emits on every page of the journey (events are bubbling + composed).
  await page.addInitScript(() => {
    window.__ogoneResults = [];
    window.__ogoneErrors = [];
    // Keep the genuine return URL before the element cleans the address bar.
    if (/SHASIGN=/i.test(location.search)) sessionStorage.setItem('e2e:last-return', location.href);
    document.addEventListener('ogone-result', (e) =>
      window.__ogoneResults!.push((e as CustomEvent<PaymentResult>).detail),
    );
    document.addEventListener('ogone-error', (e) =>
      window.__ogoneErrors!.push((e as CustomEvent<{ code: string; message: string }>).detail),
    );
  });
  return page;
}

async function openStore(page: Page): Promise<string> {
  // Every demo order is the same customer's: once a test saved a card, the checkout lists it.
  const cards = page.waitForResponse((response) => response.url().includes('/ogone/cards?'));
  await page.goto(demo.url);
  await cards;
  const ref = page.locator('#order-ref');
  await page.waitForFunction(() =>
    /^SO-\d+$/.test(document.querySelector('#order-ref')?.textContent ?? ''),
  );
  return (await ref.textContent())!;
}

async function payOnSandbox(page: Page, card: string): Promise<void> {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
}

/** Waits for the signed form POST to the hosted page and answers its ORDERID. */
async function nextOrderId(page: Page, act: () => Promise<void>): Promise<string> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('orderstandard_utf8.asp')),
    act(),
  ]);
  await page.waitForURL(/\/ncol\/test\//);
  const form = new URLSearchParams(request.postData() ?? '');
  const orderId = form.get('ORDERID');
  assert.ok(orderId, 'the form carries an ORDERID');
  // The page is lang="en": the element sends the tag, the endpoint signs Ogone's LANGUAGE.
  assert.equal(form.get('LANGUAGE'), 'en_US');
  assert.equal(form.get('AMOUNT'), '3840', 'the amount comes from the shop backend, in cents');
  return orderId;
}

async function goToSandbox(page: Page, saveCard = false): Promise<string> {
  // These journeys pay on the hosted page: a new card, not one saved by an earlier test.
  await page.waitForTimeout(200);
  const newCard = page.getByRole('radio', { name: 'Use a new card' });
  if ((await newCard.count()) > 0) await newCard.check();
  if (saveCard) await page.getByLabel('Save my card for future purchases').check();
  return nextOrderId(page, () => page.getByRole('button', { name: 'Pay now' }).click());
}

async function results(page: Page): Promise<PaymentResult[]> {
  await page.waitForFunction(
    () => (window.__ogoneResults?.length ?? 0) + (window.__ogoneErrors?.length ?? 0) > 0,
    undefined,
    { timeout: 10_000 },
  );
  return page.evaluate(() => window.__ogoneResults ?? []);
}

async function order(ref: string): Promise<DemoOrder> {
  const response = await fetch(`${demo.url}/demo-api/orders/${ref}`);
  return (await response.json()) as DemoOrder;
}

async function waitFor<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  ms = 8000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });

describe('shopper journeys through the demo and the sandbox', { timeout: 120_000 }, () => {
  it('pays with the success card and sees the paid result', async () => {
    const page = await newShopper();
    const ref = await openStore(page);
    await shot(page, '01-storefront');
    await goToSandbox(page);
    await shot(page, '02-sandbox-payment-page');
    await payOnSandbox(page, '4111 1111 1111 1111');
    const [result] = await results(page);
    assert.equal(result?.outcome, 'paid');
    assert.equal(result?.orderRef, ref);
    assert.equal(result?.amount, '38.40');
    assert.equal(result?.currency, 'EUR');
    assert.equal(result?.alias, undefined);
    await page.getByText(/payment has been received/).waitFor();
    assert.doesNotMatch(
      page.url(),
      /SHASIGN/i,
      'Ogone parameters are removed from the address bar',
    );
    const server = await waitFor(
      () => order(ref),
      (o) => o.payment !== null,
    );
    assert.equal(server.payment?.outcome, 'paid');
    await page.locator('.status-table').waitFor();
    await shot(page, '03-paid');
    await page.context().close();
  });

  it('shows a refusal for the refused card, and never a success', async () => {
    const page = await newShopper();
    const ref = await openStore(page);
    await goToSandbox(page);
    await payOnSandbox(page, '4000 0000 0000 0002');
    const [result] = await results(page);
    assert.equal(result?.outcome, 'refused');
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    assert.equal(await page.getByText(/payment has been received/).count(), 0);
    const server = await waitFor(
      () => order(ref),
      (o) => o.payment !== null,
    );
    assert.equal(server.payment?.outcome, 'refused');
    await shot(page, '04-refused');
    await page.context().close();
  });

  it('cancels, then tries again with a fresh ORDERID and succeeds', async () => {
    const page = await newShopper();
    const ref = await openStore(page);
    const firstOrderId = await goToSandbox(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const [cancelled] = await results(page);
    assert.equal(cancelled?.outcome, 'cancelled');
    await shot(page, '05-cancelled');
    const secondOrderId = await nextOrderId(page, () =>
      page.getByRole('button', { name: 'Try again' }).click(),
    );
    assert.notEqual(secondOrderId, firstOrderId);
    await payOnSandbox(page, '4111 1111 1111 1111');
    const [paid] = await results(page);
    assert.equal(paid?.outcome, 'paid');
    assert.equal(paid?.orderId, secondOrderId);
    const server = await waitFor(
      () => order(ref),
      (o) => o.deliveries.length >= 2,
    );
    assert.deepEqual(
      server.deliveries.map((d) => d.outcome),
      ['cancelled', 'paid'],
    );
    assert.equal(server.payment?.outcome, 'paid');
    await shot(page, '06-paid-after-retry');
    await page.context().close();
  });

  it('saves the card when the shopper ticks the box: the result carries an alias', async () => {
    const page = await newShopper();
    await openStore(page);
    await goToSandbox(page, true);
    await payOnSandbox(page, '4111 1111 1111 1111');
    const [result] = await results(page);
    assert.equal(result?.outcome, 'paid');
    assert.match(result?.alias ?? '', /^[A-Za-z0-9_-]{1,50}$/);
    await shot(page, '07-paid-card-saved');
    await page.context().close();
  });

  it('shows an error, and no success, for a return URL with one parameter altered', async () => {
    const page = await newShopper();
    await openStore(page);
    await goToSandbox(page);
    await payOnSandbox(page, '4000 0000 0000 0002');
    await results(page);
    // Replay the return URL the sandbox produced, with STATUS changed from refused (2) to paid (9).
    const returnUrl = await page.evaluate(() => sessionStorage.getItem('e2e:last-return'));
    const genuine = returnUrl ?? '';
    assert.match(genuine, /STATUS=2/);
    await page.goto(genuine.replace('STATUS=2', 'STATUS=9'));
    await page.waitForFunction(() => (window.__ogoneErrors?.length ?? 0) > 0, undefined, {
      timeout: 10_000,
    });
    const errors = await page.evaluate(() => window.__ogoneErrors ?? []);
    const emitted = await page.evaluate(() => window.__ogoneResults ?? []);
    assert.equal(errors[0]?.code, 'verification-failed');
    assert.equal(emitted.length, 0);
    assert.equal(await page.getByText(/payment has been received/).count(), 0);
    await shot(page, '08-tampered-return');
    await page.context().close();
  });

  it('delivers the feedback exactly once per outcome, even when the sandbox had to retry', async () => {
    const page = await newShopper();
    const ref = await openStore(page);
    await fetch(`${demo.url}/demo-api/feedback-outage?failures=1`, { method: 'POST' });
    await goToSandbox(page);
    await payOnSandbox(page, '4111 1111 1111 1111');
    const [result] = await results(page);
    assert.equal(result?.outcome, 'paid');
    // The online delivery failed (503); the sandbox's deferred retry brings the result in.
    const server = await waitFor(
      () => order(ref),
      (o) => o.payment !== null,
    );
    assert.equal(server.payment?.outcome, 'paid');
    const log = (await (await fetch(`${demo.url}/ncol/sandbox/feedback-log`)).json()) as {
      deliveries: { orderID: string; ok: boolean; attempt: number }[];
    };
    const attempts = log.deliveries.filter((d) => d.orderID === result?.orderId);
    assert.ok(
      attempts.some((a) => !a.ok),
      'the first delivery failed',
    );
    assert.ok(
      attempts.some((a) => a.ok && a.attempt > 1),
      'a retry succeeded',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const settled = await order(ref);
    assert.equal(settled.deliveries.length, 1);
    assert.equal(settled.deliveries[0]?.outcome, 'paid');
    await page.reload();
    await shot(page, '09-feedback-retried');
    await page.context().close();
  });
});
