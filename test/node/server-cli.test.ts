/**
 * `ogone-checkout serve` as a user runs it: a child process configured by environment variables,
 * talking to a stand-in for the merchant's backend (order lookup + result webhook) on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SignedPayloadSchema } from '../../src/contract/schemas.js';
import { signShaOut } from '../../src/protocol/index.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const SHA_IN = 'Cli-SHA-IN-passphrase-01';
const SHA_OUT = 'Cli-SHA-OUT-passphrase-02';
const TOKEN = 'backend-token-s3cr3t-value';
const SHOP = 'http://shop.localhost:3000';

interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The merchant's backend: GET /orders/:ref and POST /webhook. */
async function startBackend() {
  const hits: Hit[] = [];
  let webhookFailures = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method === 'GET' && req.url === '/orders/A-1') {
        return json(200, { amount: '42.10', currency: 'EUR', customer: { name: 'Zoë' } });
      }
      if (req.method === 'GET' && req.url === '/orders/BAD-1') return json(200, { amount: 'lots' });
      if (req.method === 'POST' && req.url === '/webhook') {
        if (webhookFailures > 0) {
          webhookFailures--;
          return json(500, { error: 'busy' });
        }
        return json(204, {});
      }
      return json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    hits,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failNextWebhooks: (n: number) => (webhookFailures = n),
  };
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: string[];
  stderr: () => string;
  url: string;
}

function baseEnv(backendUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    OGONE_PSPID: 'CLISHOP',
    OGONE_SHA_IN: SHA_IN,
    OGONE_SHA_OUT: SHA_OUT,
    OGONE_HASH_ALGORITHM: 'sha256',
    OGONE_ENVIRONMENT: 'prod',
    OGONE_ALLOWED_RETURN_ORIGINS: `${SHOP}, https://other.example`,
    OGONE_ORDER_LOOKUP_URL: `${backendUrl}/orders/`,
    OGONE_RESULT_WEBHOOK_URL: `${backendUrl}/webhook`,
    OGONE_BACKEND_TOKEN: TOKEN,
    // The webhook semantics without a ledger; serve with its ledger: serve-ledger.test.ts.
    OGONE_DATABASE_URL: 'off',
    HOST: '127.0.0.1',
    PORT: '0',
  };
}

function spawnCli(env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env,
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
}

async function startCli(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawnCli(env);
  const stdout: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let buffer = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        stdout.push(line);
        const entry = JSON.parse(line) as { event?: string; url?: string };
        if (entry.event === 'listening' && entry.url !== undefined) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, stdout, stderr: () => stderr, url };
}

