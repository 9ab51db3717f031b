/**
 * Sending an operation recorded as `sent`: maintenancedirect, then its answer recorded in one
 * transaction (ledger event through the state machine, operation state, delivery); an answer
 * that never came leaves the operation `uncertain`, a call that surely did nothing `failed`.
 */
import { DirectLinkError } from '../directlink/errors.js';
import type { PaymentRow } from '../ledger/payments.js';
import { recordAnswer, stepOf } from './answers.js';
import { requireApiUser, requireLedger, type OperationsContext } from './context.js';
import { OgoneOperationError } from './errors.js';
import { stateOfStage, stepStage } from './open-operations.js';
import { clearReconciliation } from './reconcile-store.js';
import { refusedByOgone, resultOf } from './results.js';
import { lockPayment, updateOperation, type OperationRow } from './store.js';
import type { OperationResult } from './types.js';

/** The failure of a send that got no usable answer, recorded on the operation. */
async function sendFailed(
  ctx: OperationsContext,
  op: OperationRow,
  error: unknown,
): Promise<never> {
  const driver = requireLedger(ctx);
  const code = error instanceof DirectLinkError ? error.code : undefined;
  const lost = code === undefined || code === 'answer-lost';
  await driver.transaction((tx) =>
    updateOperation(tx, op.id, {
      state: lost ? 'uncertain' : 'failed',
      problem: code ?? 'error',
      now: new Date(ctx.now()),
    }),
  );
  const details = { paymentId: op.payment_id, key: op.idempotency_key };
  if (lost) {
    throw new OgoneOperationError(
      'outcome-unknown',
      `Ogone's answer to the ${op.kind} was lost and querydirect could not tell whether it went through; it is recorded and will be resolved by a status query (reconcile). Do not send it again with another key.`,
      details,
    );
  }
  if (code === 'refused-credentials' || code === 'signature-rejected' || code === 'ip-refused') {
    throw new OgoneOperationError(
      'platform-credentials-refused',
      `Ogone refused the API user (${code}); nothing was done.`,
      details,
    );
  }
  throw new OgoneOperationError(
    'platform-unavailable',
    `Ogone could not be reached or did not process the ${op.kind} (${code}); nothing was done. Retry with the same key.`,
    details,
  );
}

export async function send(
  ctx: OperationsContext,
  op: OperationRow,
  payment: PaymentRow,
): Promise<OperationResult> {
  const client = requireApiUser(ctx);
  const driver = requireLedger(ctx);
  let answer;
  try {
    ({ answer } = await client.maintenanceDirect({
      operation: op.operation,
      payId: payment.pay_id,
      minorAmount: op.amount_minor,
      lastPayIdSub: op.step - 1,
    }));
  } catch (error) {
    return sendFailed(ctx, op, error);
  }
  const stage = answer.status === undefined ? undefined : stepStage(op.kind, answer.status);
  const state = stage === undefined ? 'refused' : stateOfStage(stage);
  const [updated, after] = await driver.transaction(async (tx) => {
    const locked = (await lockPayment(tx, payment.id))!;
    const recorded =
      stage === undefined
        ? undefined
        : await recordAnswer(tx, locked, answer, 'directlink', op.amount_minor);
    const row = await updateOperation(tx, op.id, {
      state,
      step: stage === undefined ? op.step : stepOf(answer) || op.step,
      status: answer.status ?? null,
      ncError: answer.ncError ?? null,
      answer: answer.attributes,
      problem: null,
      now: new Date(ctx.now()),
    });
    // A new step starts a new reconciliation episode.
    if (stage !== undefined) await clearReconciliation(tx, payment.id);
    return [row, recorded?.payment ?? locked] as const;
  });
  if (stage !== undefined) ctx.wake();
  if (state === 'refused') throw refusedByOgone(updated);
  return resultOf(updated, after, false);
}
