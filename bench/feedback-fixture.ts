/** The feedbacks every feedback benchmark sends: distinct payments, each signed like Ogone does. */
import { createHash } from 'node:crypto';

export const FEEDBACK_SHA_OUT = 'Bench-SHA-OUT-passphrase-2';

/** `count` distinct signed feedback paths (`/ogone/feedback?…`), one payment each. */
export function feedbackPaths(count: number, prefix: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const orderRef = `${prefix}${i}`;
    const params: [string, string][] = [
      ['ACCEPTANCE', 'test123'],
      ['AMOUNT', '19.99'],
      ['BRAND', 'VISA'],
      ['CARDNO', 'XXXXXXXXXXXX1111'],
      ['COMPLUS', orderRef],
      ['CURRENCY', 'EUR'],
      ['ED', '1229'],
      ['NCERROR', '0'],
      ['ORDERID', `${orderRef}-B`],
      ['PAYID', String(4_000_000 + i)],
      ['PM', 'CreditCard'],
      ['STATUS', '9'],
      ['TRXDATE', '12/01/26'],
    ];
    const text = params.map(([name, value]) => `${name}=${value}${FEEDBACK_SHA_OUT}`).join('');
    const shasign = createHash('sha512').update(text).digest('hex').toUpperCase();
    const query = new URLSearchParams([...params, ['SHASIGN', shasign]]).toString();
    paths.push(`/ogone/feedback?${query}`);
  }
  return paths;
}
