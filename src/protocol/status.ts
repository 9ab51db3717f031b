/**
 * What a STATUS means for the shop. Checkout outcomes first, then after-sale ones (void = cancel an
 * authorisation, deletion = cancel a payment, refund).
 */
export type Outcome =
  | 'invalid'
  | 'cancelled'
  | 'refused'
  | 'pending'
  | 'authorized'
  | 'uncertain'
  | 'paid'
  | 'voided'
  | 'void-pending'
  | 'void-uncertain'
  | 'void-refused'
  | 'deleted'
  | 'deletion-pending'
  | 'deletion-uncertain'
  | 'deletion-refused'
  | 'refunded'
  | 'refund-pending'
  | 'refund-uncertain'
  | 'refund-refused'
  | 'refund-reversed'
  | 'unknown';

export const OUTCOMES: readonly Outcome[] = [
  'invalid',
  'cancelled',
  'refused',
  'pending',
  'authorized',
  'uncertain',
  'paid',
  'voided',
  'void-pending',
  'void-uncertain',
  'void-refused',
  'deleted',
  'deletion-pending',
  'deletion-uncertain',
  'deletion-refused',
  'refunded',
  'refund-pending',
  'refund-uncertain',
  'refund-refused',
  'refund-reversed',
  'unknown',
];

/** A STATUS code explained. `final`: Ogone will not move this payment on by itself. */
export interface StatusInfo {
  code: number;
  name: string;
  outcome: Outcome;
  final: boolean;
}

type Row = readonly [name: string, outcome: Outcome, final: boolean];

/** Every STATUS in Ogone's table (protocol notes §6). */
export const STATUS_TABLE: Readonly<Record<number, Row>> = {
  0: ['Invalid or incomplete', 'invalid', true],
  1: ['Cancelled by customer', 'cancelled', true],
  2: ['Authorisation refused', 'refused', true],
  4: ['Order stored', 'pending', false],
  40: ['Stored, waiting external result', 'pending', false],
  41: ['Waiting for client payment', 'pending', false],
  46: ['Waiting authentication', 'pending', false],
  5: ['Authorised', 'authorized', true],
  50: ['Authorised, waiting external result', 'pending', false],
  51: ['Authorisation waiting', 'pending', false],
  52: ['Authorisation not known', 'uncertain', false],
  55: ['Standby', 'pending', false],
  56: ['OK with scheduled payments', 'pending', false],
  57: ['Not OK with scheduled payments', 'refused', true],
  59: ['Authorisation to be requested manually', 'pending', false],
  6: ['Authorised and cancelled', 'voided', true],
  61: ['Authorisation deletion waiting', 'void-pending', false],
  62: ['Authorisation deletion uncertain', 'void-uncertain', false],
  63: ['Authorisation deletion refused', 'void-refused', true],
  64: ['Authorised and cancelled', 'voided', true],
  7: ['Payment deleted', 'deleted', true],
  71: ['Payment deletion pending', 'deletion-pending', false],
  72: ['Payment deletion uncertain', 'deletion-uncertain', false],
  73: ['Payment deletion refused', 'deletion-refused', true],
  74: ['Payment deleted', 'deleted', true],
  75: ['Deletion handled by merchant', 'deleted', true],
  8: ['Refund', 'refunded', true],
  81: ['Refund pending', 'refund-pending', false],
  82: ['Refund uncertain', 'refund-uncertain', false],
  83: ['Refund refused', 'refund-refused', true],
  84: ['Refund', 'refunded', true],
  85: ['Refund handled by merchant', 'refunded', true],
  9: ['Payment requested', 'paid', true],
  91: ['Payment processing', 'pending', false],
  92: ['Payment uncertain', 'uncertain', false],
  93: ['Payment refused', 'refused', true],
  94: ['Refund declined by the acquirer', 'refund-refused', true],
  95: ['Payment handled by merchant', 'paid', true],
  96: ['Refund reversed', 'refund-reversed', true],
  99: ['Being processed', 'pending', false],
};

/** Explains a STATUS code. Unknown or malformed codes give outcome `unknown`; never throws. */
export function describeStatus(code: number | string): StatusInfo {
  const text = typeof code === 'number' ? String(code) : String(code).trim();
  const numeric = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  const row = Number.isInteger(numeric) ? STATUS_TABLE[numeric] : undefined;
  if (!row) {
    return {
      code: Number.isInteger(numeric) ? numeric : -1,
      name: 'Unknown status',
      outcome: 'unknown',
      final: false,
    };
  }
  const [name, outcome, final] = row;
  return { code: numeric, name, outcome, final };
}

/** Outcomes where the shopper may be told the payment went through. */
export function isSuccessOutcome(outcome: Outcome): outcome is 'paid' | 'authorized' {
  return outcome === 'paid' || outcome === 'authorized';
}
