/**
 * serve's reconciliation timer: runs reconcile() every interval, one run at a time, logs what it
 * did or why it failed, and stops cleanly (waiting for the run in flight); and its variable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startReconcileTimer } from '../../src/server/operations/reconcile-timer.js';
import type { OgoneOperations, ReconcileReport } from '../../src/server/index.js';
import { readLedgerEnv } from '../../src/server/serve/ledger-env.js';

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fakeOps(run: () => Promise<ReconcileReport>): OgoneOperations {
  const none = () => Promise.reject(new Error('not used'));
  return {
    capture: none,
    cancel: none,
    refund: none,
    status: none,
    operationsOf: none,
    reconcile: run,
  };
}

describe('reconciliation timer', () => {
  it('runs one at a time, logs results and failures, and stops after the run in flight', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    const ops = fakeOps(async () => {
      runs++;
      concurrent++;
      most = Math.max(most, concurrent);
      await idle(30);
      concurrent--;
      if (runs === 2) throw new Error('database down');
      return {
        dryRun: false,
        payments:
          runs === 1
            ? [
                {
                  paymentId: '1',
                  orderRef: 'o',
                  orderId: 'O-1',
                  statusBefore: 92,
                  statusAfter: 9,
                  resolved: true,
                  attempts: 1,
                  nextQueryAt: null,
                  flagged: false,
                },
              ]
            : [],
      };
    });
    const lines: Record<string, unknown>[] = [];
    const timer = startReconcileTimer(ops, 5, (entry) => lines.push(entry));
    while (runs < 3) await idle(5);
    await timer.stop();
    const stoppedAt = runs;
    await idle(40);
    assert.equal(runs, stoppedAt, 'no run after stop()');
    assert.equal(concurrent, 0, 'stop() waited for the run in flight');
    assert.equal(most, 1, 'never two runs at once');
    assert.equal(lines[0]!['event'], 'reconcile');
    assert.equal(lines[0]!['resolved'], 1);
    assert.equal(lines[1]!['event'], 'reconcile-failed');
    assert.match(String(lines[1]!['message']), /database down/);
    assert.equal(lines.length, 2, 'a run that queried nothing logs nothing');
  });

  it('OGONE_RECONCILE_INTERVAL: seconds (at least 30, default 60) or off', () => {
    assert.equal(readLedgerEnv({}).OGONE_RECONCILE_INTERVAL, 60);
    assert.equal(readLedgerEnv({ OGONE_RECONCILE_INTERVAL: '300' }).OGONE_RECONCILE_INTERVAL, 300);
    assert.equal(
      readLedgerEnv({ OGONE_RECONCILE_INTERVAL: 'off' }).OGONE_RECONCILE_INTERVAL,
      false,
    );
    for (const bad of ['10', '1m', '-5', 'never']) {
      assert.throws(
        () => readLedgerEnv({ OGONE_RECONCILE_INTERVAL: bad }),
        /Invalid OGONE_RECONCILE_INTERVAL/,
      );
    }
  });
});
