/** What every benchmark signs with: one shop, one order, one /sign request body. */
import type { HashAlgorithm } from '../src/protocol/index.js';
import { createOgoneHandler, type FetchHandler } from '../src/server/index.js';

export const BENCH_SHA_IN = 'Bench-SHA-IN-passphrase-1';

/** The JSON body of every benchmarked POST /ogone/sign. */
export const SIGN_BODY = JSON.stringify({
  orderRef: 'A-1042',
  saveCard: false,
  language: 'en-US',
  returnUrl: 'https://shop.example/checkout/return',
});

/** The handler under test: a fixed order, no logging. */
export function benchHandler(algorithm: HashAlgorithm = 'sha512'): FetchHandler {
  return createOgoneHandler({
    pspid: 'BENCHSHOP',
    shaIn: BENCH_SHA_IN,
    shaOut: 'Bench-SHA-OUT-passphrase-2',
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
