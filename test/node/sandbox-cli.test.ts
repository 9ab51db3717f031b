import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseOgoneParams, signShaIn, verifyShaOut } from '../../src/protocol/index.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const SHA_IN = 'cli-test-in-9f2a';
const SHA_OUT = 'cli-test-out-41c7';

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'sandbox'], {
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitForUrl(started: Run): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.stdout());
    if (match) return match[1]!;
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sandbox did not start: ${started.stderr()}`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
  });
}

describe('ogone-checkout sandbox (CLI)', () => {
  it('serves the hosted page, redirects with signed params, POSTs feedback, stops on SIGTERM', async () => {
    const feedbackBodies: string[] = [];
    const feedbackServer = createServer((req, res) => {
      void readBody(req).then((body) => {
        feedbackBodies.push(body);
        res.end('OK');
      });
    });
    feedbackServer.listen(0, '127.0.0.1');
    await once(feedbackServer, 'listening');
    const feedbackPort = (feedbackServer.address() as AddressInfo).port;

    const started = run({
      SANDBOX_PSPID: 'CLISHOP',
      SANDBOX_SHA_IN: SHA_IN,
      SANDBOX_SHA_OUT: SHA_OUT,
      SANDBOX_HASH_ALGORITHM: 'sha256',
      SANDBOX_FEEDBACK_URL: `http://127.0.0.1:${feedbackPort}/feedback`,
    });
    try {
      const base = await waitForUrl(started);
      assert.ok(!started.stdout().includes(SHA_IN) && !started.stdout().includes(SHA_OUT));
      assert.match(started.stdout(), /baseUrl: 'http:\/\/127\.0\.0\.1:\d+\/ncol\/test'/);

      const fields: Record<string, string> = {
        PSPID: 'CLISHOP',
        ORDERID: 'CLI-1',
        AMOUNT: '2500',
        CURRENCY: 'EUR',
        LANGUAGE: 'en_US',
        CN: 'Bárbara',
        ACCEPTURL: 'http://127.0.0.1:1/return',
      };
      fields['SHASIGN'] = await signShaIn(fields, SHA_IN, 'sha256');
      const page = await fetch(`${base}/ncol/test/orderstandard_utf8.asp`, {
        method: 'POST',
        body: new URLSearchParams(fields),
      });
      const html = await page.text();
      const token = /name="session" value="([^"]+)"/.exec(html)?.[1];
      assert.ok(token, 'payment page served');

      const paid = await fetch(`${base}/ncol/test/sandbox/pay`, {
        method: 'POST',
        body: new URLSearchParams({
          session: token,
          cardno: '4111111111111111',
          expiry: '12/35',
          cvc: '123',
          cn: 'Bárbara',
          action: 'pay',
        }),
        redirect: 'manual',
      });
      assert.equal(paid.status, 303);
      const location = new URL(paid.headers.get('location')!);
      assert.equal(location.pathname, '/return');
      const params = parseOgoneParams(location.search);
      assert.equal(params['STATUS'], '9');
      assert.equal(params['CN'], 'Bárbara');
      assert.equal(await verifyShaOut(params, SHA_OUT, 'sha256'), true);
      assert.equal(feedbackBodies.length, 1, 'feedback delivered before the redirect');
      assert.deepEqual(parseOgoneParams(feedbackBodies[0]!), params);

      started.child.kill('SIGTERM');
      assert.equal(await started.exit, 0);
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
      feedbackServer.close();
    }
  });

  it('starts with obviously-demo values when no passphrase is set', async () => {
    const started = run({});
    try {
      await waitForUrl(started);
      assert.match(started.stdout(), /DEMO values/);
      assert.match(started.stdout(), /PSPID: +DEMOSHOP/);
      started.child.kill('SIGTERM');
      assert.equal(await started.exit, 0);
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });
});

describe('ogone-checkout sandbox (CLI) configuration errors', { concurrency: true }, () => {
  const bad: [string, Record<string, string>, RegExp][] = [
    ['an unknown algorithm', { SANDBOX_HASH_ALGORITHM: 'md5' }, /SANDBOX_HASH_ALGORITHM/],
    ['only one passphrase', { SANDBOX_SHA_IN: SHA_IN }, /SANDBOX_SHA_IN and SANDBOX_SHA_OUT/],
    ['a relative feedback URL', { SANDBOX_FEEDBACK_URL: '/feedback' }, /SANDBOX_FEEDBACK_URL/],
    ['a bad PORT', { PORT: 'eighty' }, /PORT/],
    [
      'only one of the API user variables',
      { SANDBOX_USERID: 'API1' },
      /SANDBOX_USERID and SANDBOX_PASSWORD/,
    ],
    [
      'a bad maintenance delay',
      { SANDBOX_MAINTENANCE_DELAY_MS: 'soon' },
      /SANDBOX_MAINTENANCE_DELAY_MS/,
    ],
    [
      'a one-character API user',
      { SANDBOX_USERID: 'A', SANDBOX_PASSWORD: 'pw-1' },
      /SANDBOX_USERID/,
    ],
    [
      'a feedback URL with credentials',
      { SANDBOX_FEEDBACK_URL: 'https://shop:p%40ss-9f2a@shop.example/feedback' },
      /SANDBOX_FEEDBACK_URL must not contain credentials/,
    ],
  ];
  for (const [name, env, message] of bad) {
    it(
      `refuses ${name} with exit code 2 and a message naming the variable`,
      { timeout: 45_000 },
      async () => {
        const started = run(env);
        // Generous: a loaded CI machine may take seconds to start Node; it exits at once after.
        const timer = setTimeout(() => started.child.kill('SIGKILL'), 30_000);
        assert.equal(await started.exit, 2);
        clearTimeout(timer);
        assert.match(started.stderr(), message);
        for (const secret of [SHA_IN, 'p%40ss-9f2a', 'p@ss-9f2a']) {
          assert.ok(!started.stderr().includes(secret) && !started.stdout().includes(secret));
        }
      },
    );
  }
});

