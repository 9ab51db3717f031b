/**
 * The fields of an `orderdirect` request, checked as the platform checks them: order, amount,
 * currency, operation, a saved card (ALIAS) or a card (CARDNO, ED, CVC), ECI, 3-D Secure and
 * browser data, return URLs. Pure: a field reader in, the order or the platform's error out.
 */
import { isHttpUrl } from '../../internal/url.js';
import { cvcValid, isTestCard, luhnValid, normalizeCardNumber, parseExpiry } from '../cards.js';
import { isCurrency } from '../hosted-page/order-form.js';
import { RETURN_URL_FIELDS, type ReturnUrls } from '../hosted-page/redirect.js';
import type { DirectLinkError } from './errors.js';

/** The longest ORDERID DirectLink takes. */
export const MAX_DIRECT_ORDER_ID_LENGTH = 40;

const ALIAS_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;
const COLOUR_DEPTHS = new Set(['1', '4', '8', '15', '16', '24', '32', '48']);

/** The card to charge: a saved alias, or a card typed for this payment (maybe to save). */
export type DirectCard =
  { alias: string } | { digits: string; ed: string; cvc: string; createAlias: string | undefined };

export interface OrderDirectRequest {
  orderId: string;
  amountMinor: string;
  currency: string;
  operation: 'SAL' | 'RES';
  card: DirectCard;
  /** `9` for a stored card, `7` for a typed one (the request's ECI when sent). */
  eci: string;
  flag3d: boolean;
  urls: ReturnUrls;
  complus: string;
  cn: string;
  language: string;
  /** The shopper's address (REMOTE_ADDR), `NONE`, or the caller's. */
  ip: string;
}

export type OrderDirectCheck =
  { order: OrderDirectRequest } | { error: DirectLinkError; details: string[] };

/** Format checks of the 3-D Secure 2 browser data, when sent. */
const BROWSER_CHECKS: readonly [string, (value: string) => boolean][] = [
  ['browserColorDepth', (value) => COLOUR_DEPTHS.has(value)],
  ['browserLanguage', (value) => value.length <= 8],
  ['browserUserAgent', (value) => value.length <= 2048],
  ['browserScreenHeight', (value) => /^\d{1,6}$/.test(value)],
  ['browserScreenWidth', (value) => /^\d{1,6}$/.test(value)],
  ['browserTimeZone', (value) => /^[+-]?\d{1,4}$/.test(value)],
  ['browserJavaEnabled', (value) => value === 'true' || value === 'false'],
];

type Refusal = { error: DirectLinkError; details: string[] };

function readCard(read: (name: string) => string, now: Date): DirectCard | Refusal {
  const alias = read('ALIAS');
  if (alias !== '' && !ALIAS_PATTERN.test(alias)) {
    return { error: 'invalid-field', details: ['ALIAS not valid'] };
  }
  const cardNo = read('CARDNO');
  if (cardNo === '') {
    return alias === '' ? { error: 'missing-field', details: ['card no'] } : { alias };
  }
  const digits = normalizeCardNumber(cardNo);
  if (digits === undefined || !(isTestCard(digits) || luhnValid(digits))) {
    return { error: 'invalid-field', details: ['card no not valid'] };
  }
  const expiry = parseExpiry(read('ED'), now);
  if (expiry === undefined) return { error: 'invalid-field', details: ['expiry date not valid'] };
  const cvc = read('CVC');
  if (cvc !== '' && !cvcValid(cvc)) return { error: 'invalid-field', details: ['CVC not valid'] };
  return { digits, ed: expiry.ed, cvc, createAlias: alias === '' ? undefined : alias };
}

export function checkOrderDirect(
  read: (name: string) => string,
  now: Date,
  callerIp: string,
): OrderDirectCheck {
  const fail = (error: DirectLinkError, ...details: string[]) => ({ error, details });
  const orderId = read('ORDERID');
  if (orderId === '') return fail('missing-field', 'orderid');
  if (orderId.length > MAX_DIRECT_ORDER_ID_LENGTH) return fail('invalid-field', 'ORDERID too long');
  const amountMinor = read('AMOUNT');
  if (amountMinor === '') return fail('missing-field', 'amount');
  if (!/^\d{1,15}$/.test(amountMinor))
    return fail('invalid-field', 'amount too long or not numeric');
  const currency = read('CURRENCY');
  if (currency === '') return fail('missing-field', 'currency');
  if (!isCurrency(currency)) return fail('invalid-field', 'not a valid currency');
  const operation = read('OPERATION').toUpperCase();
  if (operation !== '' && operation !== 'SAL' && operation !== 'RES') {
    return fail('invalid-field', 'operation not allowed');
  }
  const card = readCard(read, now);
  if ('error' in card) return card;
  const eci = read('ECI');
  if (eci !== '' && !/^\d{1,2}$/.test(eci)) return fail('invalid-field', 'ECI not valid');
  const urls: ReturnUrls = {};
  for (const name of RETURN_URL_FIELDS) {
    const value = read(name);
    if (value === '') continue;
    if (!isHttpUrl(value)) return fail('invalid-field', `${name} not valid`);
    urls[name] = value;
  }
  for (const [name, valid] of BROWSER_CHECKS) {
    const value = read(name);
    if (value !== '' && !valid(value)) return fail('invalid-field', `${name} not valid`);
  }
  const remoteAddr = read('REMOTE_ADDR');
  return {
    order: {
      orderId,
      amountMinor,
      currency,
      operation: operation === 'RES' ? 'RES' : 'SAL',
      card,
      eci: eci !== '' ? eci : 'alias' in card ? '9' : '7',
      flag3d: read('FLAG3D').toUpperCase() === 'Y',
      urls,
      complus: read('COMPLUS'),
      cn: read('CN'),
      language: read('LANGUAGE'),
      ip: /^[0-9a-fA-F.:]{2,45}$/.test(remoteAddr) ? remoteAddr : callerIp,
    },
  };
}
