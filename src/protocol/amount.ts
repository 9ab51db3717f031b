import { OgoneProtocolError } from './errors.js';

/** At most 15 digits in minor units: every such integer is exact as a JS number too. */
const MAX_MINOR_DIGITS = 15;
const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Converts a decimal amount in major units to Ogone's `AMOUNT` (×100, integer string) with exact
 * decimal arithmetic: `"19.99"` → `"1999"`, `2.05` → `"205"`, `"10"` → `"1000"`, `"0.1"` → `"10"`.
 * Throws {@link OgoneProtocolError} (`invalid-amount`) for negatives, NaN/Infinity, exponents,
 * more than two decimals or more than 15 digits.
 */
export function toOgoneAmount(amount: string | number): string {
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw invalid(amount, 'is not a finite number');
    // The shortest round-trip representation: 2.05 -> "2.05", never 2.0499999…
    text = String(amount);
  } else if (typeof amount === 'string') {
    text = amount;
  } else {
    throw invalid(amount, 'must be a decimal string or a number');
  }
  if (text.startsWith('-')) throw invalid(amount, 'is negative');
  const match = DECIMAL.exec(text);
  if (!match) {
    throw invalid(amount, 'must be digits with at most two decimals, like "19.99"');
  }
  const whole = match[1]!;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const minor = (whole + fraction).replace(/^0+(?=\d)/, '');
  if (minor.length > MAX_MINOR_DIGITS) throw invalid(amount, 'is too large');
  return minor;
}

/** Minor units (`"1999"`) to a two-decimal major-unit string (`"19.99"`). */
export function fromOgoneAmount(minor: string): string {
  if (!/^\d{1,15}$/.test(minor)) throw invalid(minor, 'is not an Ogone AMOUNT');
  const padded = minor.padStart(3, '0');
  const whole = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${whole}.${padded.slice(-2)}`;
}

/**
 * Canonical two-decimal form of a major-unit amount, for display and comparison: Ogone returns
 * `amount` without trailing zeros (`"15"`, `"15.1"`), orders may say `15.10`; all become `"15.10"`.
 */
export function normalizeAmount(amount: string | number): string {
  return fromOgoneAmount(toOgoneAmount(amount));
}

/** True when both amounts are valid and equal to the cent. Never throws. */
export function amountsEqual(a: string | number, b: string | number): boolean {
  try {
    return toOgoneAmount(a) === toOgoneAmount(b);
  } catch {
    return false;
  }
}

function invalid(amount: unknown, why: string): OgoneProtocolError {
  const shown = typeof amount === 'string' ? JSON.stringify(amount.slice(0, 40)) : String(amount);
  return new OgoneProtocolError('invalid-amount', `Amount ${shown} ${why}.`);
}
