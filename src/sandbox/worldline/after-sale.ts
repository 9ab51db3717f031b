/**
 * Capture, cancel and refund on a sandbox payment: the platform's rules (partial captures with
 * `isFinal`, "If left empty, the full amount will be captured and the request will be final";
 * refunds "as long as the total amount to be refunded does not exceed the total amount that was
 * paid"), the documented HTTP codes (201, 200, 201) and refusals. Applies the change on success.
 */
import type { ApiErrorName } from './api-errors.js';
import {
  compactTime,
  openAmount,
  paymentJson,
  type OperationRecord,
  type SandboxPayment,
} from './payment-model.js';

export type AfterSale =
  | { ok: true; status: number; body: Record<string, unknown>; event: string }
  | { ok: false; error: ApiErrorName; message?: string; propertyName?: string };

const MAX_AMOUNT = 999_999_999_999;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `undefined` when absent, `'invalid'` when not a whole amount from 1 to the OAS maximum. */
function amountField(value: unknown): number | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= 1 &&
    value <= MAX_AMOUNT
    ? value
    : 'invalid';
}

function record(
  payment: SandboxPayment,
  kind: OperationRecord['kind'],
  amount: number,
  status: string,
  statusCode: number,
  now: Date,
): OperationRecord {
  const operation = {
    id: `${payment.base}_${payment.operations.length}`,
    kind,
    amount,
    status,
    statusCode,
    at: now,
  };
  payment.operations.push(operation);
  payment.changedAt = now;
  return operation;
}

const money = (amount: number, currency: string) => ({ amount, currencyCode: currency });

/** `POST payments/{id}/capture` → 201 `captureResponse`. */
export function capture(payment: SandboxPayment, body: unknown, now: Date): AfterSale {
  const input = isRecord(body) ? body : {};
  const amount = amountField(input.amount);
  if (amount === 'invalid') return { ok: false, error: 'invalid-request', propertyName: 'amount' };
  if (input.isFinal !== undefined && typeof input.isFinal !== 'boolean') {
    return { ok: false, error: 'invalid-request', propertyName: 'isFinal' };
  }
  const open = openAmount(payment);
  if (open === 0) return { ok: false, error: 'not-allowed' };
  if (amount !== undefined && amount > open) {
    return { ok: false, error: 'amount-too-high', propertyName: 'amount' };
  }
  const captured = amount ?? open;
  payment.captured += captured;
  if (amount === undefined || input.isFinal === true || openAmount(payment) === 0)
    payment.closed = true;
  const operation = record(payment, 'capture', captured, 'CAPTURED', 9, now);
  return {
    ok: true,
    status: 201,
    event: 'payment.captured',
    body: {
      id: operation.id,
      status: 'CAPTURED',
      statusOutput: { statusCode: 9 },
      captureOutput: {
        amountOfMoney: money(captured, payment.currency),
        acquiredAmount: money(captured, payment.currency),
        references: { merchantReference: payment.merchantReference },
        paymentMethod: 'card',
      },
    },
  };
}

/** `POST payments/{id}/cancel` → 200 `cancelPaymentResponse`; 409 once the payment is closed. */
export function cancel(payment: SandboxPayment, body: unknown, now: Date): AfterSale {
  const input = isRecord(body) ? body : {};
  const money = isRecord(input.amountOfMoney) ? input.amountOfMoney : undefined;
  const amount = amountField(money?.amount);
  if (amount === 'invalid')
    return { ok: false, error: 'invalid-request', propertyName: 'amountOfMoney.amount' };
  if (money !== undefined && money.currencyCode !== payment.currency) {
    return { ok: false, error: 'invalid-request', propertyName: 'amountOfMoney.currencyCode' };
  }
  const open = openAmount(payment);
  if (open === 0) {
    return {
      ok: false,
      error: 'not-allowed',
      message: 'Cancellation is not allowed because payment is closed.',
    };
  }
  if (amount !== undefined && amount > open) {
    return { ok: false, error: 'amount-too-high', propertyName: 'amountOfMoney.amount' };
  }
  const released = amount ?? open;
  payment.released += released;
  if (amount === undefined || input.isFinal === true || openAmount(payment) === 0)
    payment.closed = true;
  record(payment, 'cancel', released, 'CANCELLED', 6, now);
  return {
    ok: true,
    status: 200,
    event: 'payment.cancelled',
    body: { payment: paymentJson(payment) },
  };
}

/** `POST payments/{id}/refund` → 201 `refundResponse`; an over-refund is a 400. */
export function refund(payment: SandboxPayment, body: unknown, now: Date): AfterSale {
  const input = isRecord(body) ? body : {};
  const money = isRecord(input.amountOfMoney) ? input.amountOfMoney : undefined;
  const amount = amountField(money?.amount);
  if (amount === undefined || amount === 'invalid') {
    return { ok: false, error: 'invalid-request', propertyName: 'amountOfMoney.amount' };
  }
  if (money?.currencyCode !== payment.currency) {
    return { ok: false, error: 'invalid-request', propertyName: 'amountOfMoney.currencyCode' };
  }
  if (
    input.reason !== undefined &&
    (typeof input.reason !== 'string' || input.reason.length > 100)
  ) {
    return { ok: false, error: 'invalid-request', propertyName: 'reason' };
  }
  if (payment.phase !== 'authorized' || payment.captured === 0)
    return { ok: false, error: 'refund-not-allowed' };
  const refundable = payment.captured - payment.refunded;
  if (amount > refundable) {
    return {
      ok: false,
      error: 'amount-too-high',
      message: 'The total amount to be refunded would exceed the total amount that was paid.',
      propertyName: 'amountOfMoney.amount',
    };
  }
  payment.refunded += amount;
  const operation = record(payment, 'refund', amount, 'REFUNDED', 8, now);
  return {
    ok: true,
    status: 201,
    event: 'payment.refunded',
    body: {
      id: operation.id,
      status: 'REFUNDED',
      statusOutput: {
        isCancellable: false,
        statusCategory: 'REFUNDED',
        statusCode: 8,
        statusCodeChangeDateTime: compactTime(now),
      },
      refundOutput: {
        amountOfMoney: { amount, currencyCode: payment.currency },
        references: { merchantReference: payment.merchantReference },
        paymentMethod: 'card',
        cardRefundMethodSpecificOutput: {
          totalAmountPaid: payment.captured,
          totalAmountRefunded: payment.refunded,
        },
      },
    },
  };
}
