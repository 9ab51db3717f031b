/** How a verified result compares with the order the merchant's backend knows. */
import type { PaymentResult } from '../../contract/types.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import type { OrderCheck, TrustedOrder } from '../types.js';

/** An order that passed validation, with its amount in minor units. */
export interface CheckedOrder {
  order: TrustedOrder;
  minor: string;
}

/** Same amount (to the cent) and currency. */
export function orderMatches({ order, minor }: CheckedOrder, result: PaymentResult): boolean {
  if (order.currency !== result.currency) return false;
  try {
    return toOgoneAmount(result.amount) === minor;
  } catch {
    return false;
  }
}

/** An after-sale step (a partial capture or refund) moves at most the order's amount. */
function stepFits({ order, minor }: CheckedOrder, result: PaymentResult): boolean {
  if (order.currency !== result.currency) return false;
  try {
    return BigInt(toOgoneAmount(result.amount)) <= BigInt(minor);
  } catch {
    return false;
  }
}

/**
 * `matched`, `amount-mismatch`, or `unknown-order` when the backend does not know the order.
 * For an after-sale step (`step` = PAYIDSUB > 0) the amount is the step's own: it matches when
 * it is at most the order's, in its currency.
 */
export function orderCheck(
  order: CheckedOrder | null,
  result: PaymentResult,
  step = 0,
): OrderCheck {
  if (order === null) return 'unknown-order';
  const fits = step > 0 ? stepFits(order, result) : orderMatches(order, result);
  return fits ? 'matched' : 'amount-mismatch';
}
