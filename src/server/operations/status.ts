/**
 * `status(reference)`: asks Ogone about a payment now (querydirect), recorded in the ledger —
 * unless it was queried less than 30 s ago (Ogone's limit): then the ledger's state, unasked.
 */
import { paymentRecord } from '../ledger/payments-read.js';
import { isUnsettled, mayQuery } from './backoff.js';
import { OgoneOperationError } from './errors.js';
import { findTarget, requireApiUser, requireLedger, type OperationsContext } from './context.js';
import { checkPayment } from './query.js';
import { clearReconciliation, lastQueryAt, noteQuery } from './reconcile-store.js';
import { refreshOperations } from './refresh.js';
import { lockPayment, operationRecord } from './store.js';
import type { StatusResult } from './types.js';

export async function paymentStatus(
  ctx: OperationsContext,
  reference: string,
): Promise<StatusResult> {
  const driver = requireLedger(ctx);
  const client = requireApiUser(ctx);
  const target = await findTarget(driver, reference);
  const now = ctx.now();
  const allowed = await driver.transaction(async (tx) => {
    await lockPayment(tx, target.id);
    if (!mayQuery(await lastQueryAt(tx, target.id), now)) return false;
    await noteQuery(tx, target.id, now);
    return true;
  });
  if (!allowed) {
    const [payment, operations] = await driver.transaction(
      async (tx) =>
        [(await lockPayment(tx, target.id))!, await refreshOperations(tx, target.id, now)] as const,
    );
    return {
      payment: paymentRecord(payment),
      queried: false,
      answeredStatus: null,
      disposition: null,
      operations: operations.map(operationRecord),
    };
  }
  const checked = await checkPayment(ctx, driver, client, target);
  if (checked.problem !== undefined && checked.answeredStatus === null) {
    throw new OgoneOperationError(
      'platform-unavailable',
      `Ogone did not answer the status query of ${target.order_id} (${checked.problem}); try again in 30 s or more.`,
      { paymentId: target.id, orderId: target.order_id },
    );
  }
  if (!isUnsettled(checked.payment.status) && !checked.unresolved) {
    await driver.transaction((tx) => clearReconciliation(tx, target.id));
  }
  if (checked.disposition === 'applied' || checked.disposition === 'stale') ctx.wake();
  return {
    payment: paymentRecord(checked.payment),
    queried: true,
    answeredStatus: checked.answeredStatus,
    disposition: checked.disposition,
    operations: checked.operations.map(operationRecord),
  };
}
