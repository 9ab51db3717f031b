/**
 * End-to-end, as a shopper on the demo (real endpoint, real sandbox, Chromium): what happens
 * after paying (issue #13 items 4, 6 and 7): the receipt, a reload and a new visit that show it
 * instead of a live "Pay now", the same order in another tab (through `<endpoint>/orders`), and a
 * tampered return that leads back to the checkout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDemo, type DemoServer } from './demo-server.js';

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

async function shopper(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

async function openStore(page: Page, path = '/'): Promise<string> {
  await page.goto(`${demo.url}${path}`);
  await page.waitForFunction(() =>
    /^SO-\d+$/.test(document.querySelector('#order-ref')?.textContent ?? ''),
  );
  return (await page.locator('#order-ref').textContent())!;
}

async function pay(page: Page, card: string): Promise<void> {
  await page.getByRole('button', { name: 'Pay now' }).click();
  await page.waitForURL(/\/ncol\/test\//);
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/' && !/SHASIGN/i.test(url.search));
}

const checkout = (page: Page) => page.locator('ogone-checkout');

async function expectReceipt(page: Page, ref: string): Promise<void> {
  await page.getByText('Thank you! Your payment has been received.').waitFor();
  const receipt = checkout(page).locator('[part~="receipt"]');
  assert.match(
    (await receipt.textContent()) ?? '',
    new RegExp(`Amount\\s*€38\\.40.*Order\\s*${ref}`, 's'),
  );
  assert.equal(await page.getByRole('button', { name: 'Pay now' }).count(), 0);
}

describe('after paying, on the demo', { timeout: 120_000 }, () => {
  it('shows a receipt, and a reload or a new visit in the tab shows it again, never Pay now', async () => {
    const page = await shopper();
    const ref = await openStore(page);
    await pay(page, '4111 1111 1111 1111');
    await expectReceipt(page, ref);
    const card = await checkout(page).locator('[part~="receipt-card"]').textContent();
    assert.match(card ?? '', /VISA ending in 1111/);
    // The result is in view on a phone, focused for screen readers.
    const message = checkout(page).locator('[part~="message"]');
    assert.ok(await message.evaluate((node) => node.getBoundingClientRect().top < innerHeight));
    await page.reload();
    assert.equal(await openStore(page), ref, 'the reload keeps the order');
    await expectReceipt(page, ref);
    await page.goto(demo.url);
    await expectReceipt(page, ref);
    await page.context().close();
  });

  it('in another tab, the endpoint’s order status shows the receipt', async (t) => {
    const page = await shopper();
    const ref = await openStore(page);
    await pay(page, '4111 1111 1111 1111');
    await expectReceipt(page, ref);
    const probe = await fetch(`${demo.url}/ogone/orders/${ref}`);
    if (probe.status === 404) {
      const body = (await probe.json()) as { error?: { code?: string } };
      if (body.error?.code === 'not-found') {
        t.skip('GET <endpoint>/orders/<ref> is not served by this endpoint yet (ledger issue)');
        return page.context().close();
      }
    }
    const other = await shopper();
    assert.equal(await openStore(other, `/?order=${ref}`), ref);
    await expectReceipt(other, ref);
    await other.context().close();
    await page.context().close();
  });

  it('a tampered return shows no success and leads back to the checkout, address bar clean', async () => {
    const page = await shopper();
    await page.addInitScript(() => {
      if (/SHASIGN=/i.test(location.search)) sessionStorage.setItem('e2e:return', location.href);
    });
    const ref = await openStore(page);
    await pay(page, '4000 0000 0000 0002');
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    const genuine = (await page.evaluate(() => sessionStorage.getItem('e2e:return'))) ?? '';
    assert.match(genuine, /STATUS=2/);
    await page.goto(genuine.replace('STATUS=2', 'STATUS=9'));
    await page.getByText(/This payment link is not valid/).waitFor();
    assert.equal(await page.getByText(/payment has been received/).count(), 0);
    assert.doesNotMatch(page.url(), /SHASIGN/i);
    await page.getByRole('button', { name: 'Back to checkout' }).click();
    await page.getByRole('button', { name: 'Pay now' }).waitFor();
    assert.equal(await page.locator('#order-ref').textContent(), ref);
    await page.context().close();
  });
});
