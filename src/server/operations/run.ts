/**
 * Capture, cancel and refund: the idempotency key looked up and the rules checked with the
 * payment's row locked, the operation recorded as sent, then sent, then its answer recorded
 * (ledger event, operation state, merchant delivery). A lost answer is resolved by querydirect
 * at the operation's step, never by a blind resend.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../ledger/drivers/driver.js';
import type { PaymentRow } from '../ledger/payments.js';
import { findTarget, requireApiUser, requireLedger, type OperationsContext } from './context.js';
import { OgoneOperationError } from './errors.js';
import { summarize } from './open-operations.js';
import { recoverOperation } from './recover.js';
import { factsOf, lastKnownStep, refreshOperations } from './refresh.js';
import {
  decideCancel,
  decideCapture,
  decideRefund,
  type OperationKind,
  type Requested,
} from './rules.js';
import { paymentFacts, refusedByOgone, resultOf } from './results.js';
import { send } from './send.js';
import { lockPayment, markSent, operationByKey, type OperationRow } from './store.js';
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
