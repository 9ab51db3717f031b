/**
 * `operationsFor`: capture, cancel, refund, status and reconcile over already resolved options —
 * what `createOgoneOperations` returns and the handler exposes as `operations` (internal: its
 * signature names the resolved options, which are not public).
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { requireLedger, type OperationsContext } from './context.js';
import { reconcile } from './reconcile.js';
import { runOperation } from './run.js';
import { paymentStatus } from './status.js';
import { refreshOperations } from './refresh.js';
import { lockPayment, operationRecord } from './store.js';
import type { OgoneOperations } from './types.js';

/** An operation still `sent` after this lost its sender (longer than any DirectLink call). */
export const IN_FLIGHT_MS = 3 * 60_000;

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
