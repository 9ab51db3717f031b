/**
 * An uncertain payment resolves, end to end: the sandbox is told to hold a shopper's payment
 * uncertain (92), the shopper is told "we are checking with the bank, do not pay again" and staff
 * see "Unclear, needs checking" on the payments page; once the bank settles (the hold is
 * released: the sandbox sends its signed feedback with 9) the page shows it captured and the
 * ledger reads paid — nothing was paid twice. In Chromium, through the demo.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_ADMIN_TOKEN } from '../../demo/vite-plugin.js';
import { pageText, SHOTS } from './admin-page-helpers.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDemo, type DemoServer } from './demo-server.js';

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

async function control(body: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${demo.url}/ncol/sandbox/controls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(answer.status, 200, await answer.text());
}

async function paymentStatus(ref: string): Promise<number | null> {
  const order = (await (await fetch(`${demo.url}/demo-api/orders/${ref}`)).json()) as {
    payment: { status: number } | null;
  };
  return order.payment?.status ?? null;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('an uncertain payment', { timeout: 120_000 }, () => {
  it('is shown as being checked, then resolves to paid on the payments page', async () => {
    const shopper = await browser.newPage();
    await shopper.goto(demo.url);
    await shopper.waitForFunction(() =>
      /^SO-\d+$/.test(document.querySelector('#order-ref')?.textContent ?? ''),
    );
    const ref = (await shopper.locator('#order-ref').textContent())!;
    const posted = shopper.waitForRequest(
      (r) => r.method() === 'POST' && r.url().includes('orderstandard_utf8.asp'),
    );
    await shopper.getByRole('button', { name: 'Pay now' }).click();
    const orderId = new URLSearchParams((await posted).postData() ?? '').get('ORDERID');
    assert.ok(orderId, 'the signed form carries the ORDERID');
    await shopper.waitForURL(/\/ncol\/test\//);
    // The bank does not answer yet: the sandbox holds this payment uncertain.
    await control({ action: 'hold-uncertain', orderId });
    await shopper.getByLabel('Card number').fill('4111 1111 1111 1111');
    await shopper.getByLabel('Expiry date (MM/YY)').fill('12/34');
    await shopper.getByLabel('CVC').fill('123');
    await shopper.getByRole('button', { name: 'Pay', exact: true }).click();
    await shopper
      .getByText('We are checking your payment with the bank. Please do not pay again.')
      .waitFor();
    assert.equal(await shopper.getByRole('button', { name: /Pay|Try again/ }).count(), 0);
    await shopper.screenshot({ path: `${SHOTS}/uncertain-shopper.png`, fullPage: true });
    assert.equal(
      await until(
        () => paymentStatus(ref),
        (s) => s === 92,
        'held uncertain',
      ),
      92,
    );

    const staff = await (
      await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    ).newPage();
    await staff.goto(`${demo.url}/ogone/admin`);
    await staff.getByLabel('Staff token').fill(DEMO_ADMIN_TOKEN);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('link', { name: ref, exact: true }).click();
    await staff.getByRole('heading', { name: `Order ${ref}` }).waitFor();
    assert.match(await pageText(staff), new RegExp(`Order ${ref} Unclear, needs checking`));

    // The bank settles: the sandbox sends the signed status-change feedback (9).
    await control({ action: 'release-uncertain', orderId });
    assert.equal(
      await until(
        () => paymentStatus(ref),
        (s) => s === 9,
        'settled',
      ),
      9,
    );
    await until(
      async () => {
        await staff.reload();
        await staff.getByRole('heading', { name: `Order ${ref}` }).waitFor();
        return pageText(staff);
      },
      (text) => text.includes(`Order ${ref} Captured`), // the heading's status; the history keeps the 92
      'the payments page',
    );
    await staff.screenshot({ path: `${SHOTS}/uncertain-resolved.png`, fullPage: true });
    await staff.context().close();
    await shopper.close();
  });
});
