/**
 * A DirectLink answer (an operation's own, or a status query's) recorded in the ledger like a
 * feedback: as an event under the same idempotency key a feedback of that step would have
 * (`ORDERID:PAYID:PAYIDSUB:STATUS`, so the later feedback is a duplicate), through the state
 * machine, with its delivery to the merchant enqueued.
 */
import type { PaymentResult } from '../../contract/types.js';
import { fromOgoneAmount } from '../../protocol/amount.js';
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import { describeStatus } from '../../protocol/status.js';
import type { Queryable } from '../ledger/drivers/driver.js';
import type { PaymentRow } from '../ledger/payments.js';
import { recordInTransaction, type RecordedResult } from '../ledger/record-result.js';
import { stageOf } from '../ledger/state-machine.js';
import { deliveryPayload } from '../routes/result-delivery.js';

/** The attributes kept with the event (the answer is not signed; nothing secret is in it). */
const KEPT = ['orderID', 'PAYID', 'PAYIDSUB', 'STATUS', 'NCERROR', 'NCERRORPLUS', 'ACCEPTANCE'];

const NO_HEADERS = { get: (): null => null };

/** PAYIDSUB as a step (0 when absent or not digits). */
export function stepOf(answer: DirectLinkAnswer): number {
  const raw = answer.payIdSub ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
}

/** The answer as a result of `row`'s payment; `undefined` for a STATUS the ledger cannot record. */
export function resultOfAnswer(
  row: PaymentRow,
  answer: DirectLinkAnswer,
  fallbackMinor: string,
): { result: PaymentResult; step: number; params: Record<string, string> } | undefined {
  const status = answer.status;
  if (status === undefined || status === 0 || stageOf(status) === undefined) return undefined;
  const info = describeStatus(status);
  const payId = answer.payId !== undefined && answer.payId !== '0' ? answer.payId : row.pay_id;
  const step = stepOf(answer);
  const result: PaymentResult = {
    outcome: info.outcome,
    status: info.code,
    statusName: info.name,
    final: info.final,
    orderRef: row.order_ref,
    orderId: row.order_id,
    payId,
    amount: fromOgoneAmount(answer.minorAmount ?? fallbackMinor),
    currency: (answer.currency ?? row.currency).toUpperCase(),
    ncError: answer.ncError ?? '0',
    idempotencyKey: `${row.order_id}:${payId}:${step}:${status}`,
  };
  if (answer.cardNumber !== undefined) result.cardNumber = answer.cardNumber;
  if (answer.brand !== undefined) result.brand = answer.brand;
  const params: Record<string, string> = {};
  for (const name of KEPT) {
    const value = answer.attributes[name.toUpperCase()];
    if (value !== undefined && value !== '') params[name] = value;
  }
  if (answer.amount !== undefined) params['amount'] = answer.amount;
  return { result, step, params };
}

/**
 * Records the answer in the caller's transaction (its payment locked); `undefined` when its
 * STATUS is not one to record (0, 88, unknown).
 */
export async function recordAnswer(
  tx: Queryable,
  row: PaymentRow,
  answer: DirectLinkAnswer,
  source: 'directlink' | 'query',
  fallbackMinor: string,
): Promise<RecordedResult | undefined> {
  const read = resultOfAnswer(row, answer, fallbackMinor);
  if (read === undefined) return undefined;
  const { result, step, params } = read;
  return recordInTransaction(tx, {
    source,
    // The payment's own platform (Ogone, or Worldline Direct behind the same interface).
    provider: row.provider,
    result,
    step,
    params,
    customerId: undefined,
    mayRecordCard: false,
    // DirectLink answers are not signed (they came over TLS from the configured host): the
    // merchant gets them with no signed parameters; the operation was the merchant's own.
    payload: (disposition, paymentStatus) =>
      deliveryPayload(
        {
          ...result,
          orderCheck: 'matched',
          signedParams: {},
          ledger: { disposition, paymentStatus },
        },
        { method: 'POST', url: '', headers: NO_HEADERS },
      ),
  });
}
