/**
 * `reconcile()`: payments left pending or uncertain past a threshold, and operations that got no
 * answer, queried with back-off (see `backoff.ts`) — each payment claimed first, so two instances
 * never query the same one, and never twice within 30 s. Flagged for a human after the last step.
 */
import { DEFAULT_OLDER_THAN_MS, isUnsettled, nextQuery } from './backoff.js';
import { requireApiUser, requireLedger, type OperationsContext } from './context.js';
import { OgoneOperationError } from './errors.js';
import { checkPayment } from './query.js';
import {
  claim,
  clearReconciliation,
  duePayments,
  schedule,
  type DueRow,
} from './reconcile-store.js';
import { lockPayment } from './store.js';
import type { ReconciledPayment, ReconcileOptions, ReconcileReport } from './types.js';

const DEFAULT_LIMIT = 20;

function checkOptions(options: ReconcileOptions): { olderThanMs: number; limit: number } {
  const olderThanMs = options.olderThan ?? DEFAULT_OLDER_THAN_MS;
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(olderThanMs) || olderThanMs < 0) {
    throw new OgoneOperationError('invalid-request', 'olderThan must be milliseconds (>= 0).');
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) {
    throw new OgoneOperationError(
      'invalid-request',
      'limit must be a whole number from 1 to 1000.',
    );
  }
  return { olderThanMs, limit };
}

function planned(row: DueRow): ReconciledPayment {
  return {
    paymentId: row.id,
    orderRef: row.order_ref,
    orderId: row.order_id,
    statusBefore: row.status,
    statusAfter: row.status,
    resolved: false,
    attempts: row.attempts ?? 0,
    nextQueryAt: null,
    flagged: false,
  };
}

export async function reconcile(
  ctx: OperationsContext,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const driver = requireLedger(ctx);
  const { olderThanMs, limit } = checkOptions(options);
  const query = { olderThanMs, limit, inFlightMs: ctx.inFlightMs };
  if (options.dryRun === true) {
    const due = await duePayments(driver, { ...query, now: ctx.now(), lock: false });
    return { dryRun: true, payments: due.map(planned) };
  }
  const client = requireApiUser(ctx);
  const started = ctx.now();
  const claimed = await driver.transaction(async (tx) => {
    const due = await duePayments(tx, { ...query, now: started, lock: true });
    for (const row of due) await claim(tx, row.id, started);
    return due;
  });
  const payments: ReconciledPayment[] = [];
  for (const due of claimed) {
    const row = await driver.transaction(async (tx) => lockPayment(tx, due.id));
    if (row === undefined) continue;
    let checked;
    try {
      checked = await checkPayment(ctx, driver, client, row);
    } catch {
      // The ledger failed mid-way: the claim expires and a later run tries again.
      payments.push({ ...planned(due), problem: 'ledger-unavailable' });
      continue;
    }
    const now = ctx.now();
    const resolved = !isUnsettled(checked.payment.status) && !checked.unresolved;
    const attempts = (due.attempts ?? 0) + 1;
    const next = nextQuery(attempts, now);
    await driver.transaction(async (tx) => {
      if (resolved) await clearReconciliation(tx, due.id);
      else {
        await schedule(
          tx,
          due.id,
          {
            attempts,
            nextAt: next.kind === 'again' ? next.at : null,
            flagged: next.kind === 'flag',
            problem: checked.problem ?? null,
          },
          now,
        );
      }
    });
    if (checked.disposition === 'applied' || checked.disposition === 'stale') ctx.wake();
    payments.push({
      ...planned(due),
      statusAfter: checked.payment.status,
      resolved,
      attempts,
      nextQueryAt: !resolved && next.kind === 'again' ? new Date(next.at).toISOString() : null,
      flagged: !resolved && next.kind === 'flag',
      ...(checked.problem === undefined ? {} : { problem: checked.problem }),
    });
  }
  return { dryRun: false, payments };
}
