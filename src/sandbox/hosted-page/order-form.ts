/**
 * The form posted to the hosted page, checked as Ogone checks it: PSPID, SHA-IN, mandatory fields,
 * amount, currency, operation, return URLs, alias, PARAMPLUS. Pure: params in, the order or
 * Ogone's error out.
 */
import { isHttpUrl } from '../../internal/url.js';
import { getParam, type IncomingParams } from '../../protocol/params.js';
import { SHA_OUT_PARAMETERS } from '../../protocol/sha-out-parameters.js';
import type { HashAlgorithm } from '../../protocol/sign.js';
import type { ErrorPageModel } from '../pages/error-page.js';
import { checkShaIn, mismatchHint } from '../sha-in.js';
import { RETURN_URL_FIELDS, type ReturnUrls } from './redirect.js';
import { shopLinkFromForm } from './shop-link.js';

const MANDATORY = ['ORDERID', 'AMOUNT', 'CURRENCY', 'LANGUAGE'] as const;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

/** The longest ORDERID the hosted page takes. */
export const MAX_ORDER_ID_LENGTH = 30;

function currencies(): Set<string> {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return new Set(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD']);
  }
}
const CURRENCIES = currencies();

/** True for an ISO 4217 code this runtime knows. */
export function isCurrency(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value);
}

/** An order as the hosted page accepted it. */
export interface OrderForm {
  pspid: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  language: string;
  operation: 'SAL' | 'RES';
  cn: string;
  complus: string;
  /** Alias to create; `''` for ALIASOPERATION=BYPSP without a name; `undefined` when none asked. */
  alias: string | undefined;
  aliasUsage: string;
  /** Expanded PARAMPLUS pairs: sent back unsigned. */
  paramPlus: [string, string][];
  urls: ReturnUrls;
  /** Where "Return to the shop" points (HOMEURL, else CATALOGURL), when a plain http(s) URL. */
  shopUrl: string | undefined;
}

/** What the hosted page checks the form against: the merchant's back-office settings. */
export interface OrderFormSettings {
  pspid: string;
  shaIn: string;
  hashAlgorithm: HashAlgorithm;
}

export type OrderFormCheck = { form: OrderForm } | { error: ErrorPageModel };

function fail(errorText: string, hint?: string, extra: Partial<ErrorPageModel> = {}) {
  return { error: { errorText, ...(hint ? { hint } : {}), ...extra } };
}

/** Expanded pairs come back unsigned; names that would clash with Ogone's own are dropped. */
function expandParamPlus(raw: string): [string, string][] {
  if (raw === '') return [];
  return [...new URLSearchParams(raw)].filter(([name]) => {
    const upper = name.toUpperCase();
    return name !== '' && upper !== 'SHASIGN' && !SHA_OUT_PARAMETERS.has(upper);
  });
}

/** Checks the posted form in Ogone's order; the first fault wins. */
export async function checkOrderForm(
  params: IncomingParams,
  settings: OrderFormSettings,
): Promise<OrderFormCheck> {
  const receivedNames = Object.keys(params).map((name) => name.slice(0, 40));
  const read = (name: string) => getParam(params, name) ?? '';

  const pspid = read('PSPID');
  if (pspid === '') return fail('no PSPID', 'The form must carry PSPID.');
  if (pspid !== settings.pspid) {
    return fail(
      'PSPID not found or not active',
      'The PSPID in the form is not the one this sandbox is configured with.',
    );
  }
  const verdict = await checkShaIn(params, settings.shaIn, settings.hashAlgorithm);
  if (verdict === 'missing') {
    return fail(
      'unknown order/0/s',
      'The form has no SHASIGN, but a SHA-IN passphrase is configured.',
      { receivedNames },
    );
  }
  if (verdict === 'mismatch') {
    const hint = mismatchHint(read('SHASIGN'), settings.hashAlgorithm);
    return fail('unknown order/1/s', hint, { receivedNames });
  }
  for (const name of MANDATORY) {
    if (read(name) === '') return fail(`no ${name}`, `${name} is mandatory.`);
  }
  const orderId = read('ORDERID');
  if (orderId.length > MAX_ORDER_ID_LENGTH) {
    return fail('ORDERID too long', `ORDERID must be at most ${MAX_ORDER_ID_LENGTH} characters.`);
  }
  const amountMinor = read('AMOUNT');
  if (!/^\d{1,15}$/.test(amountMinor)) {
    return fail(
      'amount too long or not numeric',
      'AMOUNT is the amount × 100 as a whole number, e.g. 1999 for 19.99.',
    );
  }
  const currency = read('CURRENCY');
  if (!isCurrency(currency)) {
    return fail('not a valid currency', 'CURRENCY must be an ISO 4217 code such as EUR.');
  }
  const operation = read('OPERATION').toUpperCase();
  if (operation !== '' && operation !== 'SAL' && operation !== 'RES') {
    return fail(
      'operation not allowed',
      'This sandbox accepts OPERATION SAL (sale, the default) or RES (authorisation).',
    );
  }
  const urls: ReturnUrls = {};
  for (const name of RETURN_URL_FIELDS) {
    const value = read(name);
    if (value === '') continue;
    if (!isHttpUrl(value)) {
      return fail(`${name} not valid`, `${name} must be an absolute http(s) URL.`);
    }
    urls[name] = value;
  }
  const aliasName = read('ALIAS');
  if (aliasName !== '' && !ALIAS_PATTERN.test(aliasName)) {
    return fail('ALIAS not valid', 'ALIAS must be 1-50 letters, digits, "-" or "_".');
  }
  const byPsp = read('ALIASOPERATION').toUpperCase() === 'BYPSP';
  return {
    form: {
      pspid,
      orderId,
      amountMinor,
      currency,
      language: read('LANGUAGE'),
      operation: operation === 'RES' ? 'RES' : 'SAL',
      cn: read('CN'),
      complus: read('COMPLUS'),
      alias: aliasName !== '' ? aliasName : byPsp ? '' : undefined,
      aliasUsage: read('ALIASUSAGE'),
      paramPlus: expandParamPlus(read('PARAMPLUS')),
      urls,
      shopUrl: shopLinkFromForm(read('HOMEURL'), read('CATALOGURL')),
    },
  };
}
