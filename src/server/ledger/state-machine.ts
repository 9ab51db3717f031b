/**
 * The payment state machine, pure and table-driven: given a payment's state and an incoming
 * verified status, the next state or `stale`. Final states never regress; after-sale steps are
 * progress; uncertain statuses may resolve to either side (protocol notes §6).
 */
import { STATUS_TABLE } from '../../protocol/status.js';

/**
 * Which operation a STATUS belongs to: the checkout (`checkout`), a capture (`capture`), or an
 * after-sale operation (`void` = cancel an authorisation, `deletion`, `refund`).
 */
export type Operation = 'checkout' | 'capture' | 'void' | 'deletion' | 'refund';

/** How far an operation got: `failed` (checkout only, may be retried on the page) < pending < uncertain < done/refused. */
export type Stage = 'failed' | 'pending' | 'uncertain' | 'refused' | 'done' | 'reversed';

/** Every STATUS of the protocol table, as the operation and stage it reports. */
export const STATUS_STAGES: Readonly<Record<number, readonly [Operation, Stage]>> = {
  0: ['checkout', 'failed'],
  1: ['checkout', 'failed'],
  2: ['checkout', 'failed'],
  57: ['checkout', 'failed'],
  4: ['checkout', 'pending'],
  40: ['checkout', 'pending'],
  41: ['checkout', 'pending'],
  46: ['checkout', 'pending'],
  50: ['checkout', 'pending'],
  51: ['checkout', 'pending'],
  55: ['checkout', 'pending'],
  56: ['checkout', 'pending'],
  59: ['checkout', 'pending'],
  99: ['checkout', 'pending'],
  52: ['checkout', 'uncertain'],
  5: ['checkout', 'done'],
  91: ['capture', 'pending'],
  92: ['capture', 'uncertain'],
  93: ['capture', 'refused'],
  9: ['capture', 'done'],
  95: ['capture', 'done'],
  61: ['void', 'pending'],
  62: ['void', 'uncertain'],
  63: ['void', 'refused'],
  6: ['void', 'done'],
  64: ['void', 'done'],
  71: ['deletion', 'pending'],
  72: ['deletion', 'uncertain'],
  73: ['deletion', 'refused'],
  7: ['deletion', 'done'],
  74: ['deletion', 'done'],
  75: ['deletion', 'done'],
  81: ['refund', 'pending'],
  82: ['refund', 'uncertain'],
  83: ['refund', 'refused'],
  94: ['refund', 'refused'],
  8: ['refund', 'done'],
  84: ['refund', 'done'],
  85: ['refund', 'done'],
  96: ['refund', 'reversed'],
};

/** Order of stages inside one operation (`refused` and `done` are both its end). */
const STAGE_RANK: Readonly<Record<Stage, number>> = {
  failed: 0,
  pending: 1,
  uncertain: 2,
  refused: 3,
  done: 3,
  reversed: 4,
};

/**
 * How an incoming status of one operation relates to the current one of another: `later`
 * (apply), `earlier` (an older message: stale unless its PAYIDSUB step is higher, which makes it
 * a new operation step), `never` (a checkout message after the money moved) or `same` (decided by
 * the stages). `RELATION[current][incoming]`.
 */
type Relation = 'later' | 'earlier' | 'never' | 'same';

const RELATION: Readonly<Record<Operation, Readonly<Record<Operation, Relation>>>> = {
  checkout: {
    checkout: 'same',
    capture: 'later',
    void: 'later',
    deletion: 'later',
    refund: 'later',
  },
  capture: {
    checkout: 'never',
    capture: 'same',
    void: 'later',
    deletion: 'later',
    refund: 'later',
  },
  void: {
    checkout: 'never',
    capture: 'earlier',
    void: 'same',
    deletion: 'earlier',
    refund: 'earlier',
  },
  deletion: {
    checkout: 'never',
    capture: 'earlier',
    void: 'earlier',
    deletion: 'same',
    refund: 'earlier',
  },
  refund: {
    checkout: 'never',
    capture: 'earlier',
    void: 'earlier',
    deletion: 'earlier',
    refund: 'same',
  },
};

/** A payment's state as the ledger keeps it. */
export interface PaymentState {
  /** The last applied status (what later messages are compared with). */
  last: number;
  /** PAYIDSUB of the message that set it (0 when absent): the step in the payment's history. */
  step: number;
  /** The last status where the money was reserved or moved (a `done` stage), or `null`. */
  settled: number | null;
}

/** An incoming verified status and its PAYIDSUB step. */
export interface IncomingStatus {
  status: number;
  step: number;
}

/** The next state, or `stale`: an older message, kept as an event but not applied. */
export type Transition = { kind: 'apply'; next: PaymentState } | { kind: 'stale' };

/** The operation and stage of a status, `undefined` for a status outside the protocol table. */
export function stageOf(status: number): readonly [Operation, Stage] | undefined {
  return Object.hasOwn(STATUS_STAGES, status) ? STATUS_STAGES[status] : undefined;
}

/**
 * The payment's status as the platform shows it: the last applied one, except that a refused
 * capture, cancellation, deletion or refund (93 after an authorisation, 63, 73, 83, 94) leaves
 * the payment where it was (5 or 9).
 */
export function displayedStatus(state: PaymentState): number {
  const stage = stageOf(state.last);
  return stage?.[1] === 'refused' && state.settled !== null ? state.settled : state.last;
}

/** `later`, `earlier` (stale unless a newer step) or `never` (stale whatever the step). */
function compare(current: number, incoming: number): 'later' | 'earlier' | 'never' {
  const a = stageOf(current);
  const b = stageOf(incoming);
  if (a === undefined) return 'later'; // an unknown status never blocks a known one
  if (b === undefined) return 'never'; // an unknown status never replaces a known one
  const relation = RELATION[a[0]][b[0]];
  if (relation !== 'same') return relation;
  if (current === incoming) return 'later'; // a further step of the same kind (a second refund)
  if (a[0] === 'checkout') {
    // Nothing was reserved yet, so any checkout news may follow (a retry after a refusal, a
    // pending payment refused, an uncertain one resolved either way); after an authorisation
    // only another authorisation is news.
    return a[1] !== 'done' || b[1] === 'done' ? 'later' : 'earlier';
  }
  // One operation moves forward only: pending → uncertain → refused | done. Two different ends
  // of one step contradict each other: the first one recorded stays.
  return STAGE_RANK[b[1]] > STAGE_RANK[a[1]] ? 'later' : 'earlier';
}

/**
 * The transition for an incoming status. `current` is `null` for a payment with no applied
 * message yet (anything applies). A message that is not later than the current state is stale,
 * unless its PAYIDSUB step is higher: then it is a new operation step (a second partial capture
 * or refund after the first one finished).
 */
export function transition(current: PaymentState | null, incoming: IncomingStatus): Transition {
  const stage = stageOf(incoming.status)?.[1];
  const settles = stage === 'done' || stage === 'reversed';
  if (current === null) {
    return {
      kind: 'apply',
      next: {
        last: incoming.status,
        step: incoming.step,
        settled: settles ? incoming.status : null,
      },
    };
  }
  const order = compare(current.last, incoming.status);
  if (order === 'never' || (order === 'earlier' && incoming.step <= current.step)) {
    return { kind: 'stale' };
  }
  return {
    kind: 'apply',
    next: {
      last: incoming.status,
      step: incoming.step,
      settled: settles ? incoming.status : current.settled,
    },
  };
}

/** Every STATUS the protocol table knows (the state machine's domain). */
export const KNOWN_STATUSES: readonly number[] = Object.keys(STATUS_TABLE).map(Number);