async function runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawnCli(env);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('ogone-checkout serve', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let cli: Running;
  let requestsMade = 0;

  async function request(path: string, init: RequestInit = {}) {
    requestsMade++;
    const response = await fetch(`${cli.url}${path}`, init);
    const text = await response.text();
    return {
      code: (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code,
      status: response.status,
      headers: response.headers,
      body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    };
  }

  const signedFeedback = async (values: Record<string, string> = {}) => {
    const params = {
      orderID: 'A-1-XYZ',
      amount: '42.1',
      currency: 'EUR',
      STATUS: '9',
      PAYID: '777',
      NCERROR: '0',
      COMPLUS: 'A-1',
      ...values,
    };
    return new URLSearchParams({ ...params, SHASIGN: await signShaOut(params, SHA_OUT, 'sha256') });
  };

  before(async () => {
    backend = await startBackend();
    cli = await startCli(baseEnv(backend.url));
  });

  after(async () => {
    if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    backend.server.closeAllConnections();
    await new Promise((resolve) => backend.server.close(resolve));
  });

  it('answers the health route', async () => {
    const health = await request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
  });

  it('signs with the order from the lookup URL, sending the backend token, with CORS', async () => {
    const preflight = await request('/ogone/sign', {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SHOP);

    const signed = await request('/ogone/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SHOP, cookie: 'shop_session=s-42' },
      body: JSON.stringify({ orderRef: 'A-1', returnUrl: `${SHOP}/return`, amount: '0.01' }),
    });
    assert.equal(signed.status, 200);
    assert.equal(signed.headers.get('access-control-allow-origin'), SHOP);
    const payload = SignedPayloadSchema.parse(signed.body);
    assert.equal(payload.action, 'https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp');
    assert.equal(payload.fields['AMOUNT'], '4210');
    assert.equal(payload.fields['CN'], 'Zoë');
    assert.equal(payload.fields['SHASIGN']!.length, 64, 'sha256 from OGONE_HASH_ALGORITHM');
    const lookup = backend.hits.find((hit) => hit.url === '/orders/A-1');
    assert.ok(lookup);
    assert.equal(lookup.headers['authorization'], `Bearer ${TOKEN}`);
    // Security #15.1: the lookup can tell who asks, and refuse orders that are not theirs.
    assert.equal(lookup.headers['cookie'], 'shop_session=s-42');
    assert.equal(lookup.headers['x-ogone-checkout-caller'], 'shopper');
    assert.match(String(lookup.headers['x-forwarded-for']), /127\.0\.0\.1/);
  });

  it('maps the lookup answers: 404 → unknown-order, invalid JSON order → 502', async () => {
    const sign = (orderRef: string) =>
      request('/ogone/sign', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderRef, returnUrl: `${SHOP}/return` }),
      });
    const unknown = await sign('NOPE-1');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.code, 'unknown-order');
    const bad = await sign('BAD-1');
    assert.equal(bad.status, 502);
    assert.equal(bad.code, 'order-lookup-failed');
  });

  it('delivers verified feedback to the webhook before answering; a webhook failure gives 503', async () => {
    const query = await signedFeedback();
    backend.failNextWebhooks(1);
    const failed = await request(`/ogone/feedback?${query}`);
    assert.equal(failed.status, 503);
    assert.equal(failed.code, 'result-delivery-failed');

    const delivered = await request('/ogone/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: query.toString(),
    });
    assert.equal(delivered.status, 200);
    const webhooks = backend.hits.filter((hit) => hit.url === '/webhook');
    assert.equal(webhooks.length, 2);
    const last = webhooks[1]!;
    assert.equal(last.headers['idempotency-key'], 'A-1-XYZ:777:0:9');
    assert.equal(last.headers['authorization'], `Bearer ${TOKEN}`);
    const result = JSON.parse(last.body) as Record<string, unknown>;
    assert.equal(result['outcome'], 'paid');
    assert.equal(result['amount'], '42.10');
    assert.equal(result['orderCheck'], 'matched');
    assert.equal(result['idempotencyKey'], 'A-1-XYZ:777:0:9');

    const forged = new URLSearchParams(query);
    forged.set('amount', '0.01');
    const refused = await request(`/ogone/feedback?${forged}`);
    assert.equal(refused.status, 403);
    assert.equal(backend.hits.filter((hit) => hit.url === '/webhook').length, 2);
  });

  it('logs one JSON line per request, never a secret, and stops cleanly on SIGTERM', async () => {
    const notFound = await request('/nowhere');
    assert.equal(notFound.status, 404);
    cli.child.kill('SIGTERM');
    const [code] = (await once(cli.child, 'exit')) as [number | null];
    assert.equal(code, 0);
    const entries = cli.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry['event'] === 'request');
    assert.equal(requests.length, requestsMade);
    for (const entry of requests) {
      assert.equal(typeof entry['status'], 'number');
      assert.equal(typeof entry['durationMs'], 'number');
      assert.ok(!String(entry['path']).includes('?'), 'no query string in logs');
    }
    assert.ok(entries.some((entry) => entry['event'] === 'stopped'));
    const everything = cli.stdout.join('\n') + cli.stderr();
    for (const secret of [SHA_IN, SHA_OUT, TOKEN]) {
      assert.ok(!everything.includes(secret), 'a secret reached the logs');
    }
  });

  it('refuses a bad configuration, naming the variable and never printing a passphrase', async () => {
    const env = baseEnv('http://127.0.0.1:9');
    const missing = await runToExit({ ...env, OGONE_SHA_IN: '' });
    assert.equal(missing.code, 1);
    assert.match(missing.output, /OGONE_SHA_IN/);

    const weak = await runToExit({ ...env, OGONE_SHA_OUT: 'tooshort' });
    assert.equal(weak.code, 1);
    assert.match(weak.output, /OGONE_SHA_OUT.*16-32/);
    assert.ok(!weak.output.includes('tooshort'));
    assert.ok(!weak.output.includes(SHA_IN));

    const both = await runToExit({ ...env, OGONE_BASE_URL: 'https://secure.ogone.com/ncol/prod' });
    assert.equal(both.code, 1);
    assert.match(both.output, /OGONE_BASE_URL/);
  });

  it('OGONE_PROVIDER=worldline-direct: each missing or wrong WORLDLINE_* variable names itself, never its value', async () => {
    const env = {
      ...baseEnv('http://127.0.0.1:9'),
      OGONE_PROVIDER: 'worldline-direct',
      WORLDLINE_API_KEY_ID: 'key-1',
      WORLDLINE_API_SECRET: 'Worldline-Api-Secret-of-the-cli-test',
      WORLDLINE_WEBHOOK_KEY_ID: 'hook-1',
      WORLDLINE_WEBHOOK_SECRET: 'Worldline-Webhook-Secret-of-the-cli-test',
    };
    const missing = await runToExit({ ...env, WORLDLINE_API_SECRET: undefined });
    assert.equal(missing.code, 1);
    assert.match(missing.output, /Invalid WORLDLINE_API_SECRET: is required/);
    const copied = await runToExit({ ...env, WORLDLINE_WEBHOOK_SECRET: 'Webhook-Secret-x ' });
    assert.equal(copied.code, 1);
    assert.match(copied.output, /Invalid WORLDLINE_WEBHOOK_SECRET: must not start or end/);
    assert.ok(!copied.output.includes('Webhook-Secret-x'), copied.output);
    const plain = await runToExit({ ...env, WORLDLINE_BASE_URL: 'http://payment.example' });
    assert.match(plain.output, /Invalid WORLDLINE_BASE_URL: must use https/);
    const provider = await runToExit({ ...env, OGONE_PROVIDER: 'adyen' });
    assert.match(provider.output, /Invalid OGONE_PROVIDER: must be ogone or worldline-direct/);
    // The ledger keeps the hosted checkout's RETURNMAC: worldline-direct refuses OGONE_DATABASE_URL=off.
    const noLedger = await runToExit(env);
    assert.equal(noLedger.code, 1);
    assert.match(noLedger.output, /Invalid OGONE_DATABASE_URL: is required with provider/);
    for (const run of [missing, copied, plain, provider, noLedger]) {
      assert.ok(!run.output.includes(env.WORLDLINE_API_SECRET), run.output);
    }
  });

  it('reports every wrong variable at once', async () => {
    const run = await runToExit({
      PATH: process.env['PATH'],
      OGONE_HASH_ALGORITHM: 'md5',
      PORT: 'x',
    });
    assert.equal(run.code, 1);
    for (const name of [
      'OGONE_PSPID',
      'OGONE_SHA_IN',
      'OGONE_SHA_OUT',
      'OGONE_HASH_ALGORITHM',
      'OGONE_ALLOWED_RETURN_ORIGINS',
      'OGONE_ORDER_LOOKUP_URL',
      'OGONE_RESULT_WEBHOOK_URL',
      'PORT',
    ]) {
      assert.match(run.output, new RegExp(`Invalid ${name}`), name);
    }
  });

  it('refuses backend URLs with credentials (security #15.3) and plain http in prod (#15.9)', async () => {
    const env = baseEnv('http://127.0.0.1:9');
    for (const name of ['OGONE_ORDER_LOOKUP_URL', 'OGONE_RESULT_WEBHOOK_URL']) {
      const run = await runToExit({ ...env, [name]: 'https://shop:p%40ss-w0rd@backend.example/x' });
      assert.equal(run.code, 1);
      assert.match(run.output, new RegExp(`Invalid ${name}: .*credentials.*OGONE_BACKEND_TOKEN`));
      assert.ok(!run.output.includes('p%40ss') && !run.output.includes('p@ss'), run.output);
    }
    const plain = await runToExit({
      ...env,
      OGONE_RESULT_WEBHOOK_URL: 'http://backend.example/hook',
    });
    assert.equal(plain.code, 1);
    assert.match(plain.output, /Invalid OGONE_RESULT_WEBHOOK_URL: must use https in prod/);
  });
});
