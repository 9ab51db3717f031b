/**
 * Resolves an operation whose answer was lost (or whose sender vanished) by querydirect at its
 * own step (PAYID + PAYIDSUB) — never by sending it again: it went through (recorded like its
 * answer), it was not applied (`failed`: the key may be retried), or it stays `uncertain`. A
 * pending operation is asked the same way for its final status.
 */
import { DirectLinkError } from '../directlink/errors.js';
import { afterMaintenanceQuery, type Sent } from '../directlink/recovery.js';
import type { DirectLinkClient } from '../directlink/types.js';
import type { Driver } from '../ledger/drivers/driver.js';
import { recordAnswer, stepOf } from './answers.js';
import { stateOfStage, stepStage } from './open-operations.js';
import { lockPayment, updateOperation, type OperationRow } from './store.js';

/** Queries the operation's step and records what it shows; the operation after. */
export async function recoverOperation(
  driver: Driver,
  client: DirectLinkClient,
  op: OperationRow,
  payId: string,
  now: () => number,
): Promise<OperationRow> {
  let queried: Sent;
  try {
    const { answer } = await client.queryDirect({ payId, payIdSub: op.step });
    queried = { kind: 'answer', answer };
  } catch (error) {
    if (!(error instanceof DirectLinkError)) throw error;
    queried = { kind: 'lost', reason: error.code };
  }
  const request = {
    operation: op.operation,
    payId,
    minorAmount: op.amount_minor,
    lastPayIdSub: op.step - 1,
  };
  // `sends` = 2: the rules never ask to resend here; "not processed" means not applied.
  const next = afterMaintenanceQuery(request, queried, 2);
  return driver.transaction(async (tx) => {
    const row = await lockPayment(tx, op.payment_id);
    const at = new Date(now());
    if (next.do === 'return') {
      const { answer } = next;
      const stage = answer.status === undefined ? undefined : stepStage(op.kind, answer.status);
      if (row !== undefined) await recordAnswer(tx, row, answer, 'query', op.amount_minor);
      return updateOperation(tx, op.id, {
        state: stage === undefined ? 'uncertain' : stateOfStage(stage),
        step: stepOf(answer) || op.step,
        status: answer.status ?? null,
        ncError: answer.ncError ?? null,
        answer: answer.attributes,
        problem: null,
        now: at,
      });
    }
    if (next.do === 'fail' && next.code === 'answer-lost') {
      return updateOperation(tx, op.id, { state: 'uncertain', problem: next.why, now: at });
    }
    if (op.state === 'pending') {
      // Ogone answered this step before: a query that cannot find it changes nothing.
      return updateOperation(tx, op.id, { state: 'pending', problem: 'step not found', now: at });
    }
    return updateOperation(tx, op.id, {
      state: 'failed',
      problem: 'not applied: querydirect does not know the step',
      now: at,
    });
  });
}
