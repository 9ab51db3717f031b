/** What every benchmark sends: one shop, one order, and the request bodies of each route. */
import { createHash } from 'node:crypto';
import { SHA_OUT_PARAMETERS } from '../src/protocol/index.js';
import type { HashAlgorithm } from '../src/protocol/index.js';
import { createOgoneHandler, type FetchHandler } from '../src/server/index.js';

export const BENCH_SHA_IN = 'Bench-SHA-IN-passphrase-1';
export const BENCH_SHA_OUT = 'Bench-SHA-OUT-passphrase-2';

/** The routes `npm run bench` measures. */
export const BENCH_ROUTES = ['sign', 'verify', 'feedback'] as const;
export type BenchRoute = (typeof BENCH_ROUTES)[number];

/** The JSON body of every benchmarked POST /ogone/sign. */
export const SIGN_BODY = JSON.stringify({
  orderRef: 'A-1042',
  saveCard: false,
  language: 'en-US',
  returnUrl: 'https://shop.example/checkout/return',
});

/** The handler under test: a fixed order, no logging, a result hook that stores nothing. */
export function benchHandler(algorithm: HashAlgorithm = 'sha512'): FetchHandler {
  return createOgoneHandler({
    pspid: 'BENCHSHOP',
    shaIn: BENCH_SHA_IN,
    shaOut: BENCH_SHA_OUT,
    hashAlgorithm: algorithm,
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
}

/** Ogone's return / feedback parameters for attempt `n`, signed with SHA-OUT (node:crypto). */
export function signedResult(n: number, algorithm: HashAlgorithm = 'sha512'): URLSearchParams {
  const params: Record<string, string> = {
    orderID: `A-1042-${String(n).padStart(10, '0')}`,
    currency: 'EUR',
    amount: '19.99',
    PM: 'CreditCard',
    ACCEPTANCE: 'test123',
    STATUS: '9',
    CARDNO: 'XXXXXXXXXXXX1111',
    ED: '1234',
    CN: 'Ada Lovelace',
    TRXDATE: '12/01/26',
    PAYID: String(3_000_000_000 + n),
    NCERROR: '0',
    BRAND: 'VISA',
    COMPLUS: 'A-1042',
    IP: '192.0.2.1',
  };
  const text = Object.entries(params)
    .map(([name, value]) => [name.toUpperCase(), value] as const)
    .filter(([name]) => SHA_OUT_PARAMETERS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}${BENCH_SHA_OUT}`)
    .join('');
  const shasign = createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();
  return new URLSearchParams({ ...params, SHASIGN: shasign });
}

/** How each route is called: method, content type, and a pool of distinct bodies to cycle. */
export function routeRequests(
  route: BenchRoute,
  count = 1000,
  algorithm: HashAlgorithm = 'sha512',
): { method: 'POST'; contentType: string; bodies: string[] } {
  if (route === 'sign') {
    return { method: 'POST', contentType: 'application/json', bodies: [SIGN_BODY] };
  }
  const results = Array.from({ length: count }, (_, n) => signedResult(n, algorithm));
  if (route === 'verify') {
    return {
      method: 'POST',
      contentType: 'application/json',
      bodies: results.map((params) => JSON.stringify({ query: `?${params}` })),
    };
  }
  return {
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    bodies: results.map((params) => params.toString()),
  };
}
