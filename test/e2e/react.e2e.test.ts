/**
 * `ogone-checkout/react` in a real React 19 app (issue #13 item 13), built with esbuild from the
 * published entry points (dist/, as a merchant's bundler resolves them) and run in Chromium:
 * the wrapper sets properties after React creates the element (so the return is verified, not
 * failed), its typed event props fire, and the bare tag gets its object property and events.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type OutputFile } from 'esbuild';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './demo-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SHOP = 'http://shop.test';
const RETURN_QUERY = `?orderID=SO-1001-k3x9&amount=19.99&currency=EUR&STATUS=9&PAYID=3014&NCERROR=0&COMPLUS=SO-1001&SHASIGN=${'AB'.repeat(64)}`;

const PAID = {
  outcome: 'paid',
  status: 9,
  statusName: 'Payment requested',
  final: true,
  orderRef: 'SO-1001',
  orderId: 'SO-1001-k3x9',
  payId: '3014',
  amount: '19.99',
  currency: 'EUR',
  ncError: '0',
  idempotencyKey: 'SO-1001-k3x9:3014:9',
};

function signed(orderRef: string) {
  const orderId = `${orderRef}-n1`;
  return {
    action: 'https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp',
    method: 'POST',
    orderId,
    fields: { PSPID: 'demoshop', ORDERID: orderId, COMPLUS: orderRef, SHASIGN: 'CD'.repeat(64) },
  };
}

let browser: Browser;
let files: OutputFile[];

before(async () => {
  const result = await build({
    entryPoints: { app: `${root}test/e2e/fixtures/react-app.tsx` },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: `${root}test-results/react-app`,
    minify: true,
    platform: 'browser',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    // Resolve `ogone-checkout/react` through package.json exports into dist/, as an app does.
    tsconfigRaw: '{}',
    write: false,
    logLevel: 'silent',
  });
  files = result.outputFiles;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

const json = (route: Route, body: unknown) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

async function shop(query = ''): Promise<{ page: Page; signed: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signRequests: string[] = [];
  await page.route(`${SHOP}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/checkout') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>',
      });
    }
    if (url.pathname.startsWith('/assets/')) {
      const file = files.find((output) =>
        output.path.endsWith(url.pathname.slice('/assets'.length)),
      );
      if (file) return route.fulfill({ contentType: 'text/javascript', body: file.text });
    }
    if (url.pathname === '/ogone/verify') return json(route, PAID);
    if (url.pathname.startsWith('/ogone/orders/')) {
      const orderRef = decodeURIComponent(url.pathname.split('/').pop()!);
      return json(route, { orderRef, state: 'open', result: null });
    }
    if (url.pathname === '/ogone/sign') {
      const body = route.request().postDataJSON() as { orderRef: string };
      signRequests.push(body.orderRef);
      return json(route, signed(body.orderRef));
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto(`${SHOP}/checkout${query}`);
  return { page, signed: signRequests };
}

const seen = (page: Page) => page.evaluate(() => window.__seen);

describe('ogone-checkout/react in a React 19 app', { timeout: 60_000 }, () => {
  it('verifies a return through the wrapper: properties set by React, typed onOgoneResult', async () => {
    const { page } = await shop(RETURN_QUERY);
    await page.getByRole('note').filter({ hasText: 'React saw a payment of 19.99' }).waitFor();
    await page.getByText('Thank you! Your payment has been received.').waitFor();
    const events = await seen(page);
    assert.deepEqual(
      events.filter(([, what]) => what !== 'ready'),
      [['wrapper', 'result', 'paid']],
    );
    assert.deepEqual(
      events.filter(([, what]) => what === 'ready'),
      [
        ['wrapper', 'ready', 'return'],
        ['bare', 'ready', 'checkout'],
      ],
    );
    // The other element, for another order, stays a checkout with its object property applied.
    await page.getByRole('button', { name: 'Pay with the bare tag' }).waitFor();
    assert.doesNotMatch(page.url(), /SHASIGN/);
    await page.context().close();
  });

  it('pays from the wrapper and from the bare tag, each for its own order', async () => {
    const { page, signed: signedRefs } = await shop();
    await page.getByRole('button', { name: 'Pay with React' }).click();
    await page.getByRole('button', { name: 'Pay with the bare tag' }).click();
    await page.waitForFunction(
      () => window.__seen.filter(([, what]) => what === 'redirect').length === 2,
    );
    const redirects = (await seen(page)).filter(([, what]) => what === 'redirect');
    assert.deepEqual(redirects, [
      ['wrapper', 'redirect', 'SO-1001'],
      ['bare', 'redirect', 'SO-2002'],
    ]);
    assert.deepEqual(signedRefs, ['SO-1001', 'SO-2002']);
    await page.context().close();
  });
});
