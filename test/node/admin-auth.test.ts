/**
 * The payments page's door: off without a token, the sign-in (wrong token refused without a hint,
 * attempts braked), the session cookie's flags and life, the CSRF token and the cross-site checks
 * on every POST, and the page's Content-Security-Policy. Never the token in an answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { createSession, deriveKey, readSession } from '../../src/server/admin/session.js';
import { createOgoneHandler, OgoneConfigError } from '../../src/server/index.js';
import { ADMIN_TOKEN, adminEndpoint, adminOptions, Browser, ORIGIN } from '../helpers/admin.js';

let ledger: Ledger;
before(async () => {
  ledger = await openLedger('pglite:memory');
});
after(() => ledger.close());

describe('payments page: on or off', () => {
  it('is off without admin: /ogone/admin is 404', async () => {
    const handler = createOgoneHandler({ ...adminOptions(ledger), admin: undefined });
    const response = await handler(new Request(`${ORIGIN}/ogone/admin`));
    assert.equal(response.status, 404);
    await handler.close();
  });

  it('refuses a short token and a page without a ledger, naming the option', () => {
    assert.throws(
      () => createOgoneHandler(adminOptions(ledger, { admin: { token: 'short' } })),
      (e: unknown) => e instanceof OgoneConfigError && e.option === 'admin.token',
    );
    assert.throws(
      () => createOgoneHandler(adminOptions(undefined)),
      (e: unknown) => e instanceof OgoneConfigError && /needs a ledger/.test(e.message),
    );
  });

  it('is on with a token: the sign-in form under a strict CSP', async () => {
    const handler = createOgoneHandler(adminOptions(ledger));
    const response = await handler(new Request(`${ORIGIN}/ogone/admin`));
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await response.text();
    assert.match(html, /<label for="token">Staff token<\/label>/);
    assert.doesNotMatch(html, /<script(?![^>]*src=)/, 'no inline script');
    await handler.close();
  });
});

describe('payments page: signing in', () => {
  it('a wrong token is refused with 401 and no hint, and sets no session', async () => {
    const browser = new Browser(adminEndpoint(adminOptions(ledger)));
    const response = await browser.signIn(`${ADMIN_TOKEN.slice(0, -1)}x`);
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /Sign-in failed/);
    assert.ok(!html.includes(ADMIN_TOKEN.slice(0, 8)), 'no part of the token');
    assert.ok(!browser.cookies.has('ogone_admin_session'));
    assert.equal((await browser.json('/ogone/admin/api/payments')).status, 401);
  });

  it('the right token sets an HttpOnly, Secure, SameSite=Strict cookie on the page path', async () => {
    const handler = adminEndpoint(adminOptions(ledger));
    const browser = new Browser(handler);
    const form = await browser.request('/ogone/admin');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const response = await browser.request('/ogone/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, token: ADMIN_TOKEN }).toString(),
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/ogone/admin');
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^ogone_admin_session=[\w.-]+;/);
    for (const flag of [
      'HttpOnly',
      'Secure',
      'SameSite=Strict',
      'Path=/ogone/admin',
      'Max-Age=28800',
    ]) {
      assert.ok(cookie.split('; ').includes(flag), `${flag} in ${cookie}`);
    }
    assert.ok(!cookie.includes(ADMIN_TOKEN));
    const shell = await (await browser.request('/ogone/admin')).text();
    assert.match(shell, /<ogone-admin base="\/ogone\/admin" csrf="[\w-]{43}"/);
    assert.match(shell, /<script type="module" src="\/ogone\/admin\/app.js"><\/script>/);
    assert.equal((await browser.json('/ogone/admin/api/payments')).status, 200);
  });

  it('a session made by another instance with the same token is accepted; another token is not', async () => {
    const one = new Browser(adminEndpoint(adminOptions(ledger)));
    await one.signIn();
    const twin = new Browser(adminEndpoint(adminOptions(ledger)));
    for (const [name, value] of one.cookies) twin.cookies.set(name, value);
    assert.equal((await twin.json('/ogone/admin/api/payments')).status, 200);
    const other = new Browser(
      adminEndpoint(adminOptions(ledger, { admin: { token: 'another-token-0123456789' } })),
    );
    for (const [name, value] of one.cookies) other.cookies.set(name, value);
    assert.equal((await other.json('/ogone/admin/api/payments')).status, 401);
  });

  it('sessions expire, and a forged or altered cookie is refused', () => {
    const key = deriveKey(ADMIN_TOKEN, 'session');
    const now = new Date('2026-01-01T10:00:00Z');
    const session = createSession(key, now, 60_000);
    assert.ok(readSession(key, session.value, now));
    assert.equal(readSession(key, session.value, new Date(now.getTime() + 61_000)), undefined);
    const [expiry, nonce, mac] = session.value.split('.');
    const longer = `${Number(expiry) + 3600}.${nonce}.${mac}`;
    assert.equal(readSession(key, longer, now), undefined);
    assert.equal(
      readSession(deriveKey('other-token-0123456789', 'session'), session.value, now),
      undefined,
    );
    assert.equal(readSession(key, 'garbage', now), undefined);
  });

  it('without a cookie, the page shows the sign-in form and the API answers 401', async () => {
    const browser = new Browser(adminEndpoint(adminOptions(ledger)));
    const page = await browser.request('/ogone/admin');
    assert.match(await page.text(), /Sign in/);
    const api = await browser.json('/ogone/admin/api/payments/1');
    assert.equal(api.status, 401);
    assert.deepEqual((api.body['error'] as { code: string }).code, 'admin-sign-in-required');
  });

  it('a sign-in posted from another site, or without the form token, is refused', async () => {
    const browser = new Browser(adminEndpoint(adminOptions(ledger)));
    const cross = await browser.signIn(ADMIN_TOKEN, { 'sec-fetch-site': 'cross-site' });
    assert.equal(cross.status, 403);
    const evil = await browser.signIn(ADMIN_TOKEN, {
      'sec-fetch-site': '',
      origin: 'https://evil.example',
    });
    assert.equal(evil.status, 403);
    const bare = new Browser(adminEndpoint(adminOptions(ledger)));
    const noToken = await bare.request('/ogone/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: ADMIN_TOKEN }).toString(),
    });
    assert.equal(noToken.status, 403);
    assert.ok(!bare.cookies.has('ogone_admin_session'));
  });

  it('brakes guessing: after 10 wrong tokens from one address even the right one waits', async () => {
    const handler = adminEndpoint(adminOptions(ledger));
    const browser = new Browser(handler);
    for (let i = 0; i < 10; i += 1) assert.equal((await browser.signIn(`wrong-${i}`)).status, 401);
    const blocked = await browser.signIn();
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /Too many attempts/);
  });
});

describe('payments page: state-changing requests', () => {
  it('an action needs the CSRF token and a same-origin request', async () => {
    const browser = new Browser(adminEndpoint(adminOptions(ledger)));
    await browser.signIn();
    const path = '/ogone/admin/api/payments/1/refund';
    const missing = await browser.post(path, { key: 'key-00000001' }, { 'x-ogone-csrf': '' });
    assert.equal(missing.status, 403);
    assert.equal((missing.body['error'] as { code: string }).code, 'csrf-token-invalid');
    const cross = await browser.post(
      path,
      { key: 'key-00000001' },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(cross.status, 403);
    assert.equal((cross.body['error'] as { code: string }).code, 'cross-site-request');
    const origin = await browser.post(
      path,
      { key: 'key-00000001' },
      { 'sec-fetch-site': '', origin: 'https://evil.example', host: '127.0.0.1' },
    );
    assert.equal((origin.body['error'] as { code: string }).code, 'cross-site-request');
  });

  it("another session's CSRF token does not fit this session", async () => {
    const handler = adminEndpoint(adminOptions(ledger));
    const alice = new Browser(handler);
    const bob = new Browser(handler);
    await alice.signIn();
    await bob.signIn();
    const answer = await alice.post(
      '/ogone/admin/api/payments/1/cancel',
      { key: 'key-00000002' },
      { 'x-ogone-csrf': bob.csrf },
    );
    assert.equal(answer.status, 403);
  });

  it('signing out clears the cookie', async () => {
    const browser = new Browser(adminEndpoint(adminOptions(ledger)));
    await browser.signIn();
    const out = await browser.request('/ogone/admin/sign-out', {
      method: 'POST',
      headers: { 'x-ogone-csrf': browser.csrf },
    });
    assert.equal(out.status, 303);
    assert.match(out.headers.get('set-cookie') ?? '', /^ogone_admin_session=; .*Max-Age=0/);
    assert.equal((await browser.json('/ogone/admin/api/payments')).status, 401);
  });
});

describe('payments page in serve', () => {
  const env = (extra: Record<string, string> = {}) => ({
    OGONE_PSPID: 'SHOP1',
    OGONE_SHA_IN: 'Ledger-SHA-IN-passphrase1',
    OGONE_SHA_OUT: 'Ledger-SHA-OUT-passphrase2',
    OGONE_ALLOWED_RETURN_ORIGINS: 'https://shop.example',
    OGONE_ORDER_LOOKUP_URL: 'http://127.0.0.1:9/orders',
    OGONE_RESULT_WEBHOOK_URL: 'http://127.0.0.1:9/webhook',
    ...extra,
  });

  it('is off without OGONE_ADMIN_TOKEN and on with it; the token is never logged', async () => {
    const { buildHandler } = await import('../../src/server/serve/run.js');
    const { readEnv } = await import('../../src/server/serve/env.js');
    const { readLedgerEnv } = await import('../../src/server/serve/ledger-env.js');
    const lines: string[] = [];
    const write = (entry: object) => lines.push(JSON.stringify(entry));
    const off = buildHandler(readEnv(env()), readLedgerEnv({}), ledger, write);
    assert.equal((await off(new Request(`${ORIGIN}/ogone/admin`))).status, 404);
    await off.close();
    const withToken = env({ OGONE_ADMIN_TOKEN: ADMIN_TOKEN });
    const on = buildHandler(readEnv(withToken), readLedgerEnv({}), ledger, write);
    const browser = new Browser(on);
    assert.equal((await browser.signIn('wrong-token-wrong-token')).status, 401);
    assert.equal((await browser.signIn()).status, 303);
    assert.equal((await browser.json('/ogone/admin/api/payments')).status, 200);
    await on.close();
    assert.ok(!lines.join('\n').includes(ADMIN_TOKEN));
  });
});
