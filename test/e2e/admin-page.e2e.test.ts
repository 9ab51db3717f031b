/**
 * The payments page end to end, as shop staff use it: the real demo (endpoint, ledger, sandbox)
 * in Chromium — sign in, find payments, filter those that need attention, open one, all by
 * keyboard; axe clean in light and dark, readable at 390 px, no CSP violation. Screenshots go to
 * test-results/e2e/admin/ (or $ADMIN_SCREENS).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ADMIN_TOKEN, DEMO_CONFIG } from '../../demo/vite-plugin.js';
import { signedQuery } from '../helpers/ogone-messages.js';
import { axe, pageText, SHOTS } from './admin-page-helpers.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDemo, type DemoServer } from './demo-server.js';

let demo: DemoServer;
let browser: Browser;
const refs: Record<string, string> = {};

/** A demo order paid (or not) as Ogone's signed feedback says. */
async function seed(name: string, messages: Record<string, string>[]): Promise<void> {
  const order = (await (await fetch(`${demo.url}/demo-api/orders`, { method: 'POST' })).json()) as {
    ref: string;
    amount: string;
  };
  refs[name] = order.ref;
  for (const values of messages) {
    const query = await signedQuery(
      {
        orderID: `${order.ref}-E2E`,
        COMPLUS: order.ref,
        amount: order.amount,
        PAYID: `4${Date.now() % 1e9}`,
        ...values,
      },
      DEMO_CONFIG.shaOut,
    );
    const answer = await fetch(`${demo.url}/ogone/feedback?${query}`);
    assert.equal(answer.status, 200, await answer.text());
  }
}

