/**
 * What a payment outcome means for the shopper's receipt: successes and later after-sale states
 * of one are `paid`; `unknown` is treated as uncertain (never pay again). Part of the return half.
 */
import type { Outcome } from '../protocol/status.js';
import type { Receipt } from './phase.js';

const RECEIPTS: Readonly<Record<Outcome, Receipt>> = {
  invalid: 'refused',
  cancelled: 'cancelled',
  refused: 'refused',
  pending: 'pending',
  authorized: 'paid',
  uncertain: 'uncertain',
  paid: 'paid',
  voided: 'paid',
  'void-pending': 'paid',
  'void-uncertain': 'paid',
  'void-refused': 'paid',
  deleted: 'paid',
  'deletion-pending': 'paid',
  'deletion-uncertain': 'paid',
  'deletion-refused': 'paid',
  refunded: 'paid',
  'refund-pending': 'paid',
  'refund-uncertain': 'paid',
  'refund-refused': 'paid',
  'refund-reversed': 'paid',
  unknown: 'uncertain',
};

export function receiptOf(outcome: Outcome): Receipt {
  return RECEIPTS[outcome];
}
