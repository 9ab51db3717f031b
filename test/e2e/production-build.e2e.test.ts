/**
 * The demo as a merchant ships it: `vite build` (tree-shaken, minified) served by `vite preview`
 * with the same endpoint and sandbox. Catches what the dev server hides, such as a bundler
 * dropping the module that defines <ogone-checkout>.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDemo, type DemoServer } from './demo-server.js';

let demo: DemoServer;
let browser: Browser;

before(async () => {
  demo = await startDemo({}, 'preview');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the production build of the demo', { timeout: 60_000 }, () => {
  it('takes a payment with the success card', async () => {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/\/ncol\/test\//);
    await page.getByLabel('Card number').fill('4111 1111 1111 1111');
    await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.getByText(/payment has been received/).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('ogone-checkout').getAttribute('state'), 'done');
    await page.close();
  });
});
