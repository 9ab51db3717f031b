/**
 * A feedback benchmark target, run in its own process (pinned to a core by feedback.bench.ts):
 * createOgoneHandler through the Node adapter with the ledger off, embedded (a fresh directory)
 * or on a PostgreSQL server (a fresh schema, dropped on exit). `onPaymentResult` accepts at once,
 * so what is measured is verification plus recording (and, with a ledger, the outbox worker).
 * GET /__bench/cpu reports CPU time and requests served. Prints the port once listening.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import pg from 'pg';
import { openLedger, type Ledger } from '../src/ledger/index.js';
import { MAX_BODY_BYTES } from '../src/server/http/door.js';
import { createOgoneHandler, toNodeListener } from '../src/server/index.js';
import { FEEDBACK_SHA_OUT } from './feedback-fixture.js';

const [mode, databaseUrl] = process.argv.slice(2);
if (mode !== 'off' && mode !== 'embedded' && mode !== 'postgres') {
  process.stderr.write('usage: feedback-server.ts off|embedded|postgres [postgres-url]\n');
  process.exit(2);
}

let ledger: Ledger | undefined;
let cleanup = async () => undefined as void;
if (mode === 'embedded') {
  const dir = mkdtempSync(join(tmpdir(), 'ogone-bench-'));
  ledger = await openLedger(join(dir, 'ledger'));
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
} else if (mode === 'postgres') {
  const schema = `bench_${process.pid}`;
  ledger = await openLedger(databaseUrl!, { schema, poolSize: 10 });
  cleanup = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  };
}

const handler = createOgoneHandler({
  pspid: 'BENCHSHOP',
  shaIn: 'Bench-SHA-IN-passphrase-1',
  shaOut: FEEDBACK_SHA_OUT,
  environment: 'test',
  allowedReturnOrigins: ['https://shop.example'],
  resolveOrder: async () => ({ amount: '19.99', currency: 'EUR', customerId: 'bench' }),
  onPaymentResult: async () => {},
  logger: false,
  ledger,
});
const listener = toNodeListener(handler, { maxBodyBytes: MAX_BODY_BYTES });
let served = 0;
const server = createServer((req, res) => {
  if (req.url === '/__bench/cpu') {
    const { user, system } = process.cpuUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ cpuMicros: user + system, served }));
    return;
  }
  served++;
  listener(req, res);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address !== null && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void (async () => {
    await handler.close();
    await ledger?.close();
    await cleanup();
    process.exit(0);
  })();
});
