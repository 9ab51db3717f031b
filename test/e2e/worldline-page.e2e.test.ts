/**
 * The Worldline sandbox's hosted checkout page in Chromium, as a shopper on a 390 px phone: no
 * horizontal scrolling, light and dark, no CSP violation, the form found by its labels, the
 * consent box, the 3-D Secure challenge, and the way back to the shop. Screenshots go to
 * test-results/e2e/ (git-ignored).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WorldlineDirectClient } from '../../src/server/providers/worldline-direct/client.js';
import { startWorldline, type RunningSandbox } from '../helpers/worldline-sandbox.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './demo-server.js';

const SHOTS = new URL('../../test-results/e2e/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

let browser: Browser;
let running: RunningSandbox;
let client: WorldlineDirectClient;
let shop: Server;
let shopUrl: string;

before(async () => {
  running = await startWorldline();
  client = running.client();
  shop = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Shop</h1>'),
  );
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/return`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await running?.close();
  shop?.closeAllConnections();
  await new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve()));
});

async function phone(colorScheme: 'light' | 'dark'): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    colorScheme,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return { page, violations };
}

let order = 0;
async function checkout(saveCard: 'ask' | 'never' = 'ask') {
  order++;
  return client.createHostedCheckout({
    amount: { minor: '4250', currency: 'EUR' },
    merchantReference: `e2e-${order}`,
    returnUrl: shopUrl,
    authorizationMode: 'FINAL_AUTHORIZATION',
    language: 'en_GB',
    saveCard,
  });
}

async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry (MM/YY)').fill('12/34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Name on card').fill('Ana Example');
}

describe('the Worldline sandbox page in Chromium at 390 px', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`fits a 390 px screen in ${scheme} mode and pays, saving the card`, async () => {
      const created = await checkout();
      const { page, violations } = await phone(scheme);
      await page.goto(created.redirectUrl);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        background: getComputedStyle(document.documentElement).backgroundColor,
      }));
      assert.ok(
        widths.scroll <= widths.client,
        `no horizontal scroll (${widths.scroll} > ${widths.client})`,
      );
      assert.equal(widths.background, scheme === 'dark' ? 'rgb(12, 21, 19)' : 'rgb(234, 245, 242)');
      await page.screenshot({
        path: new URL(`worldline-page-${scheme}.png`, SHOTS).pathname,
        fullPage: true,
      });
      await fillCard(page, '4111 1111 1111 1111');
      await page.getByLabel('Save this card for my next purchases').check();
      await Promise.all([
        page.waitForURL((url) => url.href.startsWith(shopUrl)),
        page.getByRole('button', { name: /^Pay now/ }).click(),
      ]);
      const back = new URL(page.url());
      assert.equal(back.searchParams.get('hostedCheckoutId'), created.hostedCheckoutId);
      assert.equal(back.searchParams.get('RETURNMAC'), created.returnMac);
      assert.deepEqual(violations, [], 'no CSP violation (the form post redirected to the shop)');
      const session = await client.getHostedCheckout(created.hostedCheckoutId);
      assert.equal(session.payment?.status.legacyStatus, 5);
      assert.ok(session.payment?.token, 'the ticked box saved the card');
      await page.context().close();
    });
  }

  it('goes through the 3-D Secure challenge and back', async () => {
    const created = await checkout('never');
    const { page, violations } = await phone('light');
    await page.goto(created.redirectUrl);
    assert.equal(await page.getByLabel('Save this card for my next purchases').count(), 0);
    await fillCard(page, '4874 9706 8667 2022');
    await page.getByRole('button', { name: /^Pay now/ }).click();
    await page.getByRole('heading', { name: '3-D Secure check' }).waitFor();
    await page.screenshot({
      path: new URL('worldline-challenge.png', SHOTS).pathname,
      fullPage: true,
    });
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(shopUrl)),
      page.getByRole('button', { name: 'Complete authentication' }).click(),
    ]);
    assert.deepEqual(violations, []);
    assert.equal(
      (await client.getHostedCheckout(created.hostedCheckoutId)).payment?.status.legacyStatus,
      5,
    );
    await page.context().close();
  });

  it('marks a wrong field for assistive technology and keeps the shopper on the page', async () => {
    const created = await checkout('never');
    const { page } = await phone('light');
    await page.goto(created.redirectUrl);
    await fillCard(page, '4111 1111 1111 1112');
    await page.getByRole('button', { name: /^Pay now/ }).click();
    await page.getByRole('alert').getByText('Some details need your attention.').waitFor();
    const field = page.getByLabel('Card number');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const described = await field.getAttribute('aria-describedby');
    assert.equal(
      await page.locator(`#${described}`).textContent(),
      'This card number is not valid.',
    );
    await page.context().close();
  });
});
