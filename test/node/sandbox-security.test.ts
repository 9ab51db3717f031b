/** What the security review of the sandbox found (issue 15), each reproduced first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxOptionsError } from '../../src/sandbox/index.js';
import {
  baseFields,
  GOOD_CARD,
  pay,
  HOST,
  openPage,
  postForm,
  sandboxWith,
  signed,
  textOf,
  URLS,
} from '../helpers/sandbox.js';

function directive(csp: string, name: string): string[] | undefined {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1);
}

describe('the card form posts only to the sandbox (issue 15, item 4)', () => {
  for (const path of [
    '//evil/ncol/test/orderstandard_utf8.asp',
    '/evil/ncol/test/orderstandard_utf8.asp',
    '/ncol//test/orderstandard_utf8.asp',
    '/ncol/test/orderstandard_utf8.asp/',
    '//evil/ncol/test/sandbox/pay',
    '/x/ncol/sandbox/feedback-log',
  ]) {
    it(`answers 404 for ${path}, with no card form`, async () => {
      const sandbox = sandboxWith();
      const response = await sandbox.handler(
        postForm(`${HOST}${path}`, await signed(baseFields())),
      );
      assert.equal(response.status, 404);
      assert.ok(!(await response.text()).includes('name="cardno"'));
    });
  }

  it('builds the form action from the configured base path, not from the request', async () => {
    const sandbox = sandboxWith({ basePath: '/pay-sandbox' });
    const fields = await signed(baseFields());
    const page = await sandbox.handler(
      postForm(`${HOST}/pay-sandbox/ncol/prod/orderstandard_utf8.asp`, fields),
    );
    const html = await page.text();
    assert.match(html, /<form method="post" action="\/pay-sandbox\/ncol\/prod\/sandbox\/pay"/);
    const outside = await sandbox.handler(
      postForm(`${HOST}/ncol/test/orderstandard_utf8.asp`, fields),
    );
    assert.equal(outside.status, 404);
  });

  it('refuses a base path that is not a plain absolute path', () => {
    for (const basePath of ['pay', '/pay/', '//evil', '/a b', '/a?b']) {
      assert.throws(() => sandboxWith({ basePath }), /basePath/, basePath);
    }
  });

  it("lets the page's form post only to itself and the form's return origins", async () => {
    const sandbox = sandboxWith();
    const response = await sandbox.handler(
      postForm(
        `${HOST}/ncol/test/orderstandard_utf8.asp`,
        await signed(
          baseFields({
            ACCEPTURL: 'https://shop.example/return/accept',
            DECLINEURL: 'https://shop.example/return/decline',
            EXCEPTIONURL: 'https://pay.shop.example:8443/exception?x=1',
            CANCELURL: 'https://a;b.example/cancel',
          }),
        ),
      ),
    );
    assert.ok((await response.text()).includes('name="cardno"'));
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.deepEqual(directive(csp, 'form-action'), [
      "'self'",
      'https://shop.example',
      'https://pay.shop.example:8443',
    ]);
    assert.deepEqual(directive(csp, 'default-src'), ["'none'"]);
    assert.equal(directive(csp, 'script-src'), undefined);
  });

  it("gives error pages form-action 'self'", async () => {
    const sandbox = sandboxWith();
    const response = await sandbox.handler(
      postForm(`${HOST}/ncol/test/orderstandard_utf8.asp`, baseFields(URLS)),
    );
    assert.match(textOf(await response.text()), /unknown order\/0\/s/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.deepEqual(directive(csp, 'form-action'), ["'self'"]);
  });

  it('still serves the page at the root base path', async () => {
    await openPage(sandboxWith(), baseFields(URLS));
  });
});

describe('a feedback URL with credentials (issue 15, item 3)', () => {
  for (const url of [
    'https://shop:p%40ss%2Fw0rd@shop.example/ogone/feedback',
    'https://shop@shop.example/ogone/feedback',
    'http://:secret-only@127.0.0.1:8787/feedback',
  ]) {
    it(`is refused at creation, naming the option and never the secret: ${url.replace(/\/\/.*@/, '//…@')}`, () => {
      assert.throws(
        () => sandboxWith({ feedbackUrl: url }),
        (error: unknown) => {
          assert.ok(error instanceof SandboxOptionsError);
          assert.equal(error.option, 'feedbackUrl');
          assert.match(error.message, /credentials/);
          for (const secret of ['p%40ss%2Fw0rd', 'p@ss/w0rd', 'secret-only', 'shop:', '//shop@']) {
            assert.ok(!error.message.includes(secret), `${secret} in ${error.message}`);
          }
          return true;
        },
      );
    });
  }
});

describe('two sessions paying one ORDERID at the same moment (issue 15, item 8)', () => {
  it('take one payment: the other gets "already processed", ten tries out of ten', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const feedbacks: string[] = [];
      const sandbox = sandboxWith({
        feedbackUrl: 'https://shop.example/feedback',
        fetch: async (_url, init) => {
          feedbacks.push(String(init.body));
          return new Response('OK');
        },
      });
      const fields = baseFields(URLS);
      const pages = await Promise.all([openPage(sandbox, fields), openPage(sandbox, fields)]);
      const answers = await Promise.all(pages.map(({ token }) => pay(sandbox, token)));
      const paid = answers.filter((answer) => answer.status === 303);
      assert.equal(paid.length, 1, `attempt ${attempt}: one payment`);
      const other = answers.find((answer) => answer.status !== 303)!;
      assert.match(textOf(await other.text()), /This order has already been processed/);
      assert.equal(feedbacks.filter((body) => body.includes('STATUS=9')).length, 1);
    }
  });

  it('hold the ORDERID while a payment is uncertain or waiting, free it once refused', async () => {
    const sandbox = sandboxWith();
    for (const [cardno, reusable] of [
      ['4000000000000051', false],
      ['4000000000000041', false],
      ['4000000000000002', true],
    ] as const) {
      const fields = baseFields(URLS);
      const [first, second] = [await openPage(sandbox, fields), await openPage(sandbox, fields)];
      assert.equal((await pay(sandbox, first.token, { ...GOOD_CARD, cardno })).status, 303);
      const again = await pay(sandbox, second.token);
      assert.equal(again.status === 303, reusable, cardno);
    }
  });
});

/** The href of the page's link named `name`, if any. */
function linkHref(html: string, name: string): string | undefined {
  for (const match of html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) {
    if (match[2]!.trim() === name) return match[1]!.replace(/&amp;/g, '&');
  }
  return undefined;
}

