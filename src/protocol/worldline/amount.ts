/**
 * Amounts between this package and Worldline Direct. Ours are Ogone's `AMOUNT`: the amount × 100
 * for every currency, as a digit string (`"1999"` for 19.99). Worldline's `amountOfMoney.amount`
 * is an integer "in the smallest currency unit" (OAS: EUR 1234 → 12.34, JPY 1234 → 1234, KWD 1234
 * → 1.234). They are equal for two-decimal currencies and differ by a power of ten for the others,
 * so a pass-through would charge ¥1,000 as ¥100,000. The conversion is exact or refused.
 */
import { OgoneProtocolError } from '../errors.js';

/** OAS bounds of `amount` (int64, 0…999999999999). */
export const MAX_WORLDLINE_AMOUNT = 999_999_999_999;

/**
 * ISO 4217 minor-unit exponents that are not 2 (data, not code). Every other currency has 2.
 * Source: ISO 4217 list one (current currency and funds codes).
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** The ISO 4217 exponent of a currency code (2 unless listed). */
export function currencyExponent(currency: string): number {
  return Object.hasOwn(CURRENCY_EXPONENTS, currency) ? CURRENCY_EXPONENTS[currency]! : 2;
}

function invalid(message: string): OgoneProtocolError {
  return new OgoneProtocolError('invalid-amount', message);
}

function checkCurrency(currency: string): void {
  if (!/^[A-Z]{3}$/.test(currency)) throw invalid('Currency must be a 3-letter ISO 4217 code.');
}

/**
 * Our minor-unit string (× 100) to Worldline's smallest-unit integer: `"1999"` EUR → 1999,
 * `"123400"` JPY → 1234, `"1230"` KWD → 12300. Throws `invalid-amount` when the amount has no
 * exact value in the currency (`"1999"` JPY is ¥19.99) or lies outside the OAS bounds.
 */
export function toWorldlineAmount(minor: string, currency: string): number {
  checkCurrency(currency);
  if (typeof minor !== 'string' || !/^\d{1,15}$/.test(minor)) {
    throw invalid('Amount must be 1-15 digits of minor units (× 100).');
  }
  const exponent = currencyExponent(currency);
  let digits: string;
  if (exponent >= 2) {
    digits = minor + '0'.repeat(exponent - 2);
  } else {
    const drop = 2 - exponent;
    if (!minor.endsWith('0'.repeat(drop)) && minor !== '0') {
      throw invalid(
        `${currency} has ${exponent} decimals: the amount must be a whole ${currency}.`,
      );
    }
    digits = minor.length > drop ? minor.slice(0, -drop) : '0';
  }
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > MAX_WORLDLINE_AMOUNT) {
    throw invalid('Amount is beyond what Worldline Direct accepts (999999999999).');
  }
  return value;
}

/**
 * Worldline's smallest-unit integer to our minor-unit string: 1999 EUR → `"1999"`, 1234 JPY →
 * `"123400"`. Throws `invalid-amount` for a non-integer, a negative or out-of-bounds value, or a
 * 3- or 4-decimal amount that × 100 cannot express (KWD 1.234).
 */
export function fromWorldlineAmount(amount: number, currency: string): string {
  checkCurrency(currency);
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_WORLDLINE_AMOUNT) {
    throw invalid('Worldline amount must be a whole number from 0 to 999999999999.');
  }
  const exponent = currencyExponent(currency);
  const digits = String(amount);
  if (exponent <= 2) return amount === 0 ? '0' : digits + '0'.repeat(2 - exponent);
  const drop = exponent - 2;
  if (amount !== 0 && !digits.endsWith('0'.repeat(drop))) {
    throw invalid(`${currency} amount ${digits} has more decimals than an Ogone AMOUNT can hold.`);
  }
  return amount === 0 ? '0' : digits.slice(0, -drop) || '0';
}
