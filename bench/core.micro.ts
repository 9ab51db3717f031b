/**
 * `npm run bench:core`: the cost of one POST /sign inside the handler's runtime-neutral core, no
 * HTTP (what the Node adapter calls). Prints the best of 8 rounds in µs per call; pin it to a core
 * (`taskset -c 0`) for steadier numbers. Argument: calls per round (default 100000).
 */
import { getCore, type CoreRequest } from '../src/server/core.js';
import { createOgoneHandler } from '../src/server/index.js';

const handler = createOgoneHandler({
  pspid: 'BENCHSHOP',
  shaIn: 'Bench-SHA-IN-passphrase-1',
  shaOut: 'Bench-SHA-OUT-passphrase-2',
  hashAlgorithm: 'sha512',
  environment: 'test',
  allowedReturnOrigins: ['https://shop.example'],
  resolveOrder: async (orderRef) => ({
    amount: '19.99',
    currency: 'EUR',
    language: 'en_US',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com', country: 'BE' },
    customerId: `customer-${orderRef}`,
    allowSaveCard: true,
  }),
  onPaymentResult: async () => {},
  logger: false,
});
const core = getCore(handler)!;
const body = Buffer.from(
  JSON.stringify({
    orderRef: 'A-1042',
    saveCard: false,
    language: 'en-US',
    returnUrl: 'https://shop.example/checkout/return',
  }),
);
const headers: Record<string, string> = { 'content-type': 'application/json' };
const req = (): CoreRequest => ({
  method: 'POST',
  pathname: '/ogone/sign',
  search: '',
  header: (n) => headers[n] ?? null,
  readBody: async () => body,
  bufferedBody: () => body,
  info: { method: 'POST', url: 'http://x/ogone/sign', headers: { get: () => null } } as never,
});
const N = Number(process.argv[2] ?? 100000);
let best = Infinity;
for (let r = 0; r < 8; r++) {
  const t = performance.now();
  for (let i = 0; i < N; i++) await core.handle(req());
  const dt = performance.now() - t;
  best = Math.min(best, (dt * 1000) / N);
}
console.log(`best ${best.toFixed(2)} µs/op`);
