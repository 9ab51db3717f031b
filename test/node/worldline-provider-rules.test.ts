/**
 * The pure rules of the Worldline Direct provider: which return it reads (and nothing else), the
 * operation step of an id, the GET redirect in the contract (schema and guard agree), and a
 * payment read as the legacy STATUS with its own key per operation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSignedPayload } from '../../src/contract/guards.js';
import { SignedPayloadSchema } from '../../src/contract/schemas.js';
import {
  hasWorldlineReturnParams,
  readWorldlineReturn,
} from '../../src/protocol/worldline/return.js';
import { readWorldlineStatus } from '../../src/protocol/worldline/status.js';
import { operationStep } from '../../src/server/providers/worldline-direct/directlink-answers.js';
import { resultsFromDetails } from '../../src/server/providers/worldline-direct/result.js';
import type { PaymentView } from '../../src/server/providers/worldline-direct/types.js';

describe('worldline-direct provider rules', () => {
  it('reads hostedCheckoutId, RETURNMAC and our orderRef from the return, nothing else', () => {
    const query = '?orderRef=SO-1&hostedCheckoutId=3066019730&RETURNMAC=abc&STATUS=9&amount=1';
    assert.deepEqual(readWorldlineReturn(query), {
      hostedCheckoutId: '3066019730',
      returnMac: 'abc',
      orderRef: 'SO-1',
    });
    assert.equal(hasWorldlineReturnParams(query), true);
    assert.equal(hasWorldlineReturnParams('?hostedCheckoutId=1'), false);
    assert.equal(hasWorldlineReturnParams('?RETURNMAC=&hostedCheckoutId=1'), false);
  });

  it('an operation id <id>_N is step N; the payment itself is step 0', () => {
    assert.equal(operationStep('3254564310_0', '3254564310_0'), 0);
    assert.equal(operationStep('3254564310_2', '3254564310_0'), 2);
    assert.equal(operationStep('opaque', '3254564310_0'), 0);
  });

  it('a GET payload carries no fields; schema and guard agree', () => {
    const get = { action: 'https://x.example/hc/1', method: 'GET', fields: {}, orderId: 'SO-1-A' };
    assert.equal(SignedPayloadSchema.safeParse(get).success, true);
    assert.equal(isSignedPayload(get), true);
    const withFields = { ...get, fields: { AMOUNT: '1' } };
    assert.equal(SignedPayloadSchema.safeParse(withFields).success, false);
    assert.equal(isSignedPayload(withFields), false);
    const put = { ...get, method: 'PUT' };
    assert.equal(SignedPayloadSchema.safeParse(put).success, false);
    assert.equal(isSignedPayload(put), false);
  });

  it('each operation of a payment is a result with its own amount, step and key', () => {
    const status = (code: number) => readWorldlineStatus({ statusOutput: { statusCode: code } });
    const payment: PaymentView = {
      id: '42_0',
      status: status(8),
      amount: { minor: '5000', currency: 'EUR' },
      merchantReference: 'SO-9-X',
      card: undefined,
      token: undefined,
      isCancellable: false,
      isRefundable: true,
      isAuthorized: false,
      hostedCheckoutId: '42',
      raw: {},
    };
    const results = resultsFromDetails(
      {
        payment,
        operations: [
          { id: '42_0', status: status(9), amount: { minor: '5000', currency: 'EUR' } },
          { id: '42_1', status: status(8), amount: { minor: '1000', currency: 'EUR' } },
          { id: '42_2', status: status(8), amount: { minor: '500', currency: 'EUR' } },
        ],
      },
      { orderRef: 'SO-9', orderId: 'SO-9-X', amountMinor: '5000', currency: 'EUR' },
    );
    assert.deepEqual(
      results.map((r) => [r.result.status, r.result.amount, r.step, r.result.idempotencyKey]),
      [
        [9, '50.00', 0, 'SO-9-X:42_0:0:9'],
        [8, '10.00', 1, 'SO-9-X:42_0:1:8'],
        [8, '5.00', 2, 'SO-9-X:42_0:2:8'],
      ],
    );
    assert.throws(
      () =>
        resultsFromDetails(
          { payment: { ...payment, merchantReference: 'OTHER' }, operations: undefined },
          { orderRef: 'SO-9', orderId: 'SO-9-X', amountMinor: '5000', currency: 'EUR' },
        ),
      /another attempt/,
    );
  });
});
