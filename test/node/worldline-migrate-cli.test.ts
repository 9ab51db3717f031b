/**
 * `ogone-checkout migrate-to-worldline-direct` as an operator runs it on an embedded ledger: a dry
 * run counts without changing anything, the run moves the saved cards (aliases verbatim), leaves an
 * alias that cannot be a token and removed cards alone, is idempotent, and `--back` returns the
 * cards Ogone saved. The PostgreSQL variant runs the same SQL through the same driver interface.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLedger } from '../../src/ledger/index.js';
import { saveCard } from '../../src/server/ledger/cards.js';
import { driverOf } from '../../src/server/ledger/ledger.js';
import { runCli } from '../helpers/serve-process.js';

const LONG_ALIAS = `A${'x'.repeat(55)}`;

describe('ogone-checkout migrate-to-worldline-direct', () => {
  let dir: string;
  let url: string;
  const env = () => ({ PATH: process.env['PATH'], OGONE_DATABASE_URL: url });
  const providers = async () => {
    const ledger = await openLedger(url);
    try {
      const rows = await driverOf(ledger).query<{ alias: string; provider: string }>(
        'SELECT alias, provider FROM cards ORDER BY alias',
      );
      return Object.fromEntries(rows.map((row) => [row.alias, row.provider]));
    } finally {
      await ledger.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogone-wl-migrate-'));
    url = join(dir, 'ledger');
    const ledger = await openLedger(url);
    const db = driverOf(ledger);
    const [payment] = await db.query<{ id: string }>(
      `INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency)
       VALUES ('ogone', 'SO-1', 'SO-1-A', 1000, 'EUR') RETURNING id::text AS id`,
    );
    const card = (alias: string) => ({
      provider: 'ogone',
      customerId: 'cust-1',
      alias,
      cardNumber: 'XXXXXXXXXXXX1111',
      brand: 'VISA',
      expiry: '1230',
      paymentId: payment!.id,
    });
    await saveCard(db, card('cust-1-ALIAS1'));
    await saveCard(db, card('cust-1-ALIAS2'));
    await saveCard(db, card(LONG_ALIAS));
    await saveCard(db, card('cust-1-GONE'));
    await db.query(`UPDATE cards SET removed_at = now() WHERE alias = 'cust-1-GONE'`);
    await ledger.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--dry-run counts and changes nothing', async () => {
    const run = await runCli(['migrate-to-worldline-direct', '--dry-run', '--json'], env());
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(report['moved'], 2);
    assert.equal(report['unusable'], 1);
    assert.equal(report['removed'], 1);
    assert.equal(report['dryRun'], true);
    assert.deepEqual(Object.values(await providers()), ['ogone', 'ogone', 'ogone', 'ogone']);
  });

  it('moves the usable aliases verbatim, reports the rest, is idempotent; --back returns them', async () => {
    const run = await runCli(['migrate-to-worldline-direct'], env());
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /moved 2 saved card\(s\) from ogone to worldline-direct; 1 left on ogone/,
    );
    assert.deepEqual(await providers(), {
      [LONG_ALIAS]: 'ogone',
      'cust-1-ALIAS1': 'worldline-direct',
      'cust-1-ALIAS2': 'worldline-direct',
      'cust-1-GONE': 'ogone',
    });
    const again = await runCli(['migrate-to-worldline-direct', '--json'], env());
    const report = JSON.parse(again.stdout) as Record<string, unknown>;
    assert.equal(report['moved'], 0);
    assert.equal(report['alreadyThere'], 2);

    const back = await runCli(['migrate-to-worldline-direct', '--back'], env());
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, /moved 2 saved card\(s\) from worldline-direct to ogone/);
    assert.deepEqual(Object.values(await providers()), ['ogone', 'ogone', 'ogone', 'ogone']);
  });

  it('a wrong flag exits 2 with the usage', async () => {
    const run = await runCli(['migrate-to-worldline-direct', '--force'], env());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: ogone-checkout migrate-to-worldline-direct/);
  });
});
