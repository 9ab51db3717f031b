/**
 * `serve` with its ledger, as an operator runs it: a crash (SIGKILL at a random moment) loses no
 * feedback that was answered 200, two instances on one PostgreSQL deliver each result once, and
 * a database that cannot be used stops start-up with a message naming OGONE_DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLedger } from '../../src/ledger/index.js';
import { createDatabase, eventually, SERVER_URL, SKIP_SERVER } from '../helpers/ledger-targets.js';
import { signedQuery } from '../helpers/ogone-messages.js';
import {
  runCli,
  serveEnv,
  startBackend,
  startServe,
  stop,
  type Backend,
  type Running,
} from '../helpers/serve-process.js';

/** Distinct events (a payment and a partial refund for each order), each sent 3 times. */
async function load(orders: number, prefix: string): Promise<{ key: string; query: string }[]> {
  const events: { key: string; query: string }[] = [];
  for (let i = 0; i < orders; i++) {
    const orderRef = `${prefix}-${i}`;
    const orderID = `${orderRef}-X`;
    for (const [status, sub] of [
      ['9', '0'],
      ['8', '1'],
    ] as const) {
      const query = await signedQuery({
        orderID,
        COMPLUS: orderRef,
        STATUS: status,
        PAYIDSUB: sub,
        PAYID: '77',
      });
      events.push({ key: `${orderID}:77:${sub}:${status}`, query });
    }
  }
  return events;
}

