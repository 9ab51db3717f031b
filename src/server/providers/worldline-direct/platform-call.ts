/**
 * A call to Worldline Direct from a route: a `WorldlineError` becomes the endpoint's typed
 * failure (our own bad input: 400 `invalid-request`; anything the platform did or did not do:
 * 503 `platform-unavailable`, so the shopper or the platform asks again) and one
 * `platform-failed` log line with the error's code and `errorId` (the client scrubs secrets).
 */
import type { ResolvedOptions } from '../../config/resolve-options.js';
import { describeError } from '../../config/logger.js';
import { fail } from '../../http/failure.js';
import { WorldlineError } from './errors.js';

/** Runs a client call; `onNotFound` answers a 404 when given (else it fails like the others). */
export async function platformCall<T>(
  o: ResolvedOptions,
  what: string,
  call: () => Promise<T>,
  onNotFound?: () => T | Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof WorldlineError)) throw error;
    if (error.code === 'not-found' && onNotFound !== undefined) return onNotFound();
    o.log({
      level: 'error',
      event: 'platform-failed',
      message: o.scrub(
        `Worldline Direct ${what} failed: ${error.code}${error.httpStatus === undefined ? '' : ` (HTTP ${error.httpStatus})`}${error.errorId === undefined ? '' : `, errorId ${error.errorId}`}: ${describeError(error)}`.slice(
          0,
          600,
        ),
      ),
    });
    if (error.code === 'invalid-request') return fail('invalid-request', error.message);
    return fail(
      'platform-unavailable',
      'Worldline Direct could not complete the call; retry later.',
    );
  }
}
