/**
 * The routes' one way to write to the ledger: a verified result recorded (see
 * `ledger/record-result.ts`), a database failure turned into 503 `ledger-unavailable` and an
 * `ledger-failed` log line (never a 500, never a stack).
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { describeError } from '../config/logger.js';
import { fail } from '../http/failure.js';
import type { Driver } from '../ledger/drivers/driver.js';

/** Runs a ledger call; a failure logs and answers 503. */
export async function withLedger<T>(
  o: ResolvedOptions,
  what: string,
  call: (driver: Driver) => Promise<T>,
): Promise<T> {
  try {
    return await call(o.ledger!);
  } catch (error) {
    o.log({
      level: 'error',
      event: 'ledger-failed',
      message: `Ledger ${what} failed: ${o.scrub(describeError(error))}`,
    });
    return fail('ledger-unavailable', 'The payment ledger is unavailable; retry later.');
  }
}

/** The provider every recorded result comes from (a second platform comes later). */
export const PROVIDER = 'ogone';
