/** Signed Ogone messages for tests: what Ogone's feedback and the shopper's return carry. */
import { signShaOut } from '../../src/protocol/index.js';

export const TEST_SHA_IN = 'Ledger-SHA-IN-passphrase1';
export const TEST_SHA_OUT = 'Ledger-SHA-OUT-passphrase2';

/** A day as Ogone's TRXDATE (`MM/DD/YY`, UTC); today by default. */
export function trxDate(date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${two(date.getUTCFullYear() % 100)}`;
}

/** A SHA-OUT-signed query string for `orderRef` / `orderId` (status 9 by default). */
export async function signedQuery(
  values: Record<string, string>,
  passphrase = TEST_SHA_OUT,
): Promise<string> {
  const params: Record<string, string> = {
    orderID: 'ORD-1-AAAAAAAAAA',
    amount: '10.5',
    currency: 'EUR',
    PM: 'CreditCard',
    ACCEPTANCE: 'test123',
    STATUS: '9',
    CARDNO: 'XXXXXXXXXXXX1111',
    ED: '1229',
    TRXDATE: trxDate(),
    PAYID: '3000000001',
    NCERROR: '0',
    BRAND: 'VISA',
    COMPLUS: 'ORD-1',
    ...values,
  };
  for (const [name, value] of Object.entries(params)) if (value === '') delete params[name];
  const shasign = await signShaOut(params, passphrase, 'sha512');
  return new URLSearchParams({ ...params, SHASIGN: shasign }).toString();
}
