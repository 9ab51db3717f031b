/**
 * Brings a payment's operations up to date with what the ledger applied (a feedback or a query
 * may have settled a pending step), inside the caller's transaction.
 */
import type { Queryable } from '../ledger/drivers/driver.js';
import { settledState, type OperationFacts } from './open-operations.js';
import { appliedSteps, operationsOfPayment, updateOperation, type OperationRow } from './store.js';

export function factsOf(row: OperationRow): OperationFacts {
  return {
    kind: row.kind,
    state: row.state,
    step: row.step,
    status: row.status,
    amountMinor: Number(row.amount_minor),
    final: row.final,
    sentAt: row.sent_at === null ? null : new Date(row.sent_at).getTime(),
  };
}

/** The payment's operations, oldest first, each settled from the applied statuses. */
export async function refreshOperations(
  tx: Queryable,
  paymentId: string,
  now: number,
): Promise<OperationRow[]> {
  const ops = await operationsOfPayment(tx, paymentId);
  if (ops.length === 0) return ops;
  const applied = await appliedSteps(tx, paymentId);
  const fresh: OperationRow[] = [];
  for (const op of ops) {
    const settled = settledState(factsOf(op), applied);
    fresh.push(
      settled === undefined
        ? op
        : await updateOperation(tx, op.id, {
            state: settled.state,
            status: settled.status,
            ncError: op.nc_error,
            problem: null,
            now: new Date(now),
          }),
    );
  }
  return fresh;
}

/** The highest step the payment is known to have (its own, its events', its operations'). */
export async function lastKnownStep(
  tx: Queryable,
  paymentId: string,
  stateStep: number,
  ops: readonly OperationRow[],
): Promise<number> {
  const rows = await tx.query<{ step: number | null }>(
    'SELECT max(step) AS step FROM events WHERE payment_id = $1::bigint',
    [paymentId],
  );
  // A failed operation, or one Ogone refused outright (STATUS 0), never became a step.
  const steps = ops
    .filter((op) => op.state !== 'failed' && !(op.state === 'refused' && !op.status))
    .map((op) => op.step);
  return Math.max(stateStep, rows[0]?.step ?? 0, ...steps);
}
