import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isReturnTooOld, trxDayStart } from '../../src/server/rules/return-age.js';

const DAY = 86_400_000;

describe('return age from TRXDATE', () => {
  it('reads MM/DD/YY as a UTC day and refuses impossible dates', () => {
    assert.equal(trxDayStart('12/01/26'), Date.UTC(2026, 11, 1));
    for (const bad of ['02/30/26', '13/01/26', '1/1/26', '12-01-26', '', '00/10/26']) {
      assert.equal(trxDayStart(bad), undefined, bad);
    }
  });

  it('is too old only when even the last moment of its day, anywhere, is older than the limit', () => {
    const start = Date.UTC(2026, 11, 1);
    const limit = 7 * DAY;
    assert.equal(isReturnTooOld('12/01/26', start + 8 * DAY + 12 * 3600_000, limit), false);
    assert.equal(isReturnTooOld('12/01/26', start + 8 * DAY + 12 * 3600_000 + 1, limit), true);
    assert.equal(
      isReturnTooOld('12/01/26', start - DAY, limit),
      false,
      'a date ahead of the clock',
    );
    assert.equal(isReturnTooOld(undefined, start + 100 * DAY, limit), false);
    assert.equal(isReturnTooOld('12/01/26', start + 9999 * DAY, Infinity), false);
  });

  it('never throws, whatever TRXDATE carries', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 4e12 }), (text, now) => {
        assert.equal(typeof isReturnTooOld(text, now, 7 * DAY), 'boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
