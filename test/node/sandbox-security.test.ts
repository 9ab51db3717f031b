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
