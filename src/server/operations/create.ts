/**
 * `createOgoneOperations`: capture, cancel, refund, status and reconcile bound to one endpoint
 * configuration (the same options as `createOgoneHandler`, with its ledger and API user).
 */
import { OgoneConfigError } from '../config/config-error.js';
import { resolveOptions } from '../config/resolve-options.js';
import { IN_FLIGHT_MS, operationsFor } from './bind.js';
import type { OgoneHandlerOptions } from '../types.js';
import type { OgoneOperations } from './types.js';

/** Options of {@link createOgoneOperations}: the handler's, plus a clock for tests. */
export interface OgoneOperationsOptions extends OgoneHandlerOptions {
  /** Where "now" comes from (default `Date.now`); reconciliation's schedule reads it. */
  clock?: { now(): number } | undefined;
  /**
   * How long an operation waits for another one on the same payment to get Ogone's answer before
   * it gives up with `operation-in-progress` (default 180 000 ms).
   */
  waitMs?: number | undefined;
}

/**
 * Creates the after-sale operations. Options are validated now (a wrong one throws
 * {@link OgoneConfigError}); `ledger` is required. Without `directLink` (the API user) every
 * call that would reach Ogone rejects with `OgoneOperationError` `api-user-missing`. Deliveries
 * to `onPaymentResult` are enqueued in the ledger's outbox and delivered by the handler's worker
 * (any instance on the same ledger).
 */
export function createOgoneOperations(options: OgoneOperationsOptions): OgoneOperations {
  const resolved = resolveOptions(options);
  if (resolved.ledger === undefined) {
    throw new OgoneConfigError('ledger', 'is required for after-sale operations (openLedger())');
  }
  const waitMs = options.waitMs ?? IN_FLIGHT_MS;
  if (!Number.isSafeInteger(waitMs) || waitMs < 0 || waitMs > 3_600_000) {
    throw new OgoneConfigError('waitMs', 'must be whole milliseconds from 0 to 3600000');
  }
  return operationsFor(resolved, () => undefined, options.clock, waitMs);
}
