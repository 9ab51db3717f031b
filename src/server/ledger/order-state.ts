/**
 * An order's payment state from its attempts, pure: `paid` beats `uncertain` beats `pending`
 * beats `open`; the payment a state comes from gives the result the element shows.
 */
import type { OrderStatus, PaymentResult } from '../../contract/types.js';
import { fromOgoneAmount } from '../../protocol/amount.js';
import { describeStatus, isSuccessOutcome } from '../../protocol/status.js';
import type { PaymentRow } from './payments.js';
import { stageOf } from './state-machine.js';

type State = OrderStatus['state'];

/** The platform's status of an attempt, else what the shopper's return showed. */
function statusOf(row: PaymentRow): { status: number; key: string } | null {
  if (row.status !== null) return { status: row.status, key: row.state_key ?? '' };
  if (row.return_status !== null) return { status: row.return_status, key: row.return_key ?? '' };
  return null;
}

/** What one attempt says about its order. */
export function attemptState(row: PaymentRow): State {
  const seen = statusOf(row);
  // A saved-card payment on its way, or whose answer was lost: it may have been charged.
  if (seen === null) return row.in_flight === true ? 'uncertain' : 'open';
  if (row.settled_status !== null) return 'paid'; // money was reserved or moved at some point
  const stage = stageOf(seen.status);
  const outcome = describeStatus(seen.status).outcome;
  if (
    isSuccessOutcome(outcome) ||
    (stage !== undefined && !['checkout', 'capture'].includes(stage[0]))
  ) {
    return 'paid';
  }
  if (outcome === 'uncertain') return 'uncertain';
  if (outcome === 'pending' || outcome === 'unknown') return 'pending';
  return 'open';
}

/** An attempt as the `PaymentResult` the element and `/verify` show. */
export function resultOf(row: PaymentRow): PaymentResult | null {
  const seen = statusOf(row);
  if (seen === null) return null;
  const status = describeStatus(seen.status);
  const result = {
    outcome: status.outcome,
    status: status.code,
    statusName: status.name,
    final: status.final,
    orderRef: row.order_ref,
    orderId: row.order_id,
    payId: row.pay_id,
    amount: fromOgoneAmount(row.amount_minor),
    currency: row.currency,
    ncError: row.nc_error ?? '0',
    idempotencyKey: seen.key,
  } as PaymentResult;
  if (row.alias !== null) result.alias = row.alias;
  if (row.card_number !== null) result.cardNumber = row.card_number;
  if (row.brand !== null) result.brand = row.brand;
  if (row.trx_date !== null) result.trxDate = row.trx_date;
  return result;
}

const RANK: Readonly<Record<State, number>> = { open: 0, pending: 1, uncertain: 2, paid: 3 };

/** The order's state over its attempts (oldest first). */
export function orderStatus(orderRef: string, rows: readonly PaymentRow[]): OrderStatus {
  let best: { state: State; row: PaymentRow } | undefined;
  for (const row of rows) {
    const state = attemptState(row);
    // A later attempt wins a tie: the latest refusal, the latest pending attempt.
    if (best === undefined || RANK[state] >= RANK[best.state]) best = { state, row };
  }
  if (best === undefined) return { orderRef, state: 'open', result: null };
  return { orderRef, state: best.state, result: resultOf(best.row) };
}
