/**
 * `createOgoneOperations`: capture, cancel, refund, status and reconcile bound to one endpoint
 * configuration (the same options as `createOgoneHandler`, with its ledger and API user).
 */
import { OgoneConfigError } from '../config/config-error.js';
import { resolveOptions, type ResolvedOptions } from '../config/resolve-options.js';
import { requireLedger, type OperationsContext } from './context.js';
import { reconcile } from './reconcile.js';
import { runOperation } from './run.js';
import { paymentStatus } from './status.js';
import { refreshOperations } from './refresh.js';
import { lockPayment, operationRecord } from './store.js';
import type { OgoneHandlerOptions } from '../types.js';
import type { OgoneOperations } from './types.js';

/** An operation still `sent` after this lost its sender (longer than any DirectLink call). */
const IN_FLIGHT_MS = 3 * 60_000;

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

/** The operations over already resolved options (the handler's `operations`). */
export function operationsFor(
  resolved: ResolvedOptions,
  wake: () => void,
  clock: { now(): number } = { now: () => Date.now() },
  waitMs = IN_FLIGHT_MS,
): OgoneOperations {
  const ctx: OperationsContext = {
    driver: resolved.ledger,
    directLink: resolved.directLink,
    now: () => clock.now(),
    wake,
    inFlightMs: IN_FLIGHT_MS,
    waitMs,
  };
  return {
    capture: (reference, options) => runOperation(ctx, 'capture', reference, options),
    cancel: (reference, options) => runOperation(ctx, 'cancel', reference, { key: options?.key }),
    refund: (reference, options) => runOperation(ctx, 'refund', reference, options),
    status: (reference) => paymentStatus(ctx, reference),
    reconcile: (options) => reconcile(ctx, options),
    async operationsOf(paymentId) {
      if (typeof paymentId !== 'string' || !/^\d{1,18}$/.test(paymentId)) return [];
      const rows = await requireLedger(ctx).transaction(async (tx) => {
        if ((await lockPayment(tx, paymentId)) === undefined) return [];
        return refreshOperations(tx, paymentId, ctx.now());
      });
      return rows.map(operationRecord);
    },
  };
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
