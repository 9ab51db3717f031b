/**
 * reconcile() with a fake clock against the sandbox's held-uncertain payments: nothing queried
 * before the threshold, then queries on the back-off schedule (stored in the database), an
 * uncertain payment resolved once Ogone settles it, a flag for a human after the last step, an
 * operation whose answer was lost resolved at its step, and two instances never querying one
 * payment twice.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Ledger } from '../../src/ledger/index.js';
import type { OgoneOperations } from '../../src/server/index.js';
import { driverOf } from '../../src/server/ledger/ledger.js';
import { openShop, type Shop } from '../helpers/after-sale.js';
import { call } from '../helpers/directlink.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { freshSchema, targets } from '../helpers/ledger-targets.js';

const MINUTE = 60_000;

/** A fake clock at the real time (the ledger's own timestamps are the database's). */
function clockNow(): FakeClock {
  const clock = new FakeClock();
  clock.advance(Date.now() - clock.now());
  return clock;
}

const queries = (shop: Shop) => shop.calls.filter((page) => page === 'querydirect').length;

async function orderIdOf(shop: Shop, orderRef: string): Promise<string> {
  return (await shop.ledger.findPayments(orderRef))[0]!.orderId;
}

function mine(report: Awaited<ReturnType<OgoneOperations['reconcile']>>, ids: string[]) {
  return report.payments.filter((p) => ids.includes(p.orderId));
}

