/**
 * Capture, cancel and refund: the idempotency key looked up and the rules checked with the
 * payment's row locked, the operation recorded as sent, then sent, then its answer recorded
 * (ledger event, operation state, merchant delivery). A lost answer is resolved by querydirect
 * at the operation's step, never by a blind resend.
 */
import { randomUUID } from 'node:crypto';
import { describeStatus } from '../../protocol/status.js';
import { DirectLinkError } from '../directlink/errors.js';
import type { Queryable } from '../ledger/drivers/driver.js';
import type { PaymentRow } from '../ledger/payments.js';
import { paymentRecord } from '../ledger/payments-read.js';
import { recordAnswer, stepOf } from './answers.js';
import { findTarget, requireApiUser, requireLedger, type OperationsContext } from './context.js';
import { OgoneOperationError } from './errors.js';
import { stateOfStage, stepStage, summarize } from './open-operations.js';
import { recoverOperation } from './recover.js';
import { factsOf, lastKnownStep, refreshOperations } from './refresh.js';
import {
  decideCancel,
  decideCapture,
  decideRefund,
  type OperationKind,
  type PaymentFacts,
  type Requested,
} from './rules.js';
import { clearReconciliation } from './reconcile-store.js';
import {
  lockPayment,
  markSent,
  operationByKey,
  updateOperation,
  type OperationRow,
} from './store.js';
import type { OperationResult } from './types.js';

export interface OperationRequest extends Requested {
  key?: string | undefined;
}

type Prepared =
  | { do: 'send'; op: OperationRow; payment: PaymentRow }
  | { do: 'replay'; op: OperationRow; payment: PaymentRow }
  | { do: 'recover'; op: OperationRow; payment: PaymentRow }
  | { do: 'wait' };

const KEY = /^[\x21-\x7e]{1,100}$/;

export function paymentFacts(row: PaymentRow): PaymentFacts {
  return {
    status: row.status,
    settled: row.pay_id === '' ? null : row.settled_status,
    amountMinor: Number(row.amount_minor),
    capturedMinor: Number(row.captured_minor),
    refundedMinor: Number(row.refunded_minor),
  };
}

/** The result an operation row stands for (accepted: pending or done). */
export function resultOf(
  op: OperationRow,
  payment: PaymentRow,
  replayed: boolean,
): OperationResult {
  const status = op.status ?? 0;
  return {
    key: op.idempotency_key,
    kind: op.kind,
    operation: op.operation,
    amount: Number(op.amount_minor),
    currency: payment.currency,
    final: op.final,
    state: op.state === 'done' ? 'done' : 'pending',
    status,
    statusName: describeStatus(status).name,
    step: op.step,
    replayed,
    payment: paymentRecord(payment),
  };
}

function keyReused(
  op: OperationRow,
  paymentId: string,
  kind: OperationKind,
  r: Requested,
): boolean {
  return (
    op.payment_id !== paymentId ||
    op.kind !== kind ||
    (r.amount !== undefined && r.amount !== Number(op.amount_minor)) ||
    (kind !== 'cancel' && r.final !== undefined && r.final !== op.final)
  );
}

function refusedByOgone(op: OperationRow): OgoneOperationError {
  return new OgoneOperationError(
    'platform-refused',
    `Ogone refused the ${op.kind} (STATUS ${op.status ?? 0}, NCERROR ${op.nc_error ?? '?'}).`,
    { key: op.idempotency_key, ncError: op.nc_error ?? undefined },
  );
}

async function prepare(
  ctx: OperationsContext,
  tx: Queryable,
  paymentId: string,
  kind: OperationKind,
  key: string,
  requested: Requested,
): Promise<Prepared> {
  const payment = (await lockPayment(tx, paymentId))!;
  const now = ctx.now();
  const ops = await refreshOperations(tx, paymentId, now);
  const mine = ops.find((op) => op.idempotency_key === key) ?? (await operationByKey(tx, key));
  if (mine !== undefined) {
    if (keyReused(mine, paymentId, kind, requested)) {
      throw new OgoneOperationError(
        'idempotency-key-reused',
        'This idempotency key was used for another operation (payment, kind or amount).',
        { key },
      );
    }
    if (mine.state === 'pending' || mine.state === 'done')
      return { do: 'replay', op: mine, payment };
    if (mine.state === 'refused') throw refusedByOgone(mine);
    if (mine.state === 'uncertain') return { do: 'recover', op: mine, payment };
    if (mine.state === 'sent') {
      const stale = summarize([factsOf(mine)], now, ctx.inFlightMs).unresolved;
      return stale ? { do: 'recover', op: mine, payment } : { do: 'wait' };
    }
  }
  const others = ops.filter((op) => op.idempotency_key !== key);
  const open = summarize(others.map(factsOf), now, ctx.inFlightMs);
  if (open.busy) return { do: 'wait' };
  const facts = paymentFacts(payment);
  const verdict =
    kind === 'capture'
      ? decideCapture(facts, open, requested)
      : kind === 'cancel'
        ? decideCancel(facts, open)
        : decideRefund(facts, open, requested);
  if (!verdict.ok) {
    const { code, message, availableMinor } = verdict.refusal;
    throw new OgoneOperationError(code, `Cannot ${kind} ${payment.order_id}: ${message}.`, {
      paymentId,
      orderId: payment.order_id,
      key,
      availableMinor,
    });
  }
  const { decision } = verdict;
  const step = (await lastKnownStep(tx, paymentId, payment.state_step, others)) + 1;
  const op = await markSent(tx, {
    key,
    paymentId,
    kind,
    operation: decision.operation,
    amountMinor: decision.amountMinor,
    final: decision.final,
    step,
    now: new Date(now),
  });
  return { do: 'send', op, payment };
}

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

async function send(ctx: OperationsContext, op: OperationRow, payment: PaymentRow) {
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

/** Runs one capture, cancel or refund; see the file comment. */
export async function runOperation(
  ctx: OperationsContext,
  kind: OperationKind,
  reference: string,
  request: OperationRequest = {},
): Promise<OperationResult> {
  const driver = requireLedger(ctx);
  const client = requireApiUser(ctx);
  const key = request.key ?? randomUUID();
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new OgoneOperationError('invalid-request', 'key must be 1-100 visible ASCII characters.');
  }
  const target = await findTarget(driver, reference);
  const requested: Requested = { amount: request.amount, final: request.final };
  const started = Date.now();
  let pause = 20;
  for (;;) {
    const next = await driver.transaction((tx) =>
      prepare(ctx, tx, target.id, kind, key, requested),
    );
    if (next.do === 'send') return send(ctx, next.op, next.payment);
    if (next.do === 'replay') return resultOf(next.op, next.payment, true);
    if (next.do === 'recover') {
      const op = await recoverOperation(driver, client, next.op, next.payment.pay_id, ctx.now);
      if (op.state === 'uncertain') {
        throw new OgoneOperationError(
          'outcome-unknown',
          `Whether the ${kind} went through is still unknown; a later status query resolves it.`,
          { paymentId: target.id, key },
        );
      }
      continue; // replayed when it went through, sent again only when it was not applied
    }
    if (Date.now() - started > ctx.waitMs) {
      throw new OgoneOperationError(
        'operation-in-progress',
        `Another operation on ${target.order_id} is waiting for Ogone's answer; retry later.`,
        { paymentId: target.id, key },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
  }
}
