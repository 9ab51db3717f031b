/** What an operation row stands for: the rules' view of its payment, its result, Ogone's refusal. */
import { describeStatus } from '../../protocol/status.js';
import type { PaymentRow } from '../ledger/payments.js';
import { paymentRecord } from '../ledger/payments-read.js';
import { OgoneOperationError } from './errors.js';
import type { PaymentFacts } from './rules.js';
import type { OperationRow } from './store.js';
import type { OperationResult } from './types.js';

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

export function refusedByOgone(op: OperationRow): OgoneOperationError {
  return new OgoneOperationError(
    'platform-refused',
    `Ogone refused the ${op.kind} (STATUS ${op.status ?? 0}, NCERROR ${op.nc_error ?? '?'}).`,
    { key: op.idempotency_key, ncError: op.nc_error ?? undefined },
  );
}
