import { normalizeAmount } from './amount.js';
import { OgoneProtocolError } from './errors.js';

/**
 * Incoming parameters with their original names, values decoded once. A null-prototype
 * dictionary (a `__proto__` parameter is just a name): iterate it with `Object.keys`, several
 * times cheaper than `Object.entries` on such objects.
 */
export type IncomingParams = Record<string, string>;

/**
 * Parses a raw query string (with or without `?`) or an `application/x-www-form-urlencoded` body
 * into params, exactly once: UTF-8, `+` is a space, original names kept. A name that appears twice
 * (case-insensitively) is refused with `duplicate-parameter`: two values for one name is how a
 * tampered URL would smuggle an unsigned value past a verifier that reads the other one.
 */
export function parseOgoneParams(input: string | URLSearchParams): IncomingParams {
  const search = typeof input === 'string' ? new URLSearchParams(input.replace(/^\?/, '')) : input;
  const params: IncomingParams = Object.create(null) as IncomingParams;
  const seen = new Set<string>();
  for (const [name, value] of search) {
    const upper = name.toUpperCase();
    if (seen.has(upper)) {
      throw new OgoneProtocolError(
        'duplicate-parameter',
        `Parameter ${upper.slice(0, 40)} appears more than once.`,
      );
    }
    seen.add(upper);
    params[name] = value;
  }
  return params;
}

/** Reads a parameter whatever the case of its name (Ogone sends `orderID`, `amount`, …). */
export function getParam(params: IncomingParams, name: string): string | undefined {
  const wanted = name.toUpperCase();
  for (const key of Object.keys(params)) {
    if (key.toUpperCase() === wanted) return params[key];
  }
  return undefined;
}

/** The normalised view of Ogone's return / feedback parameters. Only read it after verifying. */
export interface OgoneReturnView {
  orderId: string | undefined;
  payId: string | undefined;
  status: string | undefined;
  /** Two-decimal major units (`"15.10"`), `undefined` when absent or malformed. */
  amount: string | undefined;
  currency: string | undefined;
  alias: string | undefined;
  /** Masked card number as Ogone sends it (`XXXXXXXXXXXX1111`). */
  cardNumber: string | undefined;
  brand: string | undefined;
  ncError: string | undefined;
  /** `MM/DD/YY` as Ogone sends it. */
  trxDate: string | undefined;
  complus: string | undefined;
  acceptance: string | undefined;
  paymentMethod: string | undefined;
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Builds the normalised view from parsed params. Never throws. */
export function normalizeReturnParams(params: IncomingParams): OgoneReturnView {
  // Names are case-insensitive (and unique, see parseOgoneParams): index them once.
  const byName = new Map<string, string>();
  for (const name of Object.keys(params)) byName.set(name.toUpperCase(), params[name]!);
  const read = (name: string) => present(byName.get(name));
  let amount: string | undefined;
  const rawAmount = read('AMOUNT');
  if (rawAmount !== undefined) {
    try {
      amount = normalizeAmount(rawAmount);
    } catch {
      amount = undefined;
    }
  }
  return {
    orderId: read('ORDERID'),
    payId: read('PAYID'),
    status: read('STATUS'),
    amount,
    currency: read('CURRENCY'),
    alias: read('ALIAS'),
    cardNumber: read('CARDNO'),
    brand: read('BRAND'),
    ncError: read('NCERROR'),
    trxDate: read('TRXDATE'),
    complus: read('COMPLUS'),
    acceptance: read('ACCEPTANCE'),
    paymentMethod: read('PM'),
  };
}

/** True when a query string looks like Ogone sent the shopper back (SHASIGN with orderID/STATUS). */
export function hasOgoneReturnParams(query: string | URLSearchParams): boolean {
  const search = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  let signed = false;
  let identified = false;
  for (const name of search.keys()) {
    const upper = name.toUpperCase();
    if (upper === 'SHASIGN') signed = true;
    else if (upper === 'ORDERID' || upper === 'STATUS') identified = true;
  }
  return signed && identified;
}
