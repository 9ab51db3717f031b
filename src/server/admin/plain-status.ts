/**
 * Plain words for a payment's state on the payments page: a short label, a tone, whether it needs
 * a person, and the list filters. Pure; built on the protocol's status table (outcomes).
 */
import { describeStatus, type Outcome } from '../../protocol/status.js';

/** How a state looks: `good` (money is where it should be), `waiting`, `attention`, `bad`, `neutral`. */
export type Tone = 'good' | 'waiting' | 'attention' | 'bad' | 'neutral';

export interface PlainStatus {
  label: string;
  tone: Tone;
}

const BY_OUTCOME: Readonly<Record<Outcome, PlainStatus>> = {
  invalid: { label: 'Not completed', tone: 'neutral' },
  cancelled: { label: 'Cancelled by the shopper', tone: 'neutral' },
  refused: { label: 'Refused by the bank', tone: 'bad' },
  pending: { label: 'Waiting for the bank', tone: 'waiting' },
  authorized: { label: 'Authorised, not captured yet', tone: 'waiting' },
  uncertain: { label: 'Unclear, needs checking', tone: 'attention' },
  paid: { label: 'Captured', tone: 'good' },
  voided: { label: 'Cancelled', tone: 'neutral' },
  'void-pending': { label: 'Cancelling, waiting for the bank', tone: 'waiting' },
  'void-uncertain': { label: 'Cancel unclear, needs checking', tone: 'attention' },
  'void-refused': { label: 'Cancel refused', tone: 'bad' },
  deleted: { label: 'Cancelled', tone: 'neutral' },
  'deletion-pending': { label: 'Cancelling, waiting for the bank', tone: 'waiting' },
  'deletion-uncertain': { label: 'Cancel unclear, needs checking', tone: 'attention' },
  'deletion-refused': { label: 'Cancel refused', tone: 'bad' },
  refunded: { label: 'Refunded', tone: 'neutral' },
  'refund-pending': { label: 'Refund waiting for the bank', tone: 'waiting' },
  'refund-uncertain': { label: 'Refund unclear, needs checking', tone: 'attention' },
  'refund-refused': { label: 'Refund refused', tone: 'bad' },
  'refund-reversed': { label: 'Refund reversed', tone: 'attention' },
  unknown: { label: 'Unknown state', tone: 'attention' },
};

/** Finer words for a few codes where the outcome alone says too little. */
const BY_CODE: Readonly<Record<number, PlainStatus>> = {
  41: { label: 'Waiting for the shopper to pay', tone: 'waiting' },
  46: { label: "Waiting for the shopper's bank check", tone: 'waiting' },
  91: { label: 'Capturing, waiting for the bank', tone: 'waiting' },
  95: { label: 'Marked as paid by the shop', tone: 'good' },
};

/** The amounts that refine a label (minor units). */
export interface PlainAmounts {
  amountMinor: bigint;
  capturedMinor: bigint;
  refundedMinor: bigint;
}

/** A payment's label and tone from its STATUS (`null`: no message from the platform yet). */
export function plainStatus(status: number | null, amounts?: PlainAmounts): PlainStatus {
  if (status === null) return { label: 'No answer from the bank yet', tone: 'waiting' };
  const { outcome } = describeStatus(status);
  if (amounts !== undefined) {
    if (outcome === 'refunded' && amounts.refundedMinor < amounts.capturedMinor) {
      return { label: 'Partly refunded', tone: 'neutral' };
    }
    if (outcome === 'paid' && amounts.capturedMinor < amounts.amountMinor) {
      return { label: 'Partly captured', tone: 'good' };
    }
  }
  return BY_CODE[status] ?? BY_OUTCOME[outcome];
}

/** Outcomes a person must look at, whatever their age (the bank's answer is not known). */
export const UNCERTAIN_OUTCOMES: readonly Outcome[] = [
  'uncertain',
  'void-uncertain',
  'deletion-uncertain',
  'refund-uncertain',
  'refund-reversed',
  'unknown',
];

/** Outcomes that should move on by themselves; stale after a while. */
export const WAITING_OUTCOMES: readonly Outcome[] = [
  'pending',
  'void-pending',
  'deletion-pending',
  'refund-pending',
];

/** The list's filters, in the order the page shows them. */
export const FILTERS = [
  { id: 'all', label: 'All' },
  { id: 'attention', label: 'Needs attention' },
  { id: 'authorised', label: 'To capture' },
  { id: 'waiting', label: 'Waiting for the bank' },
  { id: 'captured', label: 'Captured' },
  { id: 'refunded', label: 'Refunded' },
  { id: 'cancelled', label: 'Cancelled' },
  { id: 'failed', label: 'Refused or not completed' },
] as const;

export type FilterId = (typeof FILTERS)[number]['id'];

export function isFilterId(value: string): value is FilterId {
  return FILTERS.some((filter) => filter.id === value);
}

/** The outcomes of a filter (`attention` also takes stale waiting ones; see the search). */
export const FILTER_OUTCOMES: Readonly<Record<Exclude<FilterId, 'all'>, readonly Outcome[]>> = {
  attention: UNCERTAIN_OUTCOMES,
  authorised: ['authorized'],
  waiting: WAITING_OUTCOMES,
  captured: ['paid'],
  refunded: ['refunded'],
  cancelled: ['voided', 'deleted', 'cancelled'],
  failed: ['refused', 'invalid', 'void-refused', 'deletion-refused', 'refund-refused'],
};

/**
 * Whether a payment needs a person: its outcome is uncertain, or it has waited (or had no answer
 * at all) for longer than `staleAfterMs`.
 */
export function needsAttention(
  status: number | null,
  updatedAt: Date,
  now: Date,
  staleAfterMs: number,
): boolean {
  const outcome = status === null ? null : describeStatus(status).outcome;
  if (outcome !== null && UNCERTAIN_OUTCOMES.includes(outcome)) return true;
  const waiting = outcome === null || WAITING_OUTCOMES.includes(outcome);
  return waiting && now.getTime() - updatedAt.getTime() > staleAfterMs;
}
