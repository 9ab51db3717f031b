/**
 * Reconciliation's schedule, pure: which statuses are worth a status query, when the next query
 * of a payment is due (1 min, 5 min, 30 min, 2 h, 6 h, then stop and flag it for a human), and
 * Ogone's limit of one query per payment per 30 s.
 */
import { STATUS_STAGES } from '../ledger/state-machine.js';

/** Delay after the 1st, 2nd, … query of a payment that is still not final. */
export const RECONCILE_BACKOFF_MS: readonly number[] = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  6 * 60 * 60_000,
];

/** Ogone asks for a retry at most every 30 s per payment. */
export const MIN_QUERY_SPACING_MS = 30_000;

/** Default age of a pending payment before it is queried (it may still get its feedback). */
export const DEFAULT_OLDER_THAN_MS = 10 * 60_000;

/** How long a reconciling instance owns a payment's query (longer than any DirectLink call). */
export const CLAIM_MS = 5 * 60_000;

/**
 * The statuses that are not final and that Ogone resolves later: pending or uncertain checkouts
 * (41, 46, 51, 52, 99 …) and after-sale steps (91, 92, 61, 81 …).
 */
export const UNSETTLED_STATUSES: readonly number[] = Object.entries(STATUS_STAGES)
  .filter(([, [, stage]]) => stage === 'pending' || stage === 'uncertain')
  .map(([status]) => Number(status))
  .sort((a, b) => a - b);

/** What follows the `attempts`-th query (counting it) of a payment still not final. */
export type NextQuery = { kind: 'again'; at: number } | { kind: 'flag' };

export function nextQuery(attempts: number, now: number): NextQuery {
  const delay = attempts >= 1 ? RECONCILE_BACKOFF_MS[attempts - 1] : RECONCILE_BACKOFF_MS[0];
  return delay === undefined ? { kind: 'flag' } : { kind: 'again', at: now + delay };
}

/** Whether a payment may be queried now (never twice within 30 s). */
export function mayQuery(lastQueryAt: number | null, now: number): boolean {
  return lastQueryAt === null || now - lastQueryAt >= MIN_QUERY_SPACING_MS;
}

/** Whether a status is worth querying. */
export function isUnsettled(status: number | null): boolean {
  return status !== null && UNSETTLED_STATUSES.includes(status);
}
