/**
 * In Chromium: the DirectLink HTML_ANSWER of the sandbox works under a strict CSP that allows its
 * one script by hash (no 'unsafe-inline'), the issuer's page has no script at all, and Complete
 * authentication lands on ACCEPTURL with the signed result.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { parseOgoneParams, signShaIn, verifyShaOut } from '../../src/protocol/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createSandboxServer, listen } from '../../src/sandbox/cli/server.js';
import { THREE_DS_SCRIPT_HASH } from '../../src/sandbox/three-ds/html-answer.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

const SHA = { shaIn: 'e2e-in-secret-1', shaOut: 'e2e-out-secret-2' };
const USER = { userId: 'E2E-API', password: 'e2e-api-pw' };
let sandbox: Sandbox;
let sandboxServer: Server;
let shop: Server;
let sandboxUrl: string;
let shopUrl: string;
let browser: Browser;
let challengeHtml = '';

async function orderDirect(fields: Record<string, string>): Promise<string> {
  const body: Record<string, string> = {
    PSPID: 'E2ESHOP',
    USERID: USER.userId,
    PSWD: USER.password,
    ...fields,
  };
  body['SHASIGN'] = await signShaIn(body, SHA.shaIn, 'sha512');
  const response = await fetch(`${sandboxUrl}/ncol/test/orderdirect_utf8.asp`, {
    method: 'POST',
    body: new URLSearchParams(body),
  });
  return response.text();
}

before(async () => {
  sandbox = createSandbox({ pspid: 'E2ESHOP', ...SHA, apiUser: USER, maintenanceDelayMs: 0 });
  sandboxServer = createSandboxServer(sandbox.handler);
  sandboxUrl = `http://127.0.0.1:${await listen(sandboxServer, '127.0.0.1', 0)}`;
  const scriptHash = await THREE_DS_SCRIPT_HASH;
  // The merchant's page that shows the challenge, under a policy allowing exactly that script.
  shop = createServer((req, res) => {
    if (req.url === '/challenge') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src ${scriptHash}; form-action ${sandboxUrl}`,
      });
      res.end(
        `<!doctype html><html lang="en"><title>Checkout</title><body>${challengeHtml}</body></html>`,
      );
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('shop');
    }
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  sandbox?.close();
  sandboxServer?.close();
  shop?.close();
});

describe('sandbox 3-D Secure in Chromium', () => {
  it('auto-submits the HTML_ANSWER under a strict CSP and completes to ACCEPTURL', async () => {
    // A saved card of the challenging issuer, created by a typed-card orderdirect with ALIAS.
    const xml = await orderDirect({
      ORDERID: `E2E-${Date.now()}`,
      AMOUNT: '1999',
      CURRENCY: 'EUR',
      CARDNO: '4000000000003220',
      ED: '12/34',
      ALIAS: 'E2E-ALIAS',
      FLAG3D: 'Y',
      ACCEPTURL: `${shopUrl}/accept`,
      DECLINEURL: `${shopUrl}/decline`,
    });
    assert.match(xml, /STATUS="46"/);
    const encoded = /<HTML_ANSWER>([A-Za-z0-9+/=]+)<\/HTML_ANSWER>/.exec(xml)![1]!;
    challengeHtml = Buffer.from(encoded, 'base64').toString('utf8');

    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${shopUrl}/challenge`);
    await page.waitForURL(`${sandboxUrl}/ncol/test/sandbox/3ds`);
    assert.equal(await page.locator('script').count(), 0);
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    await page.waitForURL(/\/accept\?/);
    const params = parseOgoneParams(new URL(page.url()).search);
    assert.equal(params['STATUS'], '9');
    assert.equal(params['ALIAS'], 'E2E-ALIAS');
    assert.equal(await verifyShaOut(params, SHA.shaOut, 'sha512'), true);
    assert.deepEqual(violations, []);
    await page.close();
  });
});