/** Sends every event `copies` times, `concurrency` at once; the keys answered 200. */
async function send(
  urls: readonly string[],
  events: readonly { key: string; query: string }[],
  copies: number,
  concurrency = 8,
): Promise<Set<string>> {
  const queue = events.flatMap((event) => Array.from({ length: copies }, () => event));
  queue.sort(() => Math.random() - 0.5);
  const ok = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const event = queue[next++]!;
      const url = urls[next % urls.length]!;
      try {
        const response = await fetch(`${url}/ogone/feedback?${event.query}`, {
          signal: AbortSignal.timeout(20_000),
        });
        await response.arrayBuffer();
        if (response.status === 200) ok.add(event.key);
      } catch {
        // The process was killed mid-request: no 200, so Ogone would retry.
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ok;
}

async function crashTest(databaseUrl: string, backend: Backend, label: string): Promise<void> {
  const env = serveEnv(backend.url, { OGONE_DATABASE_URL: databaseUrl });
  const events = await load(20, `CR${label}${process.pid}`);
  let serve: Running = await startServe(env);
  const killAfter = 50 + Math.floor(Math.random() * 400);
  const loading = send([serve.url], events, 3);
  await new Promise((resolve) => setTimeout(resolve, killAfter));
  await stop(serve, 'SIGKILL');
  const before = await loading;

  serve = await startServe(env);
  const afterRestart = await send([serve.url], events, 2);
  assert.equal(
    afterRestart.size,
    events.length,
    'after the restart every feedback is answered 200',
  );
  const answered = new Set([...before, ...afterRestart]);
  await eventually(
    () => [...answered].every((key) => backend.deliveries.includes(key)),
    60_000,
    `every answered feedback at the webhook (killed after ${killAfter} ms)`,
  );
  await stop(serve);

  const ledger = await openLedger(databaseUrl);
  try {
    for (const key of answered) {
      const [orderId] = key.split(':');
      const [payment] = await ledger.findPayments(orderId!);
      const history = (await ledger.paymentHistory(payment!.id))!;
      assert.equal(history.events.filter((e) => e.idempotencyKey === key).length, 1, `${key} once`);
      assert.equal(history.deliveries.filter((d) => d.idempotencyKey === key).length, 1);
    }
  } finally {
    await ledger.close();
  }
}

describe('serve with its ledger', () => {
  let backend: Backend;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogone-ledger-'));
    dirs.push(dir);
    return dir;
  };

  before(async () => {
    backend = await startBackend();
  });
  after(async () => {
    await backend.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('embedded: SIGKILL at a random moment loses no feedback answered 200; each reaches the webhook', async () => {
    await crashTest(join(tempDir(), 'ledger'), backend, 'E');
  });

  it('PostgreSQL: the same crash test', { skip: SKIP_SERVER }, async () => {
    const db = await createDatabase();
    try {
      await crashTest(db.url, backend, 'P');
    } finally {
      await db.drop();
    }
  });

  it(
    'two instances on one PostgreSQL: one state change and one delivery per distinct event',
    { skip: SKIP_SERVER },
    async () => {
      const db = await createDatabase();
      const env = serveEnv(backend.url, { OGONE_DATABASE_URL: db.url });
      const [a, b] = await Promise.all([startServe(env), startServe(env)]);
      try {
        const events = await load(15, `TWO${process.pid}`);
        const ok = await send([a.url, b.url], events, 4, 12);
        assert.equal(ok.size, events.length);
        const keys = new Set(events.map((e) => e.key));
        await eventually(() => [...keys].every((k) => backend.deliveries.includes(k)), 30_000);
        await new Promise((resolve) => setTimeout(resolve, 1500)); // room for a double delivery
        for (const key of keys) {
          assert.equal(
            backend.deliveries.filter((k) => k === key).length,
            1,
            `${key} delivered once`,
          );
        }
      } finally {
        await Promise.all([stop(a), stop(b)]);
      }
      const ledger = await openLedger(db.url);
      try {
        const payments = await ledger.listPayments({ limit: 1000 });
        const ours = payments.filter((p) => p.orderRef.startsWith(`TWO${process.pid}`));
        assert.equal(ours.length, 15);
        for (const payment of ours) {
          const history = (await ledger.paymentHistory(payment.id))!;
          assert.deepEqual(history.events.map((e) => e.status).sort(), [8, 9], 'each event once');
          assert.equal(history.deliveries.length, 2, 'each event enqueued once');
        }
      } finally {
        await ledger.close();
        await db.drop();
      }
    },
  );

  it(
    'prints where the ledger is, never its password; feeds the webhook from the outbox with retries',
    { skip: SKIP_SERVER },
    async () => {
      // A database of its own: the shared one may hold another run's (or version's) schema.
      const db = await createDatabase();
      const url = new URL(db.url);
      const env = serveEnv(backend.url, { OGONE_DATABASE_URL: db.url });
      const serve = await startServe(env);
      try {
        const listening = serve.lines.find((l) => l['event'] === 'listening')!;
        assert.equal(
          listening['ledger'],
          `postgres://${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`,
        );
        backend.failWebhook = 2;
        const [event] = await load(1, `RETRY${process.pid}`);
        const answer = await fetch(`${serve.url}/ogone/feedback?${event!.query}`);
        assert.equal(answer.status, 200, 'Ogone gets 200 although the webhook is down');
        await eventually(() => backend.deliveries.includes(event!.key), 20_000);
      } finally {
        await stop(serve);
        await db.drop();
      }
    },
  );

  it('refuses to start on a database it cannot use, naming OGONE_DATABASE_URL, never its password', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const cases: [string, RegExp][] = [
      [
        'postgres://shop:Sup3rS3cretPw@127.0.0.1:1/ledger',
        /cannot open the ledger at postgres:\/\/shop@127\.0\.0\.1:1\/ledger/i,
      ],
      [file, /not-a-dir/],
      ['mysql://x@y/z', /Unsupported ledger URL scheme/],
    ];
    if (SERVER_URL) {
      const readOnly = new URL(SERVER_URL);
      readOnly.searchParams.set('options', '-c default_transaction_read_only=on');
      cases.push([readOnly.toString(), /read-only/]);
    }
    for (const [databaseUrl, reason] of cases) {
      const run = await runCli(
        ['serve'],
        serveEnv(backend.url, { OGONE_DATABASE_URL: databaseUrl }),
      );
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /OGONE_DATABASE_URL/);
      assert.match(run.stderr, reason);
      assert.ok(!`${run.stdout}${run.stderr}`.includes('Sup3rS3cretPw'));
      assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
    }
  });

  it('runs without a ledger when OGONE_DATABASE_URL=off (each feedback straight to the webhook)', async () => {
    const serve = await startServe(serveEnv(backend.url, { OGONE_DATABASE_URL: 'off' }));
    try {
      const listening = serve.lines.find((l) => l['event'] === 'listening')!;
      assert.equal(listening['ledger'], 'off');
      const orders = await fetch(`${serve.url}/ogone/orders/A-1`);
      assert.equal(orders.status, 404);
    } finally {
      await stop(serve);
    }
  });
});