/** Sends raw bytes and reads until the server closes the connection. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('ogone-checkout sandbox (CLI) server guards, as serve (issue 15, item 5)', () => {
  it('answers bytes that are not HTTP with the JSON 400 and closes the connection', async () => {
    const started = run({});
    try {
      const base = await waitForUrl(started);
      const answer = await rawExchange(base, 'NOT HTTP AT ALL\r\n\r\n');
      assert.match(answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
      assert.match(answer, /"code":"invalid-request"/);
      started.child.kill('SIGTERM');
      assert.equal(await started.exit, 0);
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });

  it("uses serve's header, body and keep-alive timeouts, not Node's defaults", async () => {
    const { createSandboxServer } = await import('../../src/sandbox/cli/server.js');
    const server = createSandboxServer(async () => new Response('ok'));
    assert.equal(server.headersTimeout, 10_000, 'headers within 10 s (Node: 60 s)');
    assert.equal(server.requestTimeout, 30_000, 'the whole request within 30 s (Node: 300 s)');
    assert.equal(server.keepAliveTimeout, 5_000);
    assert.ok(server.listenerCount('clientError') > 0);
  });
});

describe('ogone-checkout sandbox (CLI): DirectLink', () => {
  it('charges a saved card with the configured API user, and a dropped answer resets the socket', async () => {
    const started = run({
      SANDBOX_PSPID: 'CLISHOP',
      SANDBOX_SHA_IN: SHA_IN,
      SANDBOX_SHA_OUT: SHA_OUT,
      SANDBOX_USERID: 'CLI-API',
      SANDBOX_PASSWORD: 'cli-api-pw-7',
      SANDBOX_DIRECTLINK_SHA_IN: 'cli-directlink-in-3',
      SANDBOX_MAINTENANCE_DELAY_MS: '0',
    });
    try {
      const base = await waitForUrl(started);
      assert.match(
        started.stdout(),
        /API user: +CLI-API \(password from SANDBOX_PASSWORD, not shown\)/,
      );
      assert.ok(!started.stdout().includes('cli-api-pw-7'));
      assert.ok(!started.stdout().includes('cli-directlink-in-3'));
      // Save a card on the hosted page.
      const fields: Record<string, string> = {
        PSPID: 'CLISHOP',
        ORDERID: 'CLI-SAVE-1',
        AMOUNT: '100',
        CURRENCY: 'EUR',
        LANGUAGE: 'en_US',
        ALIAS: 'CLI-ALIAS',
        ACCEPTURL: 'http://127.0.0.1:1/return',
      };
      fields['SHASIGN'] = await signShaIn(fields, SHA_IN, 'sha512');
      const page = await (
        await fetch(`${base}/ncol/test/orderstandard_utf8.asp`, {
          method: 'POST',
          body: new URLSearchParams(fields),
        })
      ).text();
      const token = /name="session" value="([^"]+)"/.exec(page)![1]!;
      const paid = await fetch(`${base}/ncol/test/sandbox/pay`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          session: token,
          cardno: '4111111111111111',
          expiry: '12/35',
          cvc: '123',
          cn: 'Ann',
          alias_consent: 'Y',
          action: 'pay',
        }),
      });
      assert.equal(paid.status, 303);

      const order = async (orderId: string) => {
        const body: Record<string, string> = {
          PSPID: 'CLISHOP',
          USERID: 'CLI-API',
          PSWD: 'cli-api-pw-7',
          ORDERID: orderId,
          AMOUNT: '250',
          CURRENCY: 'EUR',
          ALIAS: 'CLI-ALIAS',
          ECI: '9',
        };
        body['SHASIGN'] = await signShaIn(body, 'cli-directlink-in-3', 'sha512');
        return fetch(`${base}/ncol/test/orderdirect_utf8.asp`, {
          method: 'POST',
          body: new URLSearchParams(body),
        });
      };
      const answer = await (await order('CLI-DL-1')).text();
      assert.match(answer, /STATUS="9"/);
      assert.match(answer, /ALIAS="CLI-ALIAS"/);

      const control = await fetch(`${base}/ncol/sandbox/controls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'drop-next-answer', page: 'orderdirect' }),
      });
      assert.equal(control.status, 200);
      await assert.rejects(order('CLI-DL-2'), TypeError, 'the connection is reset');
      assert.match(await (await order('CLI-DL-2')).text(), /NCERROR="50001113"/);

      started.child.kill('SIGTERM');
      assert.equal(await started.exit, 0);
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });
});