for (const target of targets()) {
  describe(`reconcile (${target.name})`, { skip: target.skip }, () => {
    const schema = freshSchema();
    let ledger: Promise<Ledger> | undefined;
    const ledgers: Ledger[] = [];
    const shops: Shop[] = [];
    async function shop(): Promise<Shop> {
      ledger ??= target.open({ schema }).then((opened) => {
        ledgers.push(opened);
        return opened;
      });
      const opened = await openShop(await ledger);
      shops.push(opened);
      return opened;
    }
    after(async () => {
      for (const s of shops) await s.close();
      for (const l of ledgers) await l.close();
      await target.cleanup();
    });

    it('queries an uncertain payment on the back-off schedule until Ogone settles it', async () => {
      const s = await shop();
      const clock = clockNow();
      const ops = s.opsWith(clock);
      const ref = await s.pay('1510', 'RES', true);
      s.feedback.open = false; // from now on only queries can tell
      const id = await orderIdOf(s, ref);
      assert.deepEqual(mine(await ops.reconcile(), [id]), [], 'not before the threshold');
      clock.advance(11 * MINUTE);
      const planned = mine(await ops.reconcile({ dryRun: true }), [id]);
      assert.deepEqual(
        planned.map((p) => [p.statusBefore, p.attempts]),
        [[52, 0]],
      );
      assert.equal(queries(s), 0, 'a dry run asks nothing');

      const first = mine(await ops.reconcile(), [id]);
      assert.deepEqual(
        first.map((p) => [p.statusAfter, p.resolved, p.attempts, p.nextQueryAt]),
        [[52, false, 1, new Date(clock.now() + MINUTE).toISOString()]],
      );
      assert.deepEqual(mine(await ops.reconcile(), [id]), [], 'not due again yet');
      clock.advance(MINUTE);
      const second = mine(await ops.reconcile(), [id]);
      assert.deepEqual(
        second.map((p) => [p.attempts, p.nextQueryAt]),
        [[2, new Date(clock.now() + 5 * MINUTE).toISOString()]],
      );
      assert.equal(queries(s), 2);

      assert.equal(await s.sandbox.controls.releaseUncertain(id), true);
      await s.sandbox.idle();
      clock.advance(5 * MINUTE);
      const third = mine(await ops.reconcile(), [id]);
      assert.deepEqual(
        third.map((p) => [p.statusAfter, p.resolved, p.flagged]),
        [[5, true, false]],
      );
      const [payment] = await s.ledger.findPayments(ref);
      assert.equal(payment!.status, 5);
      const history = await s.ledger.paymentHistory(payment!.id);
      assert.equal(history!.events.at(-1)!.source, 'query');
      clock.advance(6 * 60 * MINUTE);
      assert.deepEqual(mine(await ops.reconcile(), [id]), [], 'resolved: never queried again');
      assert.equal(queries(s), 3);
    });

    it('flags a payment for a human after 1 min, 5 min, 30 min, 2 h and 6 h', async () => {
      const s = await shop();
      const clock = clockNow();
      const ops = s.opsWith(clock);
      const ref = await s.pay('990', 'SAL', true);
      const id = await orderIdOf(s, ref);
      clock.advance(11 * MINUTE);
      const seen: [number, boolean][] = [];
      for (const wait of [0, 1, 5, 30, 120, 360]) {
        clock.advance(wait * MINUTE);
        const [row] = mine(await ops.reconcile(), [id]);
        assert.ok(row, `queried after ${wait} min`);
        seen.push([row.attempts, row.flagged]);
      }
      assert.deepEqual(seen, [
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [5, false],
        [6, true],
      ]);
      clock.advance(24 * 60 * MINUTE);
      assert.deepEqual(mine(await ops.reconcile(), [id]), [], 'flagged: left to a person');
      assert.equal(queries(s), 6);
      await s.sandbox.controls.releaseUncertain(id);
    });

    it('resolves an operation that got no answer at its own step', async () => {
      const s = await shop();
      const clock = clockNow();
      const ops = s.opsWith(clock);
      const ref = await s.pay('1510');
      s.feedback.open = false;
      s.sandbox.controls.dropNextAnswer('maintenancedirect', { mode: 'reset', afterMs: 0 });
      s.sandbox.controls.dropNextAnswer('querydirect', { mode: 'reset', afterMs: 0 });
      await assert.rejects(ops.capture(ref, { amount: 600 }), { code: 'outcome-unknown' });
      await s.sandbox.idle();
      const id = await orderIdOf(s, ref);
      const [row] = mine(await ops.reconcile({ olderThan: 10 * MINUTE }), [id]);
      assert.ok(row, 'an attempt with no answer is due at once');
      assert.equal(row.resolved, true);
      const [payment] = await s.ledger.findPayments(ref);
      assert.deepEqual([payment!.status, payment!.capturedAmount], [9, '6.00']);
      const [op] = await ops.operationsOf(payment!.id);
      assert.deepEqual([op!.state, op!.step], ['done', 1]);
      assert.equal(s.calls.filter((page) => page === 'maintenancedirect').length, 1);
    });

    it('resolves an operation whose sender crashed after sending (still "sent")', async () => {
      const s = await shop();
      const clock = clockNow();
      const ops = s.opsWith(clock, 200);
      const ref = await s.pay('1510');
      const [payment] = await s.ledger.findPayments(ref);
      s.feedback.open = false;
      // Ogone got a capture of 7.00 (step 1); the process died before recording the answer.
      const sent = await call(s.sandbox, 'maintenancedirect', {
        PAYID: payment!.payId,
        OPERATION: 'SAL',
        AMOUNT: '700',
      });
      assert.equal(sent.attrs['STATUS'], '91');
      await driverOf(s.ledger).query(
        `INSERT INTO operations (idempotency_key, payment_id, kind, operation, amount_minor, final,
           state, step, sends, sent_at)
         VALUES ('crashed-1', $1::bigint, 'capture', 'SAL', 700, false, 'sent', 1, 1, $2)`,
        [payment!.id, new Date(clock.now())],
      );
      await s.sandbox.idle();
      await assert.rejects(ops.capture(ref, { amount: 100 }), { code: 'operation-in-progress' });
      clock.advance(4 * MINUTE); // longer than any DirectLink call: its sender is gone
      await assert.rejects(ops.capture(ref, { amount: 100 }), { code: 'operation-unresolved' });
      const [row] = mine(await ops.reconcile(), [payment!.orderId]);
      assert.equal(row?.resolved, true);
      const [after] = await s.ledger.findPayments(ref);
      assert.deepEqual([after!.status, after!.capturedAmount], [9, '7.00']);
      const [op] = await ops.operationsOf(payment!.id);
      assert.deepEqual([op!.key, op!.state], ['crashed-1', 'done']);
      const next = await ops.capture(ref, { amount: 100 });
      assert.equal(next.step, 2);
      assert.equal(s.calls.filter((page) => page === 'maintenancedirect').length, 1);
    });

    it('two instances reconciling at once query each payment once', async () => {
      const s = await shop();
      const other =
        target.name === 'postgres'
          ? await openShop(await target.open({ schema }), { sharedSandbox: s.sandbox })
          : await openShop(s.ledger, { sharedSandbox: s.sandbox });
      shops.push(other);
      if (other.ledger !== s.ledger) ledgers.push(other.ledger);
      const clock = clockNow();
      const refs = [
        await s.pay('100', 'RES', true),
        await s.pay('200', 'RES', true),
        await s.pay('300', 'RES', true),
      ];
      const ids = await Promise.all(refs.map((ref) => orderIdOf(s, ref)));
      clock.advance(11 * MINUTE);
      const [a, b] = await Promise.all([
        s.opsWith(clock).reconcile({ limit: 100 }),
        other.opsWith(clock).reconcile({ limit: 100 }),
      ]);
      const seen = [...mine(a, ids), ...mine(b, ids)].map((p) => p.orderId).sort();
      assert.deepEqual(seen, [...ids].sort(), 'each payment by one instance');
      // (Other tests' pending payments on this ledger may be queried too: only ours are counted.)
      for (const id of ids) await s.sandbox.controls.releaseUncertain(id);
    });
  });
}

describe('reconcile options', () => {
  it('refuses nonsense with a typed error', async () => {
    const { openLedger } = await import('../../src/ledger/index.js');
    const ledger = await openLedger('pglite:memory');
    const s = await openShop(ledger);
    await assert.rejects(s.ops.reconcile({ limit: 0 }), { code: 'invalid-request' });
    await assert.rejects(s.ops.reconcile({ olderThan: -1 }), { code: 'invalid-request' });
    await s.close();
    await ledger.close();
  });
});
