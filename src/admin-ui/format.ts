/** How the payments page writes amounts, cards and dates. Pure. */

/** `"5.00", "EUR"` → `5.00 EUR` (what staff read on bank statements). */
export function money(amount: string, currency: string): string {
  return `${amount} ${currency}`;
}

/** The last four digits of a masked card number (`XXXXXXXXXXXX1111` → `1111`). */
export function lastFour(cardNumber: string | null): string | null {
  const digits = cardNumber?.match(/(\d{4})\s*$/);
  return digits ? digits[1]! : null;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const DATE_SECONDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `1 Dec 2026, 12:36` (with `:05` seconds for history entries). */
export function when(iso: string, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (seconds ? DATE_SECONDS : DATE).format(date);
}

/** Minor units of a typed amount (`"5"`, `"5.5"`, `"5,50"`), or `null` when it is not one. */
export function toMinor(text: string): bigint | null {
  const match = /^\s*(\d{1,13})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

export function fromMinor(minor: bigint): string {
  const text = minor.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
