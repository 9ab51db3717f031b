import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OgoneProtocolError } from '../../src/protocol/errors.js';
import { STATUS_TABLE } from '../../src/protocol/status.js';
import {
  currencyExponent,
  fromWorldlineAmount,
  MAX_WORLDLINE_AMOUNT,
  toWorldlineAmount,
} from '../../src/protocol/worldline/amount.js';
import {
  hostedCheckoutState,
  legacyStatusOf,
  readWorldlineStatus,
} from '../../src/protocol/worldline/status.js';

const invalidAmount = (error: unknown) =>
  error instanceof OgoneProtocolError && error.code === 'invalid-amount';

describe('amounts: our × 100 strings and Worldline smallest units', () => {
  it('two-decimal currencies pass unchanged', () => {
    assert.equal(toWorldlineAmount('1999', 'EUR'), 1999);
    assert.equal(toWorldlineAmount('0', 'EUR'), 0);
    assert.equal(fromWorldlineAmount(1999, 'EUR'), '1999');
    assert.equal(fromWorldlineAmount(0, 'USD'), '0');
  });

  it('zero-decimal currencies (OAS: JPY 1234 is ¥1234) divide by 100, exactly or not at all', () => {
    assert.equal(currencyExponent('JPY'), 0);
    assert.equal(toWorldlineAmount('123400', 'JPY'), 1234);
    assert.equal(fromWorldlineAmount(1234, 'JPY'), '123400');
    assert.throws(() => toWorldlineAmount('1999', 'JPY'), invalidAmount, '¥19.99 does not exist');
  });

  it('three-decimal currencies (OAS: KWD 1234 is 1.234) multiply by 10; × 100 cannot hold 1.234', () => {
    assert.equal(toWorldlineAmount('1230', 'KWD'), 12300);
    assert.equal(fromWorldlineAmount(12300, 'KWD'), '1230');
    assert.throws(() => fromWorldlineAmount(1234, 'KWD'), invalidAmount);
  });

  it('refuses malformed amounts, currencies and values beyond the OAS bounds', () => {
    for (const minor of ['', '-1', '1.5', '1e3', ' 1', '1234567890123456']) {
      assert.throws(() => toWorldlineAmount(minor, 'EUR'), invalidAmount, minor);
    }
    assert.throws(() => toWorldlineAmount('1000000000000', 'EUR'), invalidAmount);
    assert.throws(() => toWorldlineAmount('100', 'eur'), invalidAmount);
    for (const amount of [-1, 1.5, Number.NaN, MAX_WORLDLINE_AMOUNT + 1]) {
      assert.throws(() => fromWorldlineAmount(amount, 'EUR'), invalidAmount, String(amount));
    }
  });

  it('round-trips every representable amount in EUR, JPY and KWD', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'),
        (units, currency) => {
          const minor = String(units * (currency === 'JPY' ? 100 : 1));
          assert.equal(fromWorldlineAmount(toWorldlineAmount(minor, currency), currency), minor);
        },
      ),
    );
  });
});

describe('statuses: statusCode is the legacy STATUS', () => {
  it('reads the Worldline stubs (notes §2.5, §4.2) as the Ogone table says', () => {
    const captured = readWorldlineStatus({
      status: 'CAPTURED',
      statusOutput: { statusCategory: 'COMPLETED', statusCode: 9, isRefundable: true },
    });
    assert.equal(captured.legacyStatus, 9);
    assert.equal(captured.info.outcome, 'paid');
    assert.equal(captured.status, 'CAPTURED');
    assert.equal(captured.statusCategory, 'COMPLETED');
    const pending = readWorldlineStatus({
      status: 'PENDING_CAPTURE',
      statusOutput: { statusCategory: 'PENDING_MERCHANT', statusCode: 5 },
    });
    assert.equal(pending.info.outcome, 'authorized');
    assert.equal(
      readWorldlineStatus({ status: 'REJECTED', statusOutput: { statusCode: 2 } }).info.outcome,
      'refused',
    );
  });

  it('every legacy STATUS maps to its own row, unchanged', () => {
    for (const code of Object.keys(STATUS_TABLE).map(Number)) {
      const read = readWorldlineStatus({ statusOutput: { statusCode: code } });
      assert.equal(read.legacyStatus, code);
      assert.equal(read.info.name, STATUS_TABLE[code]![0]);
    }
  });

  it('without a usable statusCode the outcome is unknown, whatever status says', () => {
    for (const statusOutput of [
      undefined,
      {},
      { statusCode: '9' },
      { statusCode: 9.5 },
      { statusCode: -1 },
    ]) {
      const read = readWorldlineStatus({ status: 'CAPTURED', statusOutput });
      assert.equal(read.legacyStatus, undefined);
      assert.equal(read.info.outcome, 'unknown');
    }
    assert.equal(legacyStatusOf(null), undefined);
    assert.equal(readWorldlineStatus('nonsense').status, '');
  });

  it('hosted checkout statuses: unknown ones (Connect heritage) are never paid', () => {
    assert.equal(hostedCheckoutState('PAYMENT_CREATED'), 'payment-created');
    assert.equal(hostedCheckoutState('IN_PROGRESS'), 'in-progress');
    assert.equal(hostedCheckoutState('CANCELLED_BY_CONSUMER'), 'cancelled');
    assert.equal(
      hostedCheckoutState('CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT'),
      'unknown',
    );
    assert.equal(hostedCheckoutState(undefined), 'unknown');
  });
});
