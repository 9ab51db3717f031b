/**
 * Issue #15.2 in a real browser: for values with line breaks, tabs, control characters, lone
 * surrogates and non-ASCII text, what Chromium posts from a hidden UTF-8 form (as the element
 * builds it) is exactly the normalised value the endpoint signed.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { normalizeFormValue } from '../../src/protocol/form-values.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

const SAMPLES: [string, string][] = [
  ['OWNERADDRESS', 'Rue de la Loi 16\nBoîte 3'],
  ['OWNERADDRESS', 'Line one\r\nLine two\rthree\u2028four'],
  ['CN', 'Ada\tLovelace\u0000\u0007'],
  ['CN', 'Bárbara Ålvarez 😀 — São Paulo'],
  ['OWNERTOWN', 'Lone \uD800 surrogate \uDC00 halves'],
  ['COMPLUS', '  spaced   out  '],
  ['ALIASUSAGE', 'Votre carte sera enregistrée\u0085pour la prochaine fois.'],
];

let server: Server;
let browser: Browser;
let base = '';
const posted: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        posted.push(body);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>form</title><body></body>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('hosted-page form values in Chromium', () => {
  it('posts exactly the normalised values', async () => {
    const fields: [string, string][] = SAMPLES.map(([name, raw], i) => [
      `${name}_${i}`,
      normalizeFormValue(name, raw),
    ]);
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await Promise.all([
      page.waitForURL(`${base}/post`),
      page.evaluate(
        ({ action, entries }) => {
          // The element's redirect form: method post, accept-charset UTF-8, hidden inputs.
          const form = document.createElement('form');
          form.method = 'post';
          form.acceptCharset = 'UTF-8';
          form.action = action;
          for (const [name, value] of entries) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.append(input);
          }
          document.body.append(form);
          form.submit();
        },
        { action: `${base}/post`, entries: fields },
      ),
    ]);
    await page.close();
    const received = Object.fromEntries(new URLSearchParams(posted.at(-1)!));
    assert.deepEqual(received, Object.fromEntries(fields));
  });
});
