/**
 * What a DirectLink answer to `/pay` means for the shopper: a result (with the reason of a
 * refusal in plain words), a 3-D Secure challenge to serve, or the hosted page instead (NCERROR
 * 40001139); and the answer as the `PaymentResult` the ledger records. Pure.
 */
import type { PaymentResult } from '../../contract/types.js';
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import { NCERROR } from '../../protocol/directlink-ncerror.js';
import { fromOgoneAmount } from '../../protocol/amount.js';
import { describeStatus } from '../../protocol/status.js';

export type PayDecision =
  | { kind: 'result'; reason: string | undefined }
  | { kind: 'challenge'; html: string }
  | { kind: 'fallback' };

/** Plain words for a refused or invalid payment, by NCERROR where it says more than STATUS. */
const INVALID_REASONS: Readonly<Record<string, string>> = {
  [NCERROR.dataError]:
    'The payment platform no longer knows this saved card. Choose another card or pay with a new one.',
  [NCERROR.alreadyProcessed]:
    'The payment platform had already processed this payment attempt; check the order before paying again.',
};

export const REFUSED_REASON =
  'Your bank refused the payment with this card. Choose another card or pay with a new one.';
export const INVALID_REASON =
  'The payment platform could not process the payment with this card. Choose another card or pay with a new one.';
export const AUTHENTICATION_FAILED_REASON =
  'The payment was not authenticated with your bank. Choose another card or pay with a new one.';

/** The reason a shopper reads for a refused (2, 57, 93) or invalid (0) status; else `undefined`. */
export function refusalReason(status: number, ncError: string | undefined): string | undefined {
  const outcome = describeStatus(status).outcome;
  if (outcome === 'refused') return REFUSED_REASON;
  if (outcome !== 'invalid') return undefined;
  return (ncError !== undefined ? INVALID_REASONS[ncError] : undefined) ?? INVALID_REASON;
}

/** Decides on STATUS and NCERROR (never NCSTATUS). A 46 without HTML stays a pending result. */
export function payDecision(answer: DirectLinkAnswer): PayDecision {
  if (answer.ncError === NCERROR.threeDSecureRequired) return { kind: 'fallback' };
  if (answer.status === 46 && answer.htmlAnswer !== undefined) {
    return { kind: 'challenge', html: answer.htmlAnswer };
  }
  return { kind: 'result', reason: refusalReason(answer.status ?? 0, answer.ncError) };
}

/** What the result needs besides the answer: the attempt as it was sent. */
export interface AttemptFacts {
  orderRef: string;
  orderId: string;
  /** The order's amount, minor units (used when the answer carries none). */
  minorAmount: string;
  currency: string;
}

/**
 * The answer as a `PaymentResult`, keyed like the feedback of the same status would be
 * (`ORDERID:PAYID:0:STATUS`) so that the later feedback is recognised as the same message.
 */
export function resultOfAnswer(answer: DirectLinkAnswer, attempt: AttemptFacts): PaymentResult {
  const status = describeStatus(answer.status ?? 0);
  const payId = answer.payId ?? '';
  const minor = answer.minorAmount ?? attempt.minorAmount;
  const result = {
    outcome: status.outcome,
    status: status.code,
    statusName: status.name,
    final: status.final,
    orderRef: attempt.orderRef,
    orderId: attempt.orderId,
    payId,
    amount: fromOgoneAmount(minor),
    currency: answer.currency?.toUpperCase() ?? attempt.currency,
    ncError: answer.ncError ?? '0',
    idempotencyKey: `${attempt.orderId}:${payId}:0:${status.code}`,
  } as PaymentResult;
  if (answer.alias !== undefined) result.alias = answer.alias;
  if (answer.cardNumber !== undefined) result.cardNumber = answer.cardNumber;
  if (answer.brand !== undefined) result.brand = answer.brand;
  return result;
}

/** The answer's attributes worth keeping with the event (never card data beyond the mask). */
export function answerParams(answer: DirectLinkAnswer): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.attributes)) {
    if (value !== '') keep[name] = value;
  }
  return keep;
}
