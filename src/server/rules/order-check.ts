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

/** `matched`, `amount-mismatch`, or `unknown-order` when the backend does not know the order. */
export function orderCheck(order: CheckedOrder | null, result: PaymentResult): OrderCheck {
  if (order === null) return 'unknown-order';
  return orderMatches(order, result) ? 'matched' : 'amount-mismatch';
}
