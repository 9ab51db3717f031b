import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATUS_TABLE } from '../../src/protocol/status.js';
import {
  displayedStatus,
  KNOWN_STATUSES,
  stageOf,
  transition,
  type PaymentState,
} from '../../src/server/ledger/state-machine.js';

/** Applies a sequence of statuses (all at PAYIDSUB step 0 unless given as [status, step]). */
function run(sequence: readonly (number | readonly [number, number])[]): {
  state: PaymentState | null;
  applied: boolean[];
} {
  let state: PaymentState | null = null;
  const applied: boolean[] = [];
  for (const item of sequence) {
    const [status, step] = typeof item === 'number' ? [item, 0] : item;
    const t = transition(state, { status, step });
    applied.push(t.kind === 'apply');
    if (t.kind === 'apply') state = t.next;
  }
  return { state, applied };
}

function state(last: number, step = 0): PaymentState {
  const t = transition(null, { status: last, step });
  assert.equal(t.kind, 'apply');
  return (t as { next: PaymentState }).next;
}

const UNKNOWN = 3; // not in the protocol table
const CHECKOUT_OPEN = KNOWN_STATUSES.filter((s) => {
  const stage = stageOf(s)!;
  return stage[0] === 'checkout' && stage[1] !== 'done';
});

describe('payment state machine', () => {
  it('knows the operation and stage of every STATUS of the protocol table', () => {
    for (const code of Object.keys(STATUS_TABLE).map(Number)) {
      assert.ok(stageOf(code), `STATUS ${code} has no stage`);
    }
    assert.equal(stageOf(UNKNOWN), undefined);
  });

  it('applies any first status, known or not', () => {
    for (const status of [...KNOWN_STATUSES, UNKNOWN]) {
      assert.equal(transition(null, { status, step: 0 }).kind, 'apply');
    }
  });

  it('treats the documented sequences as progress', () => {
    for (const sequence of [
      [9, 81, 8],
      [5, 91, 9],
      [5, 61, 6],
      [5, 9, 81, 84],
      [9, 71, 7],
      [41, 5],
      [46, 9],
      [51, 2],
      [2, 9], // a refused attempt, then the shopper paid on the same page
      [1, 5],
      [52, 5],
      [52, 2],
      [52, 9],
      [52, 0],
      [92, 9],
      [92, 93],
      [91, 92, 9],
      [81, 82, 8],
      [8, 96],
    ]) {
      assert.deepEqual(
        run(sequence).applied,
        sequence.map(() => true),
        sequence.join(' → '),
      );
    }
  });

  it('keeps a late message after a final state as stale', () => {
    for (const [current, late] of [
      [9, 91],
      [9, 5],
      [9, 2],
      [9, 52],
      [5, 51],
      [5, 2],
      [5, 0],
      [5, 52],
      [8, 81],
      [8, 9],
      [8, 91],
      [6, 61],
      [6, 5],
      [7, 71],
      [7, 9],
      [9, 93],
      [93, 9],
      [83, 81],
    ] as const) {
      assert.equal(
        transition(state(current), { status: late, step: 0 }).kind,
        'stale',
        `${late} after ${current}`,
      );
    }
  });

  it('never lets an unknown status replace a known one, nor block it', () => {
    for (const status of KNOWN_STATUSES) {
      assert.equal(transition(state(status), { status: UNKNOWN, step: 5 }).kind, 'stale');
      assert.equal(transition(state(UNKNOWN), { status, step: 0 }).kind, 'apply');
    }
  });

  it('applies a further step of the same kind (a second partial refund), in either order', () => {
    assert.deepEqual(run([9, [8, 1], [8, 2]]).applied, [true, true, true]);
    assert.deepEqual(run([9, [8, 2], [8, 1]]).applied, [true, true, true]);
    assert.deepEqual(run([9, [81, 1], [81, 2], [8, 2], [8, 1]]).applied, [
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('opens a new operation step after a finished one only with a higher PAYIDSUB', () => {
    assert.deepEqual(run([9, [81, 1], [8, 1], [81, 2], [8, 2]]).applied, [
      true,
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(run([9, [81, 1], [8, 1], [81, 1]]).applied, [true, true, true, false]);
    assert.deepEqual(run([9, [8, 2], [81, 1]]).applied, [true, true, false]);
    assert.deepEqual(run([5, [91, 1], [9, 1], [91, 2], [9, 2]]).applied, [
      true,
      true,
      true,
      true,
      true,
    ]);
    // A checkout message is never news after the money moved, whatever its step.
    assert.deepEqual(run([9, [5, 3], [2, 4]]).applied, [true, false, false]);
  });

  it('for every pair of statuses at one step, never goes back and forth (except an open checkout)', () => {
    const statuses = [...KNOWN_STATUSES, UNKNOWN];
    for (const a of statuses) {
      for (const b of statuses) {
        const forth = transition(state(a), { status: b, step: 0 }).kind;
        const back = transition(state(b), { status: a, step: 0 }).kind;
        if (a === b) {
          assert.equal(forth, 'apply', `${a} again`);
          continue;
        }
        if (CHECKOUT_OPEN.includes(a) && CHECKOUT_OPEN.includes(b)) {
          assert.equal(forth, 'apply', `${a} → ${b} in an open checkout`);
          continue;
        }
        assert.ok(!(forth === 'apply' && back === 'apply'), `${a} ⇄ ${b} both apply`);
      }
    }
  });

  it('for every pair, a message of an earlier operation is stale at the same step, news at a higher one only after-sale', () => {
    const order = ['checkout', 'capture'];
    for (const a of KNOWN_STATUSES) {
      for (const b of KNOWN_STATUSES) {
        const [opA] = stageOf(a)!;
        const [opB] = stageOf(b)!;
        if (order.includes(opB) && order.indexOf(opB) < order.indexOf(opA)) {
          assert.equal(
            transition(state(a), { status: b, step: 0 }).kind,
            'stale',
            `${b} after ${a}`,
          );
        }
        if (opB === 'checkout' && opA !== 'checkout') {
          assert.equal(
            transition(state(a), { status: b, step: 9 }).kind,
            'stale',
            `${b} after ${a}`,
          );
        }
      }
    }
  });

  it('shows a refused after-sale step as the status it leaves the payment in', () => {
    assert.equal(displayedStatus(run([5, [91, 1], [93, 1]]).state!), 5);
    assert.equal(displayedStatus(run([9, [81, 1], [83, 1]]).state!), 9);
    assert.equal(displayedStatus(run([9, [71, 1], [73, 1]]).state!), 9);
    assert.equal(displayedStatus(run([5, [61, 1], [63, 1]]).state!), 5);
    assert.equal(displayedStatus(run([91, 93]).state!), 93); // a sale refused at checkout
    assert.equal(displayedStatus(run([9, [81, 1], [8, 1]]).state!), 8);
    // The refusal is what later messages are compared with.
    assert.deepEqual(run([5, [91, 1], [93, 1], [92, 1]]).applied, [true, true, true, false]);
    assert.deepEqual(run([5, [91, 1], [93, 1], [91, 2]]).applied, [true, true, true, true]);
  });
});
