/**
 * The after-sale rules as pure functions: what a capture, cancel or refund may do (exact partial
 * amounts, the final flag, every refusal named), how operations settle from applied statuses,
 * and reconciliation's back-off schedule.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  isUnsettled,
  mayQuery,
  MIN_QUERY_SPACING_MS,
  nextQuery,
  RECONCILE_BACKOFF_MS,
  UNSETTLED_STATUSES,
} from '../../src/server/operations/backoff.js';
import { MIGRATION_3 } from '../../src/server/ledger/migration-3-operations.js';
import {
  settledState,
  summarize,
  type OperationFacts,
} from '../../src/server/operations/open-operations.js';
import {
  decideCancel,
  decideCapture,
  decideRefund,
  NO_OPEN_OPERATIONS,
  type PaymentFacts,
  type Verdict,
} from '../../src/server/operations/rules.js';

const authorised: PaymentFacts = {
  status: 5,
  settled: 5,
  amountMinor: 1510,
  capturedMinor: 0,
  refundedMinor: 0,
};
const paid: PaymentFacts = { ...authorised, status: 9, settled: 9, capturedMinor: 1510 };
const open = NO_OPEN_OPERATIONS;

function sent(v: Verdict) {
  assert.ok(v.ok, v.ok ? '' : v.refusal.message);
  return [v.decision.operation, v.decision.amountMinor, v.decision.final];
}
function reason(v: Verdict) {
  assert.ok(!v.ok, 'expected a refusal');
  return v.refusal.code;
}

describe('capture rules', () => {
  it('captures part (SAL) or the rest (SAS), exactly', () => {
    assert.deepEqual(sent(decideCapture(authorised, open, { amount: 500 })), ['SAL', 500, false]);
    assert.deepEqual(sent(decideCapture(authorised, open, {})), ['SAS', 1510, true]);
    assert.deepEqual(sent(decideCapture(authorised, open, { amount: 1510 })), ['SAS', 1510, true]);
    assert.deepEqual(sent(decideCapture(authorised, open, { amount: 1510, final: false })), [
      'SAL',
      1510,
      false,
    ]);
    assert.deepEqual(sent(decideCapture(authorised, open, { amount: 1, final: true })), [
      'SAS',
      1,
      true,
    ]);
    const partly = { ...authorised, status: 9, settled: 9, capturedMinor: 500 };
    assert.deepEqual(sent(decideCapture(partly, open, {})), ['SAS', 1010, true]);
    const capturing = { ...open, capturingMinor: 1000 };
    assert.deepEqual(sent(decideCapture(partly, capturing, {})), ['SAS', 10, true]);
  });

  it('refuses, naming why', () => {
    const over = decideCapture(authorised, open, { amount: 1511 });
    assert.equal(reason(over), 'capture-exceeds-authorised');
    assert.equal(!over.ok && over.refusal.availableMinor, 1510);
    assert.equal(reason(decideCapture(paid, open, {})), 'not-capturable');
    assert.equal(
      reason(decideCapture(authorised, { ...open, captureClosed: true }, {})),
      'not-capturable',
    );
    assert.equal(
      reason(decideCapture(authorised, { ...open, cancelling: true }, {})),
      'not-capturable',
    );
    assert.equal(
      reason(decideCapture({ ...authorised, status: 6, settled: 6 }, open, {})),
      'not-capturable',
    );
    assert.equal(
      reason(decideCapture({ ...authorised, status: 2, settled: null }, open, {})),
      'not-capturable',
    );
    for (const status of [41, 46, 51, 52, 92, 99]) {
      assert.equal(reason(decideCapture({ ...authorised, status }, open, {})), 'payment-not-final');
    }
    assert.equal(
      reason(decideCapture(authorised, { ...open, unresolved: true }, {})),
      'operation-unresolved',
    );
    for (const amount of [0, -1, 1.5, Number.NaN, Infinity, 1e16]) {
      assert.equal(reason(decideCapture(authorised, open, { amount })), 'invalid-amount');
    }
  });

  it('never lets captures exceed the authorisation (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 8 }),
        (amount, asks) => {
          let capturing = 0;
          for (const ask of asks) {
            const v = decideCapture(
              { ...authorised, amountMinor: amount },
              { ...open, capturingMinor: capturing },
              {
                amount: ask,
                final: false,
              },
            );
            if (v.ok) capturing += v.decision.amountMinor;
          }
          return capturing <= amount;
        },
      ),
    );
  });
});

describe('cancel rules', () => {
  it('cancels only an untouched authorisation (DES, the whole amount)', () => {
    assert.deepEqual(sent(decideCancel(authorised, open)), ['DES', 1510, true]);
    assert.equal(reason(decideCancel(paid, open)), 'not-cancellable');
    assert.equal(
      reason(decideCancel(authorised, { ...open, capturingMinor: 1 })),
      'not-cancellable',
    );
    assert.equal(
      reason(decideCancel(authorised, { ...open, cancelling: true })),
      'not-cancellable',
    );
    assert.equal(
      reason(decideCancel({ ...authorised, status: 91 }, { ...open, capturingMinor: 5 })),
      'not-cancellable',
    );
    assert.equal(reason(decideCancel({ ...authorised, status: 52 }, open)), 'payment-not-final');
  });
});

describe('refund rules', () => {
  it('refunds part (RFD) or the rest (RFS) of what was captured and not refunded', () => {
    assert.deepEqual(sent(decideRefund(paid, open, { amount: 300 })), ['RFD', 300, false]);
    assert.deepEqual(sent(decideRefund(paid, open, {})), ['RFS', 1510, true]);
    const refunded = { ...paid, status: 8, settled: 8, refundedMinor: 300 };
    assert.deepEqual(sent(decideRefund(refunded, { ...open, refundingMinor: 200 }, {})), [
      'RFS',
      1010,
      true,
    ]);
    const partlyCaptured = { ...authorised, status: 9, settled: 9, capturedMinor: 500 };
    assert.deepEqual(sent(decideRefund(partlyCaptured, open, {})), ['RFS', 500, true]);
  });

  it('refuses over-refunds and refunds of nothing', () => {
    const over = decideRefund(paid, { ...open, refundingMinor: 1000 }, { amount: 511 });
    assert.equal(reason(over), 'refund-exceeds-captured');
    assert.equal(!over.ok && over.refusal.availableMinor, 510);
    assert.equal(reason(decideRefund(authorised, open, {})), 'not-refundable');
    assert.equal(
      reason(decideRefund({ ...paid, refundedMinor: 1510 }, open, {})),
      'not-refundable',
    );
    assert.equal(
      reason(decideRefund(paid, { ...open, refundClosed: true }, { amount: 1 })),
      'not-refundable',
    );
    assert.equal(reason(decideRefund({ ...paid, status: 82 }, open, {})), 'payment-not-final');
  });
});

describe('operations settled from the ledger', () => {
  const op = (extra: Partial<OperationFacts>): OperationFacts => ({
    kind: 'capture',
    state: 'pending',
    step: 2,
    status: 91,
    amountMinor: 500,
    final: false,
    sentAt: 0,
    ...extra,
  });
  it('a pending step becomes done or refused when its own step says so', () => {
    assert.deepEqual(settledState(op({}), [{ status: 9, step: 2 }]), { state: 'done', status: 9 });
    assert.deepEqual(settledState(op({}), [{ status: 93, step: 2 }]), {
      state: 'refused',
      status: 93,
    });
    assert.equal(settledState(op({}), [{ status: 9, step: 1 }]), undefined, 'another step');
    assert.equal(settledState(op({}), [{ status: 8, step: 2 }]), undefined, 'another kind');
    assert.equal(settledState(op({ state: 'sent' }), [{ status: 9, step: 2 }]), undefined);
    assert.deepEqual(
      settledState(op({ state: 'uncertain', status: null }), [{ status: 91, step: 2 }]),
      {
        state: 'pending',
        status: 91,
      },
    );
    assert.deepEqual(
      settledState(op({ kind: 'refund', status: 81 }), [
        { status: 71, step: 2 },
        { status: 7, step: 2 },
      ]),
      {
        state: 'done',
        status: 7,
      },
    );
  });

  it('sums what is reserved; a send older than the limit is unresolved, a fresh one busy', () => {
    const summary = summarize(
      [
        op({ state: 'pending', amountMinor: 300 }),
        op({ state: 'done', final: true, amountMinor: 700 }),
        op({ kind: 'refund', state: 'sent', amountMinor: 100, sentAt: 1_000 }),
        op({ kind: 'refund', state: 'failed', amountMinor: 999, final: true }),
      ],
      2_000,
      60_000,
    );
    assert.deepEqual(summary, {
      capturingMinor: 300,
      refundingMinor: 100,
      cancelling: false,
      captureClosed: true,
      refundClosed: false,
      unresolved: false,
      busy: true,
    });
    assert.equal(summarize([op({ state: 'sent', sentAt: 0 })], 60_001, 60_000).unresolved, true);
    assert.equal(summarize([op({ state: 'uncertain' })], 0, 60_000).unresolved, true);
  });
});

describe('reconciliation back-off', () => {
  it('1 min, 5 min, 30 min, 2 h, 6 h, then flag for a human', () => {
    const now = 1_000_000;
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => nextQuery(n, now)),
      RECONCILE_BACKOFF_MS.map((ms) => ({ kind: 'again', at: now + ms })),
    );
    assert.deepEqual(RECONCILE_BACKOFF_MS, [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000]);
    assert.deepEqual(nextQuery(6, now), { kind: 'flag' });
    assert.deepEqual(nextQuery(60, now), { kind: 'flag' });
  });

  it('never twice within 30 s', () => {
    assert.equal(mayQuery(null, 0), true);
    assert.equal(mayQuery(1_000, 1_000 + MIN_QUERY_SPACING_MS - 1), false);
    assert.equal(mayQuery(1_000, 1_000 + MIN_QUERY_SPACING_MS), true);
  });

  it('queries pending and uncertain statuses only — the ones the schema indexes', () => {
    for (const status of [41, 46, 51, 52, 91, 92, 99, 61, 81, 71])
      assert.equal(isUnsettled(status), true);
    for (const status of [null, 0, 1, 2, 5, 6, 7, 8, 9, 93])
      assert.equal(isUnsettled(status), false);
    const indexed = /WHERE status IN \(([^)]+)\)/.exec(MIGRATION_3.sql)![1]!.split(',').map(Number);
    assert.deepEqual(
      [...indexed].sort((a, b) => a - b),
      UNSETTLED_STATUSES,
    );
  });
});

describe('order check of an after-sale step', () => {
  it('a partial capture or refund matches when at most the order amount, same currency', async () => {
    const { orderCheck } = await import('../../src/server/rules/order-check.js');
    const order = { order: { amount: '15.10', currency: 'EUR' }, minor: '1510' };
    const result = (amount: string, currency = 'EUR') =>
      ({ amount, currency }) as Parameters<typeof orderCheck>[1];
    assert.equal(orderCheck(order, result('5.00'), 1), 'matched');
    assert.equal(orderCheck(order, result('15.10'), 2), 'matched');
    assert.equal(orderCheck(order, result('15.11'), 2), 'amount-mismatch');
    assert.equal(orderCheck(order, result('5.00', 'USD'), 1), 'amount-mismatch');
    assert.equal(orderCheck(order, result('5.00'), 0), 'amount-mismatch', 'the payment itself');
    assert.equal(orderCheck(null, result('5.00'), 1), 'unknown-order');
  });
});
