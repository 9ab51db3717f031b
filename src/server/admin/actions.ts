/**
 * Which buttons a payment's page shows (Capture, Cancel, Refund) and up to which amount: a pure
 * rule on the ledger's state. The operations check again before sending; this only avoids
 * offering what they would refuse.
 */
import { describeStatus } from '../../protocol/status.js';

export interface ActionFacts {
  status: number | null;
  amountMinor: bigint;
  capturedMinor: bigint;
  refundedMinor: bigint;
  /** False when the endpoint has no operations (no API user): nothing can be done from the page. */
  operationsAvailable: boolean;
}

export interface AllowedActions {
  /** Most that can be captured now (minor units), or `null` when Capture is not offered. */
  capture: bigint | null;
  /** True when the authorisation can be cancelled. */
  cancel: boolean;
  /** Most that can be refunded now (minor units), or `null`. */
  refund: bigint | null;
  /** True when asking Ogone for the status can help (no answer yet, waiting or unclear). */
  check: boolean;
  /** Why no money can be moved now, in plain words (`null` when something can). */
  reason: string | null;
}

const NONE = { capture: null, cancel: false, refund: null, check: false } as const;
const ASK = { ...NONE, check: true } as const;

export function allowedActions(facts: ActionFacts): AllowedActions {
  if (!facts.operationsAvailable) {
    return {
      ...NONE,
      reason: 'Capture, cancel and refund are off: the endpoint has no API user (directLink).',
    };
  }
  if (facts.status === null) {
    return { ...ASK, reason: 'The bank has not answered yet. You can ask Ogone for the status.' };
  }
  const { outcome } = describeStatus(facts.status);
  if (outcome.endsWith('pending') || outcome === 'pending') {
    return { ...ASK, reason: 'Waiting for the bank. This page updates when it answers.' };
  }
  if (outcome.endsWith('uncertain') || outcome === 'unknown') {
    return { ...ASK, reason: 'The bank’s answer is unclear. Ask Ogone for the status.' };
  }
  const uncaptured = facts.amountMinor - facts.capturedMinor;
  const unrefunded = facts.capturedMinor - facts.refundedMinor;
  const authorised = outcome === 'authorized';
  const partlyCaptured = outcome === 'paid' && facts.capturedMinor > 0n && uncaptured > 0n;
  const capture = (authorised || partlyCaptured) && uncaptured > 0n ? uncaptured : null;
  const cancel = authorised && facts.capturedMinor === 0n;
  const refundable = outcome === 'paid' || outcome === 'refunded' || outcome === 'refund-refused';
  const refund = refundable && unrefunded > 0n ? unrefunded : null;
  const reason =
    capture === null && !cancel && refund === null
      ? 'Nothing more can be done with this payment.'
      : null;
  return { capture, cancel, refund, check: false, reason };
}
