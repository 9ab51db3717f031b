/**
 * One status check of a payment: its operations whose answer was lost resolved at their steps,
 * then — when still useful — querydirect for the payment itself, the answer recorded as a `query`
 * event through the state machine (and delivered to the merchant when it is news).
 */
import { DirectLinkError } from '../directlink/errors.js';
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import type { DirectLinkClient } from '../directlink/types.js';
import type { Driver } from '../ledger/drivers/driver.js';
import type { PaymentRow } from '../ledger/payments.js';
import { recordAnswer, stepOf } from './answers.js';
import { isUnsettled } from './backoff.js';
import type { OperationsContext } from './context.js';
import { summarize } from './open-operations.js';
import { recoverOperation } from './recover.js';
import { factsOf, refreshOperations } from './refresh.js';
import { lockPayment, type OperationRow } from './store.js';

/** At most this many earlier steps asked in one check (the rest in the next one). */
const MAX_STEP_QUERIES = 3;

export interface Checked {
  payment: PaymentRow;
  answeredStatus: number | null;
  disposition: 'applied' | 'stale' | 'duplicate' | null;
  operations: OperationRow[];
  /** Operations still without a known outcome. */
  unresolved: boolean;
  /** Why querydirect gave nothing (a DirectLink error code). */
  problem: string | undefined;
}

function unresolvedOf(ctx: OperationsContext, ops: readonly OperationRow[]): OperationRow[] {
  return ops.filter((op) => summarize([factsOf(op)], ctx.now(), ctx.inFlightMs).unresolved);
}

export async function checkPayment(
  ctx: OperationsContext,
  driver: Driver,
  client: DirectLinkClient,
  row: PaymentRow,
): Promise<Checked> {
  const before = await driver.transaction((tx) => refreshOperations(tx, row.id, ctx.now()));
  const lost = unresolvedOf(ctx, before);
  for (const op of lost) await recoverOperation(driver, client, op, row.pay_id, ctx.now);
  let answer: DirectLinkAnswer | undefined;
  let problem: string | undefined;
  if (lost.length === 0 || isUnsettled(row.status)) {
    try {
      const query = row.pay_id !== '' ? { payId: row.pay_id } : { orderId: row.order_id };
      ({ answer } = await client.queryDirect(query));
    } catch (error) {
      if (!(error instanceof DirectLinkError)) throw error;
      problem = error.code;
    }
  }
  if (answer !== undefined && answer.status === undefined) problem = 'no status';
  const recorded = await driver.transaction(async (tx) => {
    const locked = (await lockPayment(tx, row.id))!;
    const recorded =
      answer === undefined
        ? undefined
        : await recordAnswer(tx, locked, answer, 'query', locked.amount_minor);
    const operations = await refreshOperations(tx, row.id, ctx.now());
    return {
      payment: recorded?.payment ?? locked,
      answeredStatus: answer?.status ?? null,
      disposition:
        recorded === undefined
          ? null
          : recorded.disposition === 'observed'
            ? null
            : recorded.disposition,
      operations,
      unresolved: unresolvedOf(ctx, operations).length > 0,
      problem,
    };
  });
  // Earlier steps still pending (their feedback never came): each asked at its own step.
  const latest = answer === undefined ? 0 : stepOf(answer);
  const behind = recorded.operations.filter((op) => op.state === 'pending' && op.step < latest);
  if (behind.length === 0) return recorded;
  for (const op of behind.slice(0, MAX_STEP_QUERIES)) {
    await recoverOperation(driver, client, op, row.pay_id, ctx.now);
  }
  return driver.transaction(async (tx) => {
    const operations = await refreshOperations(tx, row.id, ctx.now());
    return { ...recorded, payment: (await lockPayment(tx, row.id))!, operations };
  });
}
