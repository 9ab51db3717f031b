import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { amountsEqual } from '../../src/protocol/amount.js';
import {
  describeStatus,
  fromOgoneAmount,
  normalizeAmount,
  OgoneProtocolError,
  toOgoneAmount,
} from '../../src/protocol/index.js';
import { OUTCOMES, STATUS_TABLE } from '../../src/protocol/status.js';

describe('toOgoneAmount', () => {
  const cases: [string | number, string][] = [
    [2.05, '205'],
    [0.29, '29'],
    [1111.11, '111111'],
    ['10', '1000'],
    ['0.1', '10'],
    ['19.99', '1999'],
    [19.99, '1999'],
    [0, '0'],
    ['0.00', '0'],
    ['007.50', '750'],
    [4.35, '435'],
    [1.005e2, '10050'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected}`, () =>
      assert.equal(toOgoneAmount(input), expected));
  }

  const rejected: unknown[] = [
    1e21,
    '1.234',
    '-1',
    -1,
    'abc',
    '',
    ' 1',
    '1,00',
    '1.',
    '.5',
    NaN,
    Infinity,
    '1e3',
    0.001,
    '9999999999999999',
    null,
    {},
  ];
  for (const input of rejected) {
    it(`rejects ${typeof input === 'number' ? String(input) : JSON.stringify(input)} with a typed error`, () => {
      assert.throws(
        () => toOgoneAmount(input as string),
        (error: unknown) => error instanceof OgoneProtocolError && error.code === 'invalid-amount',
      );
    });
  }

  it('is exact for every amount with two decimals (no float truncation)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cents) => {
        const major = cents / 100; // a float such as 2.05
        assert.equal(toOgoneAmount(major), String(cents));
        assert.equal(toOgoneAmount(fromOgoneAmount(String(cents))), String(cents));
      }),
      { numRuns: 2000 },
    );
  });

  it('normalises returned amounts to two decimals and compares them to the cent', () => {
    assert.equal(normalizeAmount('15'), '15.00');
    assert.equal(normalizeAmount('15.1'), '15.10');
    assert.equal(fromOgoneAmount('5'), '0.05');
    assert.equal(amountsEqual('15.1', 15.1), true);
    assert.equal(amountsEqual('15.1', '15.11'), false);
    assert.equal(amountsEqual('abc', 'abc'), false);
  });
});

describe('describeStatus', () => {
  const expected: Record<string, number[]> = {
    paid: [9, 95],
    authorized: [5],
    pending: [4, 40, 41, 46, 50, 51, 55, 56, 59, 91, 99],
    uncertain: [52, 92],
    cancelled: [1],
    refused: [2, 57, 93],
    invalid: [0],
  };
  for (const [outcome, codes] of Object.entries(expected)) {
    it(`maps ${codes.join(', ')} to ${outcome}`, () => {
      for (const code of codes) {
        assert.equal(describeStatus(code).outcome, outcome, `code ${code}`);
        assert.equal(describeStatus(String(code)).outcome, outcome, `code "${code}"`);
      }
    });
  }

  it('covers every code of the protocol table with a name and an after-sale outcome', () => {
    const table = [
      0, 1, 2, 4, 40, 41, 46, 5, 50, 51, 52, 55, 56, 57, 59, 6, 61, 62, 63, 64, 7, 71, 72, 73, 74,
      75, 8, 81, 82, 83, 84, 85, 9, 91, 92, 93, 94, 95, 96, 99,
    ];
    assert.deepEqual(
      Object.keys(STATUS_TABLE)
        .map(Number)
        .sort((a, b) => a - b),
      [...table].sort((a, b) => a - b),
    );
    for (const code of table) {
      const info = describeStatus(code);
      assert.equal(info.code, code);
      assert.notEqual(info.outcome, 'unknown');
      assert.ok(info.name.length > 3);
      assert.ok(OUTCOMES.includes(info.outcome));
    }
    assert.equal(describeStatus(6).outcome, 'voided');
    assert.equal(describeStatus(61).outcome, 'void-pending');
    assert.equal(describeStatus(74).outcome, 'deleted');
    assert.equal(describeStatus(82).outcome, 'refund-uncertain');
    assert.equal(describeStatus(94).outcome, 'refund-refused');
    assert.equal(describeStatus(96).outcome, 'refund-reversed');
  });

  it('marks uncertain and pending codes as not final, paid and refused as final', () => {
    for (const code of [52, 92, 41, 91, 99]) assert.equal(describeStatus(code).final, false);
    for (const code of [9, 5, 2, 93, 1]) assert.equal(describeStatus(code).final, true);
  });

  it('answers unknown for anything else, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.double()), (code) => {
        const info = describeStatus(code as number);
        assert.ok(OUTCOMES.includes(info.outcome));
      }),
    );
    assert.equal(describeStatus(3).outcome, 'unknown');
    assert.equal(describeStatus('nine').outcome, 'unknown');
    assert.equal(describeStatus('').code, -1);
  });
});
