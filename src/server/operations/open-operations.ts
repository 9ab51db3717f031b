/**
 * What a payment's recorded operations mean for the next one, pure: each operation's state
 * settled from the statuses the ledger applied at its step, and the amounts still reserved by
 * operations sent or pending.
 */
import { stageOf, type Stage } from '../ledger/state-machine.js';
import type { OpenOperations, OperationKind } from './rules.js';
import type { OperationRecord } from './types.js';

type State = OperationRecord['state'];

/** The fields of an operation the rules read. */
export interface OperationFacts {
  kind: OperationKind;
  state: State;
  step: number;
  status: number | null;
  amountMinor: number;
  final: boolean;
  /** When it was sent (ms), `null` when never. */
  sentAt: number | null;
}

/** The stage a status reports for an operation of `kind`; `undefined` for another operation's. */
export function stepStage(kind: OperationKind, status: number): Stage | undefined {
  const stage = stageOf(status);
  if (stage === undefined) return undefined;
  const [operation, reached] = stage;
  const mine =
    kind === 'capture'
      ? operation === 'capture'
      : kind === 'cancel'
        ? operation === 'void'
        : operation === 'refund' || operation === 'deletion';
  return mine ? reached : undefined;
}

/** The operation's state once its step reached `stage` (pending and uncertain both wait). */
export function stateOfStage(stage: Stage): 'pending' | 'done' | 'refused' {
  if (stage === 'done' || stage === 'reversed') return 'done';
  if (stage === 'refused' || stage === 'failed') return 'refused';
  return 'pending';
}

/**
 * The state an operation pending (or with a lost answer) is in, given the statuses the ledger
 * applied at the payment's steps; `undefined` when nothing changes.
 */
export function settledState(
  op: OperationFacts,
  applied: readonly { status: number; step: number }[],
): { state: State; status: number } | undefined {
  if (op.state !== 'pending' && op.state !== 'uncertain') return undefined;
  let latest: { state: State; status: number } | undefined;
  for (const event of applied) {
    if (event.step !== op.step) continue;
    const stage = stepStage(op.kind, event.status);
    if (stage !== undefined) latest = { state: stateOfStage(stage), status: event.status };
  }
  if (latest === undefined || (latest.state === op.state && latest.status === op.status)) {
    return undefined;
  }
  return latest;
}

/** Open operations, plus whether one is being sent right now (`busy`). */
export interface OperationsSummary extends OpenOperations {
  busy: boolean;
}

/**
 * Sums what operations still reserve. An operation `sent` longer than `inFlightMs` ago lost its
 * sender (a crash): it is unresolved, like a lost answer.
 */
export function summarize(
  ops: readonly OperationFacts[],
  now: number,
  inFlightMs: number,
): OperationsSummary {
  const summary: OperationsSummary = {
    capturingMinor: 0,
    refundingMinor: 0,
    cancelling: false,
    captureClosed: false,
    refundClosed: false,
    unresolved: false,
    busy: false,
  };
  for (const op of ops) {
    const live = op.state === 'sent' || op.state === 'pending' || op.state === 'uncertain';
    const closes = live || op.state === 'done';
    if (op.kind === 'capture') {
      if (live) summary.capturingMinor += op.amountMinor;
      if (closes && op.final) summary.captureClosed = true;
    } else if (op.kind === 'refund') {
      if (live) summary.refundingMinor += op.amountMinor;
      if (closes && op.final) summary.refundClosed = true;
    } else if (closes) {
      summary.cancelling = true;
    }
    if (op.state === 'sent') {
      if (op.sentAt !== null && now - op.sentAt > inFlightMs) summary.unresolved = true;
      else summary.busy = true;
    }
    if (op.state === 'uncertain') summary.unresolved = true;
  }
  return summary;
}