describe('"already processed" links back to the shop (issue 13, item 4)', () => {
  async function processedPage(
    extra: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<string> {
    const sandbox = sandboxWith();
    const fields = baseFields({ ...URLS, ...extra });
    const { token } = await openPage(sandbox, fields);
    assert.equal((await pay(sandbox, token)).status, 303);
    const again = await sandbox.handler(
      new Request(`${HOST}/ncol/test/orderstandard_utf8.asp`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(await signed(fields)).toString(),
      }),
    );
    const html = await again.text();
    assert.match(textOf(html), /This order has already been processed/);
    return html;
  }

  it("links to the form's HOMEURL", async () => {
    const html = await processedPage({ HOMEURL: 'https://shop.example/home?lang=fr' });
    assert.equal(linkHref(html, 'Return to the shop'), 'https://shop.example/home?lang=fr');
  });

  it('falls back to CATALOGURL when HOMEURL is NONE or not http(s)', async () => {
    for (const home of ['NONE', 'javascript:alert(1)', 'data:text/html,x', '//evil.example']) {
      const html = await processedPage({ HOMEURL: home, CATALOGURL: 'https://shop.example/cat' });
      assert.equal(linkHref(html, 'Return to the shop'), 'https://shop.example/cat', home);
    }
  });

  it('falls back to the referring origin, never to a non-http one', async () => {
    const html = await processedPage(
      { CATALOGURL: 'javascript:alert(1)' },
      { referer: 'https://shop.example/checkout?order=7#pay' },
    );
    assert.equal(linkHref(html, 'Return to the shop'), 'https://shop.example/');
    const none = await processedPage({}, { referer: 'file:///etc/passwd' });
    assert.equal(linkHref(none, 'Return to the shop'), undefined);
    assert.ok(!/href="(?:javascript|file|data):/i.test(none));
  });

  it('links back on the payment page of a second session too', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields({ ...URLS, HOMEURL: 'https://shop.example/' });
    const first = await openPage(sandbox, fields);
    const second = await openPage(sandbox, fields);
    assert.equal((await pay(sandbox, first.token)).status, 303);
    const html = await (await pay(sandbox, second.token)).text();
    assert.match(textOf(html), /This order has already been processed/);
    assert.equal(linkHref(html, 'Return to the shop'), 'https://shop.example/');
  });
});
