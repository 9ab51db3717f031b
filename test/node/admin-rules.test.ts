/**
 * The payments page's pure rules: which buttons a payment shows and up to which amount, the
 * plain-language status names, and when a payment needs attention.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedActions, type ActionFacts } from '../../src/server/admin/actions.js';
import { needsAttention, plainStatus } from '../../src/server/admin/plain-status.js';
import { operationView } from '../../src/server/admin/operation-views.js';
import { STATUS_TABLE } from '../../src/protocol/status.js';

const facts = (status: number | null, amounts: Partial<ActionFacts> = {}): ActionFacts => ({
  status,
  amountMinor: 1000n,
  capturedMinor: 0n,
  refundedMinor: 0n,
  operationsAvailable: true,
  ...amounts,
});

describe('payments page: which buttons show', () => {
  it('an authorisation: capture all of it, or cancel it; no refund', () => {
    assert.deepEqual(allowedActions(facts(5)), {
      capture: 1000n,
      cancel: true,
      refund: null,
      check: false,
      reason: null,
    });
  });

  it('partly captured: capture the rest, refund what was captured, no cancel', () => {
    const partly = facts(9, { capturedMinor: 400n });
    assert.deepEqual(allowedActions(partly), {
      capture: 600n,
      cancel: false,
      refund: 400n,
      check: false,
      reason: null,
    });
  });

  it('captured in full: refund only; partly refunded: refund the rest', () => {
    assert.deepEqual(allowedActions(facts(9, { capturedMinor: 1000n })), {
      capture: null,
      cancel: false,
      refund: 1000n,
      check: false,
      reason: null,
    });
    const refunded = facts(8, { capturedMinor: 1000n, refundedMinor: 250n });
    assert.equal(allowedActions(refunded).refund, 750n);
    const all = facts(8, { capturedMinor: 1000n, refundedMinor: 1000n });
    assert.deepEqual(allowedActions(all), {
      capture: null,
      cancel: false,
      refund: null,
      check: false,
      reason: 'Nothing more can be done with this payment.',
    });
  });

  it('nothing while the bank has not answered or its answer is unclear', () => {
    for (const status of [null, 41, 46, 51, 91, 61, 81]) {
      const allowed = allowedActions(facts(status, { capturedMinor: 500n }));
      assert.deepEqual(
        [allowed.capture, allowed.cancel, allowed.refund],
        [null, false, null],
        String(status),
      );
      assert.match(allowed.reason!, /Waiting for the bank|not answered/);
      assert.equal(allowed.check, true, `ask Ogone about ${status}`);
    }
    for (const status of [52, 92, 62, 82]) {
      assert.match(allowedActions(facts(status)).reason!, /unclear/, String(status));
      assert.equal(allowedActions(facts(status)).check, true);
    }
  });

  it('nothing on refused, cancelled or unfinished payments, and nothing without operations', () => {
    for (const status of [0, 1, 2, 6, 7, 93]) {
      const allowed = allowedActions(facts(status));
      assert.deepEqual(
        [allowed.capture, allowed.cancel, allowed.refund],
        [null, false, null],
        String(status),
      );
    }
    assert.match(allowedActions(facts(5, { operationsAvailable: false })).reason!, /API user/);
  });
});

describe('payments page: plain words', () => {
  it('names every status of the protocol table without its jargon', () => {
    for (const code of Object.keys(STATUS_TABLE).map(Number)) {
      const { label } = plainStatus(code);
      assert.ok(
        label.length > 0 &&
          !/authori[sz]ation (deletion|to be requested)|STATUS|PAYID/i.test(label),
        `${code}: ${label}`,
      );
    }
    assert.equal(plainStatus(9).label, 'Captured');
    assert.equal(plainStatus(5).label, 'Authorised, not captured yet');
    assert.equal(plainStatus(51).label, 'Waiting for the bank');
    assert.equal(plainStatus(92).tone, 'attention');
    assert.equal(plainStatus(null).label, 'No answer from the bank yet');
    assert.equal(plainStatus(999).label, 'Unknown state');
  });

  it('says "Partly" when only part was captured or refunded', () => {
    const amounts = { amountMinor: 1000n, capturedMinor: 500n, refundedMinor: 0n };
    assert.equal(plainStatus(9, amounts).label, 'Partly captured');
    assert.equal(plainStatus(8, { ...amounts, refundedMinor: 200n }).label, 'Partly refunded');
    assert.equal(plainStatus(8, { ...amounts, refundedMinor: 500n }).label, 'Refunded');
  });

  it('needs attention: uncertain at once, waiting ones only once stale', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const hour = 3_600_000;
    assert.equal(needsAttention(92, minutesAgo(1), now, hour), true);
    assert.equal(needsAttention(52, minutesAgo(1), now, hour), true);
    assert.equal(needsAttention(51, minutesAgo(59), now, hour), false);
    assert.equal(needsAttention(51, minutesAgo(61), now, hour), true);
    assert.equal(needsAttention(null, minutesAgo(61), now, hour), true);
    assert.equal(needsAttention(9, minutesAgo(6000), now, hour), false);
  });
});

describe('payments page: actions taken', () => {
  const record = {
    final: false,
    ncError: null,
    createdAt: 'x',
    updatedAt: '2026-01-01T10:00:00.000Z',
  };
  it('says what was asked and how far it got', () => {
    assert.deepEqual(
      operationView({ ...record, kind: 'capture', amount: 1920, state: 'pending' }, 'EUR'),
      {
        label: 'Capture of 19.20 EUR',
        state: 'Waiting for the bank',
        tone: 'waiting',
        at: record.updatedAt,
      },
    );
    const refused = operationView(
      { ...record, kind: 'refund', amount: 5, final: true, state: 'refused', ncError: '50001127' },
      'EUR',
    );
    assert.equal(refused.label, 'Refund of 0.05 EUR (the last one)');
    assert.equal(refused.state, 'Refused by Ogone (error 50001127)');
    assert.equal(refused.tone, 'bad');
    const lost = operationView({ ...record, kind: 'cancel', amount: 0, state: 'uncertain' }, 'EUR');
    assert.deepEqual([lost.label, lost.tone], ['Cancellation', 'attention']);
  });
});
