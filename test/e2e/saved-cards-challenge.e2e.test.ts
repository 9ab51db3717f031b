/**
 * In Chromium: the 3-D Secure challenge of a saved-card payment, as the endpoint serves it from
 * `<basePath>/challenge/<id>`: its own CSP lets the form submit itself to the bank's page (no CSP
 * violation), Complete authentication brings the shopper back to the return URL with signed
 * parameters that `/verify` confirms with querydirect, and the link opened again is gone (410).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { PaymentResultSchema } from '../../src/contract/schemas.js';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { CHALLENGE_CARD } from '../helpers/directlink.js';
import { BROWSER, RETURN_URL, SHOP, startBench, type Bench } from '../helpers/saved-cards.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

describe('a saved-card 3-D Secure challenge in Chromium', () => {
  let ledger: Ledger;
  let bench: Bench;
  let browser: Browser;

  before(async () => {
    ledger = await openLedger('pglite:memory');
    bench = await startBench(ledger);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser.close();
    await bench.close();
    await ledger.close();
  });

  it('submits itself under its CSP, authenticates, comes back verified; opened again it is gone', async () => {
    const cardId = await bench.saveCard('E2E-CUSTOMER', CHALLENGE_CARD);
    const ref = bench.order('E2E-CUSTOMER');
    const pay = await bench.call('POST', '/ogone/pay', {
      json: { orderRef: ref, cardId, browser: BROWSER, returnUrl: RETURN_URL },
    });
    assert.equal(pay.status, 200, pay.text);
    const url = (pay.body as { kind: string; url: string }).url;
    assert.equal((pay.body as { kind: string }).kind, 'challenge');

    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    // The shop's return page (the network is closed): answered here, its URL kept.
    await page.route(`${SHOP}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Back at the shop</p>' }),
    );
    await page.goto(`${bench.endpointUrl}${url}`);
    await page.waitForURL(`${bench.sandboxUrl}/ncol/test/sandbox/3ds`);
    assert.deepEqual(violations, [], 'the challenge form submitted itself without a CSP violation');
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    await page.waitForURL(`${RETURN_URL}?**`);
    await bench.sandbox.idle();
    const back = new URL(page.url());

    const verified = await bench.call('POST', '/ogone/verify', { json: { query: back.search } });
    assert.equal(verified.status, 200, verified.text);
    const result = PaymentResultSchema.parse(verified.body);
    assert.deepEqual([result.status, result.orderRef], [9, ref]);

    const again = await page.goto(`${bench.endpointUrl}${url}`);
    assert.equal(again?.status(), 410);
    assert.match((await page.textContent('h1')) ?? '', /used already/);
  });
});
