/** Recording what the platform did: a payment (PAYIDSUB 0) and, when one was made, its alias. */
import type { SandboxContext } from '../context.js';
import type { Outcome } from '../hosted-page/acquirer.js';
import type { PaymentRecord } from '../state/payments.js';

/** A payment as recorded, before its first step. */
export type NewPayment = Omit<PaymentRecord, 'steps'>;

/** Records a payment with its first step (the acquirer's outcome) and returns it. */
export function recordPayment(
  context: SandboxContext,
  fields: NewPayment,
  outcome: Outcome,
): PaymentRecord {
  const payment: PaymentRecord = {
    ...fields,
    steps: [
      {
        payIdSub: 0,
        kind: 'payment',
        operation: fields.operation,
        amountMinor: fields.amountMinor,
        status: outcome.status,
        ncError: outcome.ncError,
        acceptance: outcome.acceptance,
      },
    ],
  };
  context.payments.add(payment);
  return payment;
}

/** Remembers the alias of a successful payment (masked card, brand, expiry, behaviour). */
export function rememberAlias(context: SandboxContext, payment: PaymentRecord): void {
  if (payment.alias === undefined || payment.card === undefined) return;
  context.aliases.remember({ ...payment.card, pspid: payment.pspid, alias: payment.alias });
}
