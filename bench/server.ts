/**
 * A benchmark target, run in its own process (pinned to a core by routes.bench.ts):
 *   bare    node:http answering a fixed JSON body of the size the route answers
 *   ogone   createOgoneHandler through the Node adapter
 *   minimal the reference point: hand-written node:http + createHash signer (reads the
 *           body, parses JSON, signs the same fields, answers JSON) — no validation, no hooks
 * GET /__bench/cpu (bench only) reports CPU time and requests served.
 * Prints the port on stdout once listening on 127.0.0.1; stops on SIGTERM.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import { MAX_BODY_BYTES } from '../src/server/http/door.js';
import { toNodeListener } from '../src/server/index.js';
import { BENCH_SHA_IN, benchHandler, type BenchRoute } from './fixture.js';

const mode = process.argv[2];
const algorithm = (process.argv[3] ?? 'sha512') as 'sha1' | 'sha256' | 'sha512';
const route = (process.argv[4] ?? 'sign') as BenchRoute;

function ogoneListener(): RequestListener {
  return toNodeListener(benchHandler(algorithm), { maxBodyBytes: MAX_BODY_BYTES });
}

/** The same body size as a real answer, so the comparison is about the work, not bytes. */
const SIGN_ANSWER = JSON.stringify({
  action: 'https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp',
  method: 'POST',
  fields: {
    ACCEPTURL: 'https://shop.example/checkout/return',
    AMOUNT: '1999',
    CANCELURL: 'https://shop.example/checkout/return',
    CN: 'Ada Lovelace',
    COMPLUS: 'A-1042',
    CURRENCY: 'EUR',
    DECLINEURL: 'https://shop.example/checkout/return',
    EMAIL: 'ada@example.com',
    EXCEPTIONURL: 'https://shop.example/checkout/return',
    LANGUAGE: 'en_US',
    OPERATION: 'SAL',
    ORDERID: 'A-1042-7K3M9Q2XDV',
    OWNERCTY: 'BE',
    PSPID: 'BENCHSHOP',
    SHASIGN: 'F'.repeat(128),
  },
  orderId: 'A-1042-7K3M9Q2XDV',
});
const VERIFY_ANSWER = JSON.stringify({
  outcome: 'paid',
  status: 9,
  statusName: 'Payment requested',
  final: true,
  orderRef: 'A-1042',
  orderId: 'A-1042-0000000001',
  payId: '3000000001',
  amount: '19.99',
  currency: 'EUR',
  ncError: '0',
  idempotencyKey: 'A-1042-0000000001:3000000001:9',
  cardNumber: 'XXXXXXXXXXXX1111',
  brand: 'VISA',
  trxDate: '12/01/26',
});
const FEEDBACK_ANSWER = JSON.stringify({
  received: true,
  idempotencyKey: 'A-1042-0000000001:3000000001:9',
});
const FIXED = { sign: SIGN_ANSWER, verify: VERIFY_ANSWER, feedback: FEEDBACK_ANSWER }[route];

const bare: RequestListener = (_req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(FIXED),
  });
  res.end(FIXED);
};

/**
 * What "a minimal node:http + createHash signer" means: the least code that does the same job
 * (read the body, parse it, sign the same fields with SHA-IN, answer JSON). It measures what the
 * runtime allows on this machine, so the ogone target can be judged against it too.
 */
const minimal: RequestListener = (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
    const orderId = `${body['orderRef']}-${randomBytes(5).toString('hex').toUpperCase()}`;
    const fields: Record<string, string> = {
      ACCEPTURL: body['returnUrl']!,
      AMOUNT: '1999',
      CANCELURL: body['returnUrl']!,
      CN: 'Ada Lovelace',
      COMPLUS: body['orderRef']!,
      CURRENCY: 'EUR',
      DECLINEURL: body['returnUrl']!,
      EMAIL: 'ada@example.com',
      EXCEPTIONURL: body['returnUrl']!,
      LANGUAGE: 'en_US',
      OPERATION: 'SAL',
      ORDERID: orderId,
      OWNERCTY: 'BE',
      PSPID: 'BENCHSHOP',
    };
    let text = '';
    for (const name of Object.keys(fields)) text += `${name}=${fields[name]}${BENCH_SHA_IN}`;
    fields['SHASIGN'] = createHash(algorithm).update(text).digest('hex').toUpperCase();
    const out = JSON.stringify({
      action: 'https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp',
      method: 'POST',
      fields,
      orderId,
    });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(out),
    });
    res.end(out);
  });
};

if ((mode !== 'bare' && mode !== 'ogone' && mode !== 'minimal') || FIXED === undefined) {
  process.stderr.write(
    'usage: server.ts bare|ogone|minimal [sha1|sha256|sha512] [sign|verify|feedback]\n',
  );
  process.exit(2);
}
/**
 * Both targets answer GET /__bench/cpu with the process CPU time (µs) and the requests served, so
 * the load generator can compute CPU per request: robust when other processes share the cores.
 */
const target = mode === 'bare' ? bare : mode === 'minimal' ? minimal : ogoneListener();
let served = 0;
const server = createServer((req, res) => {
  if (req.url === '/__bench/cpu') {
    const { user, system } = process.cpuUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ cpuMicros: user + system, served }));
    return;
  }
  served++;
  target(req, res);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address !== null && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
