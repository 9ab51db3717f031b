/** Conversions between SQL values and the ledger's records: timestamps, minor units, JSON. */
import { fromOgoneAmount } from '../../protocol/amount.js';

/** A timestamp column (a `Date` from both drivers) as an ISO string. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** Minor units (bigint read as text) as two-decimal major units. */
export function major(minor: unknown): string {
  return fromOgoneAmount(String(minor));
}

/** A JSON column (parsed by both drivers, a string if a driver did not). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