before(async () => {
  demo = await startDemo();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  await seed('paid', [{ STATUS: '9' }]);
  await seed('refused', [{ STATUS: '2', BRAND: 'MasterCard', CARDNO: 'XXXXXXXXXXXX4444' }]);
  await seed('waiting', [{ STATUS: '51' }]);
  await seed('unclear', [{ STATUS: '92' }]);
  await seed('refunded', [
    { STATUS: '9', PAYID: '4200000001' },
    { STATUS: '8', PAYID: '4200000001', PAYIDSUB: '1', amount: '5' },
  ]);
  await seed('authorised', [{ STATUS: '5', BRAND: 'MasterCard', CARDNO: 'XXXXXXXXXXXX4444' }]);
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

interface Staff {
  context: BrowserContext;
  page: Page;
  violations: string[];
}

async function staff(options: { width?: number; dark?: boolean } = {}): Promise<Staff> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  return { context, page, violations };
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${demo.url}/ogone/admin`);
  await page.getByLabel('Staff token').fill(DEMO_ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'All payments' }).waitFor();
  await page.getByRole('link', { name: refs['authorised']! }).waitFor();
}

/** Waits until the list shows `count` rows. */
async function waitForRows(page: Page, count: number): Promise<void> {
  const rows = page.locator('ogone-admin tbody tr');
  for (let i = 0; i < 100; i += 1) {
    if ((await rows.count()) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(
    `expected ${count} rows at ${page.url()}: ${(await pageText(page)).replace(/\s+/g, ' ')}`,
  );
}

describe('payments page in Chromium', () => {
  it('signs in: a wrong token is refused without a hint; the session cookie is HttpOnly, Secure, Strict', async () => {
    const { context, page, violations } = await staff();
    await page.goto(`${demo.url}/ogone/admin`);
    await page.screenshot({ path: `${SHOTS}/sign-in.png` });
    assert.deepEqual(await axe(page), []);
    await page.getByLabel('Staff token').fill('not-the-token');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.equal(
      await page.getByRole('alert').textContent(),
      'Sign-in failed. Check the token and try again.',
    );
    await page.screenshot({ path: `${SHOTS}/sign-in-refused.png` });
    await signIn(page);
    const session = (await context.cookies()).find((c) => c.name === 'ogone_admin_session');
    assert.ok(session, 'the session cookie is set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.secure, true);
    assert.equal(session.sameSite, 'Strict');
    assert.equal(session.path, '/ogone/admin');
    assert.deepEqual(violations, []);
    await context.close();
  });

  it('lists, searches and filters payments, and opens one, all with the keyboard', async () => {
    const { context, page, violations } = await staff();
    await signIn(page);
    const rows = page.locator('ogone-admin tbody tr');
    assert.equal(await rows.count(), 6);
    assert.match((await rows.first().textContent())!, /Authorised, not captured yet/);
    assert.match((await rows.first().textContent())!, /MasterCard\s*••••\s*ending in\s*4444/);
    await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });
    assert.deepEqual(await axe(page), []);

    await page.getByLabel('Find a payment').fill(refs['unclear']!);
    await page.keyboard.press('Enter');
    await waitForRows(page, 1);
    assert.match((await rows.first().textContent())!, /Unclear, needs checking/);

    await page.getByLabel('Find a payment').fill('');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Needs attention' }).focus();
    await page.keyboard.press('Enter');
    await waitForRows(page, 1);
    assert.equal(
      await page.getByRole('button', { name: 'Needs attention' }).getAttribute('aria-pressed'),
      'true',
    );
    assert.match((await rows.first().textContent())!, new RegExp(refs['unclear']!));

    // Tab from the filter to the payment's link, Enter opens it and focus lands on its heading.
    let focused = '';
    for (let i = 0; i < 12 && focused !== refs['unclear']; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () =>
          document.querySelector('ogone-admin')?.shadowRoot?.activeElement?.textContent?.trim() ??
          '',
      );
    }
    assert.equal(focused, refs['unclear']);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Order ${refs['unclear']}` });
    await heading.waitFor();
    await page.waitForFunction(
      () => document.querySelector('ogone-admin')?.shadowRoot?.activeElement?.tagName === 'H2',
    );
    assert.match(await pageText(page), /Ogone status 92 · Payment uncertain/);
    await page.goBack();
    await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
    assert.deepEqual(violations, []);
    await context.close();
  });

  it("shows a payment's detail with its history and what the shop was told", async () => {
    const { context, page, violations } = await staff();
    await signIn(page);
    await page.getByRole('link', { name: refs['refunded']! }).click();
    await page.getByRole('heading', { name: `Order ${refs['refunded']}` }).waitFor();
    const text = await pageText(page);
    assert.match(text, /Partly refunded/);
    assert.match(text, /Refunded\s*5\.00 EUR/);
    assert.match(text, /Updates sent to the shop\s*[\d: A-Za-z,]+Delivered/);
    const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    assert.equal(await history.count(), 2);
    await page.screenshot({ path: `${SHOTS}/detail.png`, fullPage: true });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(violations, []);
    await context.close();
  });

  it('is axe clean in dark mode and readable at 390 px without sideways scrolling', async () => {
    const dark = await staff({ dark: true });
    await signIn(dark.page);
    assert.deepEqual(await axe(dark.page), []);
    await dark.page.screenshot({ path: `${SHOTS}/list-dark.png`, fullPage: true });
    await dark.page.getByRole('link', { name: refs['paid']! }).click();
    await dark.page.getByRole('heading', { name: `Order ${refs['paid']}` }).waitFor();
    assert.deepEqual(await axe(dark.page), []);
    await dark.page.screenshot({ path: `${SHOTS}/detail-dark.png`, fullPage: true });
    await dark.context.close();

    const narrow = await staff({ width: 390 });
    await signIn(narrow.page);
    const overflow = () =>
      narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, 'the list fits 390 px');
    assert.deepEqual(await axe(narrow.page), []);
    await narrow.page.screenshot({ path: `${SHOTS}/list-390.png`, fullPage: true });
    await narrow.page.getByRole('link', { name: refs['refunded']! }).click();
    await narrow.page.getByRole('heading', { name: `Order ${refs['refunded']}` }).waitFor();
    assert.ok((await overflow()) <= 0, 'the detail fits 390 px');
    await narrow.page.screenshot({ path: `${SHOTS}/detail-390.png`, fullPage: true });
    assert.deepEqual(narrow.violations, []);
    await narrow.context.close();
  });
});
