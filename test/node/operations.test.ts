/**
 * Capture, cancel, refund and status against the sandbox, on the embedded ledger and on a
 * PostgreSQL server: exact partial amounts, refusals before any DirectLink call, the final flag,
 * idempotency keys kept in the database, a lost answer recovered without applying it twice, and
 * two concurrent refunds (one process, and two instances on one database).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Ledger } from '../../src/ledger/index.js';
import {
  createOgoneHandler,
  createOgoneOperations,
  OgoneConfigError,
  OgoneOperationError,
  type OperationErrorCode,
} from '../../src/server/index.js';
import { openShop, type Shop } from '../helpers/after-sale.js';
import { call } from '../helpers/directlink.js';
import { eventually, freshSchema, targets } from '../helpers/ledger-targets.js';
import { HOST, PSPID, SHA_IN, SHA_OUT } from '../helpers/sandbox.js';

/** Asserts the promise rejects with an OgoneOperationError of this code; returns it. */
async function refused(promise: Promise<unknown>, code: OperationErrorCode) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OgoneOperationError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const maintenance = (shop: Shop) => shop.calls.filter((page) => page === 'maintenancedirect');

for (const target of targets()) {
  describe(`after-sale operations (${target.name})`, { skip: target.skip }, () => {
    // One ledger for the suite (the embedded one takes seconds to open); each test has its own
    // orders, sandbox and endpoint.
    let ledger: Promise<Ledger> | undefined;
    const ledgers: Ledger[] = [];
    const shops: Shop[] = [];
    async function shop(options?: Parameters<typeof openShop>[1]): Promise<Shop> {
      ledger ??= target.open().then((opened) => {
        ledgers.push(opened);
        return opened;
      });
      const opened = await openShop(await ledger, options);
      shops.push(opened);
      return opened;
    }
    after(async () => {
      for (const s of shops) await s.close();
      for (const l of ledgers) await l.close();
      await target.cleanup();
    });

    it('captures part (SAL), then the rest (SAS); each step settled by the signed feedback', async () => {
      const s = await shop({ sandbox: { maintenanceDelayMs: 30 } });
      const ref = await s.pay('1510');
      const first = await s.ops.capture(ref, { amount: 500 });
      assert.deepEqual(
        [first.operation, first.amount, first.state, first.status, first.step, first.final],
        ['SAL', 500, 'pending', 91, 1, false],
      );
      assert.equal(first.payment.status, 91, 'recorded as a pending step');
      assert.equal(first.payment.capturedAmount, '0.00', 'not captured before the final status');
      await s.sandbox.idle();
      let [payment] = await s.ledger.findPayments(ref);
      assert.equal(payment!.status, 9);
      assert.equal(payment!.capturedAmount, '5.00');

      const rest = await s.ops.capture(ref);
      assert.deepEqual(
        [rest.operation, rest.amount, rest.step, rest.final],
        ['SAS', 1010, 2, true],
      );
      await s.sandbox.idle();
      [payment] = await s.ledger.findPayments(ref);
      assert.equal(payment!.capturedAmount, '15.10');
      const ops = await s.ops.operationsOf(payment!.id);
      assert.deepEqual(
        ops.map((op) => [op.operation, op.state, op.status]),
        [
          ['SAL', 'done', 9],
          ['SAS', 'done', 9],
        ],
      );
      await refused(s.ops.capture(ref, { amount: 1 }), 'not-capturable');
      assert.equal(maintenance(s).length, 2, 'the refusal sent nothing');
      // The outbox told the merchant about every step (any endpoint on the ledger may deliver).
      const told = () =>
        shops.flatMap((other) => other.delivered).filter((d) => d.orderRef === ref);
      await eventually(() => told().length === 5, 5_000, 'five deliveries');
      assert.deepEqual(
        told()
          .map((d) => `${d.status}:${d.amount}:${d.orderCheck}`)
          .sort(),
        [
          '5:15.10:matched',
          '91:10.10:matched',
          '91:5.00:matched',
          '9:10.10:matched',
          '9:5.00:matched',
        ],
      );
      const history = await s.ledger.paymentHistory(payment!.id);
      assert.deepEqual(
        history!.events.map((e) => [e.source, e.status, e.step]),
        [
          ['feedback', 5, 0],
          ['directlink', 91, 1],
          ['feedback', 9, 1],
          ['directlink', 91, 2],
          ['feedback', 9, 2],
        ],
      );
    });

    it('refuses, before any DirectLink call, what Ogone would refuse', async () => {
      const s = await shop();
      const ref = await s.pay('1510');
      const over = await refused(
        s.ops.capture(ref, { amount: 1511 }),
        'capture-exceeds-authorised',
      );
      assert.equal(over.details.availableMinor, 1510);
      assert.match(over.message, /only 15\.10/);
      await refused(s.ops.refund(ref), 'not-refundable');
      for (const amount of [0, -5, 1.5, Number.NaN, '5' as unknown as number]) {
        await refused(s.ops.capture(ref, { amount }), 'invalid-amount');
      }
      await refused(s.ops.capture('NO-SUCH-ORDER'), 'payment-not-found');
      assert.deepEqual(s.calls, []);
      await s.ops.capture(ref, { amount: 100 });
      await refused(s.ops.cancel(ref), 'not-cancellable');
      assert.deepEqual(s.calls, ['maintenancedirect']);
    });

    it('final: true makes a partial capture the last one (SAS)', async () => {
      const s = await shop();
      const ref = await s.pay('1510');
      const last = await s.ops.capture(ref, { amount: 700, final: true });
      assert.deepEqual([last.operation, last.amount], ['SAS', 700]);
      await s.sandbox.idle();
      await refused(s.ops.capture(ref, { amount: 100 }), 'not-capturable');
      const more = await s.ops.refund(ref, { amount: 700, final: false });
      assert.equal(more.operation, 'RFD', 'the whole amount, but not the last refund');
    });

    it('refunds only what was captured and not refunded, to the cent', async () => {
      const s = await shop();
      const ref = await s.pay('1510', 'SAL');
      const part = await s.ops.refund(ref, { amount: 300 });
      assert.deepEqual([part.operation, part.status, part.state], ['RFD', 81, 'pending']);
      await s.sandbox.idle();
      const [payment] = await s.ledger.findPayments(ref);
      assert.deepEqual([payment!.status, payment!.refundedAmount], [8, '3.00']);
      const over = await refused(s.ops.refund(ref, { amount: 1211 }), 'refund-exceeds-captured');
      assert.equal(over.details.availableMinor, 1210);
      const rest = await s.ops.refund(ref);
      assert.deepEqual([rest.operation, rest.amount], ['RFS', 1210]);
      await s.sandbox.idle();
      assert.equal((await s.ledger.findPayments(ref))[0]!.refundedAmount, '15.10');
      await refused(s.ops.refund(ref, { amount: 1 }), 'not-refundable');
      assert.equal(maintenance(s).length, 2);
    });

    it('cancels an authorisation (DES): 61, then 6; nothing can be captured after', async () => {
      const s = await shop();
      const ref = await s.pay('990');
      const cancel = await s.ops.cancel(ref);
      assert.deepEqual([cancel.operation, cancel.status, cancel.amount], ['DES', 61, 990]);
      await s.sandbox.idle();
      assert.equal((await s.ledger.findPayments(ref))[0]!.status, 6);
      await refused(s.ops.capture(ref), 'not-capturable');
      await refused(s.ops.cancel(ref), 'not-cancellable');
      const sale = await s.pay('990', 'SAL');
      await refused(s.ops.cancel(sale), 'not-cancellable');
    });

    it('the same key twice returns the first result and sends nothing, from any instance', async () => {
      const s = await shop();
      const ref = await s.pay('1510');
      const first = await s.ops.capture(ref, { amount: 500, key: 'capture-1' });
      const again = await s.ops.capture(ref, { amount: 500, key: 'capture-1' });
      assert.equal(again.replayed, true);
      assert.deepEqual([again.step, again.amount, again.operation], [first.step, 500, 'SAL']);
      const implicit = await s.ops.capture(ref, { key: 'capture-1' });
      assert.equal(implicit.replayed, true, 'no amount given: the recorded one');
      await refused(
        s.ops.capture(ref, { amount: 600, key: 'capture-1' }),
        'idempotency-key-reused',
      );
      await refused(s.ops.refund(ref, { key: 'capture-1' }), 'idempotency-key-reused');
      // A second endpoint on the same database knows the key.
      const other = createOgoneOperations({
        pspid: PSPID,
        shaIn: SHA_IN,
        shaOut: SHA_OUT,
        environment: { baseUrl: `${HOST}/ncol/test` },
        directLink: { userId: 'ACME-API', password: 'wrong-on-purpose' },
        allowedReturnOrigins: ['https://shop.example'],
        resolveOrder: () => null,
        onPaymentResult: () => undefined,
        ledger: s.ledger,
        logger: false,
      });
      const replay = await other.capture(ref, { amount: 500, key: 'capture-1' });
      assert.equal(replay.replayed, true);
      assert.equal(maintenance(s).length, 1);
    });

    it('a lost answer is resolved by querydirect at its step: applied once, never resent', async () => {
      const s = await shop();
      const ref = await s.pay('1510');
      await s.ops.capture(ref, { amount: 400 });
      await s.sandbox.idle();
      s.sandbox.controls.dropNextAnswer('maintenancedirect', { mode: 'reset', afterMs: 0 });
      const second = await s.ops.capture(ref, { amount: 500, key: 'lost-1' });
      assert.equal(second.step, 2);
      assert.deepEqual(s.calls, ['maintenancedirect', 'maintenancedirect', 'querydirect']);
      await s.sandbox.idle();
      const [payment] = await s.ledger.findPayments(ref);
      assert.equal(payment!.capturedAmount, '9.00');
      const third = await call(s.sandbox, 'querydirect', { PAYID: payment!.payId, PAYIDSUB: '3' });
      assert.equal(third.attrs['NCERROR'], '50001131', 'no third step at Ogone');
      const again = await s.ops.capture(ref, { amount: 500, key: 'lost-1' });
      assert.equal(again.replayed, true);
      assert.equal(maintenance(s).length, 2);
    });

    it('an answer lost for good is "outcome-unknown"; the same key later resolves it by query', async () => {
      const s = await shop();
      const ref = await s.pay('1510');
      s.feedback.open = false; // only a query can tell
      s.sandbox.controls.dropNextAnswer('maintenancedirect', { mode: 'reset', afterMs: 0 });
      s.sandbox.controls.dropNextAnswer('querydirect', { mode: 'reset', afterMs: 0 });
      await refused(s.ops.capture(ref, { amount: 500, key: 'unknown-1' }), 'outcome-unknown');
      await refused(s.ops.capture(ref, { amount: 100 }), 'operation-unresolved');
      await s.sandbox.idle();
      const resolved = await s.ops.capture(ref, { amount: 500, key: 'unknown-1' });
      assert.equal(resolved.replayed, true);
      assert.equal(resolved.step, 1);
      assert.equal(maintenance(s).length, 1, 'never sent a second time');
      const [payment] = await s.ledger.findPayments(ref);
      assert.equal(payment!.capturedAmount, '5.00');
    });

    it('two concurrent refunds that together exceed the captured amount: one wins', async () => {
      const s = await shop();
      const ref = await s.pay('1510', 'SAL');
      const outcomes = await Promise.allSettled([
        s.ops.refund(ref, { amount: 1000 }),
        s.ops.refund(ref, { amount: 1000 }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal((lost[0]!.reason as OgoneOperationError).code, 'refund-exceeds-captured');
      assert.equal(maintenance(s).length, 1);
      const both = await Promise.all([
        s.ops.refund(ref, { amount: 200 }),
        s.ops.refund(ref, { amount: 300 }),
      ]);
      assert.deepEqual(both.map((r) => r.step).sort(), [2, 3], 'serialised: one step each');
      await s.sandbox.idle();
      assert.equal((await s.ledger.findPayments(ref))[0]!.refundedAmount, '15.00');
    });

    it(
      'two instances on one database: concurrent refunds are serialised by the row lock',
      { skip: target.name === 'postgres' ? false : 'one process holds an embedded database' },
      async () => {
        const schema = freshSchema();
        const [one, two] = [await target.open({ schema }), await target.open({ schema })];
        ledgers.push(one, two);
        const a = await openShop(one);
        const b = await openShop(two, { sharedSandbox: a.sandbox });
        shops.push(a, b);
        const ref = await a.pay('1510', 'SAL');
        const outcomes = await Promise.allSettled([
          a.ops.refund(ref, { amount: 800 }),
          b.ops.refund(ref, { amount: 800 }),
        ]);
        assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
        const lost = outcomes.find((o) => o.status === 'rejected')!;
        assert.equal((lost.reason as OgoneOperationError).code, 'refund-exceeds-captured');
        assert.equal(maintenance(a).length + maintenance(b).length, 1, 'one refund sent');
        const keyed = await Promise.all([
          a.ops.refund(ref, { amount: 100, key: 'both-1' }),
          b.ops.refund(ref, { amount: 100, key: 'both-1' }),
        ]);
        assert.deepEqual(keyed.map((r) => r.replayed).sort(), [false, true]);
        assert.equal(maintenance(a).length + maintenance(b).length, 2, 'the key sent once');
      },
    );

    it('status() asks querydirect and records the answer as a query event (once per 30 s)', async () => {
      const s = await shop();
      const ref = await s.pay('1510');
      s.feedback.open = false;
      await s.ops.capture(ref, { amount: 500 });
      await s.sandbox.idle();
      assert.equal((await s.ledger.findPayments(ref))[0]!.status, 91, 'the feedback never came');
      const status = await s.ops.status(ref);
      assert.deepEqual(
        [status.queried, status.answeredStatus, status.disposition, status.payment.status],
        [true, 9, 'applied', 9],
      );
      assert.equal(status.payment.capturedAmount, '5.00');
      assert.deepEqual(
        status.operations.map((op) => op.state),
        ['done'],
      );
      const history = await s.ledger.paymentHistory(status.payment.id);
      assert.deepEqual(history!.events.at(-1)!.source, 'query');
      const soon = await s.ops.status(ref);
      assert.equal(soon.queried, false, 'not asked again within 30 s');
      assert.equal(s.calls.filter((page) => page === 'querydirect').length, 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Every endpoint on this ledger runs an outbox worker: any of them may deliver it.
      assert.ok(
        shops.some((other) => other.delivered.some((d) => d.orderRef === ref && d.status === 9)),
        'the outbox told the merchant',
      );
    });
  });
}

describe('after-sale operations given anything as a reference or key', () => {
  it('answer a typed error, never a crash nor a DirectLink call', async () => {
    const { openLedger } = await import('../../src/ledger/index.js');
    const fc = (await import('fast-check')).default;
    const ledger = await openLedger('pglite:memory');
    const s = await openShop(ledger);
    const ref = await s.pay('1510');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('', ' ', "' OR 1=1 --", '%00')),
        fc.oneof(fc.string({ maxLength: 120 }), fc.constant(undefined)),
        async (reference, key) => {
          if (reference === ref) return true; // (the one real order)
          try {
            await s.ops.capture(reference, { amount: 100, key });
            return false;
          } catch (error) {
            return error instanceof OgoneOperationError;
          }
        },
      ),
      { numRuns: 60 },
    );
    for (const key of ['', 'k'.repeat(101), 'with space', 'naïve']) {
      await refused(s.ops.capture(ref, { amount: 100, key }), 'invalid-request');
    }
    assert.deepEqual(s.calls, []);
    await s.close();
    await ledger.close();
  });
});

describe('after-sale operations without a ledger or an API user', () => {
  const base = {
    pspid: PSPID,
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: 'test' as const,
    allowedReturnOrigins: ['https://shop.example'],
    resolveOrder: () => null,
    onPaymentResult: () => undefined,
    logger: false as const,
  };
  it('say so with a typed error', async () => {
    const handler = createOgoneHandler(base);
    await refused(handler.operations.capture('ORD-1'), 'ledger-missing');
    assert.throws(() => createOgoneOperations(base), OgoneConfigError);
    const { openLedger } = await import('../../src/ledger/index.js');
    const ledger = await openLedger('pglite:memory');
    const ops = createOgoneOperations({ ...base, ledger });
    const error = await refused(ops.refund('ORD-1'), 'api-user-missing');
    assert.match(error.message, /OGONE_PASSWORD/);
    await handler.close();
    await ledger.close();
  });
});
