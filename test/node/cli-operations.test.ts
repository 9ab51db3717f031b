/**
 * `ogone-checkout capture|cancel|refund|status|reconcile` spawned as an operator runs them, on
 * an embedded ledger and the sandbox over HTTP: human-readable output, --json for scripts, exit 1
 * with the reason on a refusal, exit 2 with the usage for a wrong command line.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLedger } from '../../src/ledger/index.js';
import { createSandboxServer, listen } from '../../src/sandbox/cli/server.js';
import { openShop, type Shop } from '../helpers/after-sale.js';
import { API_USER, DL_SHA_IN } from '../helpers/directlink.js';
import { PSPID, SHA_IN, SHA_OUT } from '../helpers/sandbox.js';
import { runCli } from '../helpers/serve-process.js';

describe('ogone-checkout capture / cancel / refund / status / reconcile', () => {
  let dir: string;
  let shop: Shop;
  let server: Server;
  let env: NodeJS.ProcessEnv;
  let authorised: string;
  let other: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogone-ops-cli-'));
    const url = join(dir, 'ledger');
    const ledger = await openLedger(url);
    shop = await openShop(ledger);
    authorised = await shop.pay('1510');
    other = await shop.pay('990');
    await shop.close();
    await ledger.close(); // the commands open the directory themselves
    shop.feedback.open = false; // no endpoint listens now: statuses come from queries
    server = createSandboxServer(shop.sandbox.handler);
    const port = await listen(server, '127.0.0.1', 0);
    env = {
      PATH: process.env['PATH'],
      OGONE_PSPID: PSPID,
      OGONE_SHA_IN: SHA_IN,
      OGONE_SHA_OUT: SHA_OUT,
      OGONE_BASE_URL: `http://127.0.0.1:${port}/ncol/test`,
      OGONE_USERID: API_USER.userId,
      OGONE_PASSWORD: API_USER.password,
      OGONE_DIRECTLINK_SHA_IN: DL_SHA_IN,
      OGONE_ALLOWED_RETURN_ORIGINS: 'https://shop.example',
      OGONE_ORDER_LOOKUP_URL: 'http://127.0.0.1:9/orders/',
      OGONE_RESULT_WEBHOOK_URL: 'http://127.0.0.1:9/webhook',
      OGONE_DATABASE_URL: url,
    };
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('captures part in plain words, then the rest as JSON', async () => {
    const part = await runCli(['capture', authorised, '--amount', '5.00', '--key', 'cli-1'], env);
    assert.equal(part.code, 0, part.stderr);
    assert.match(part.stdout, /Capture of 5\.00 EUR \(SAL\): accepted, pending/);
    assert.match(part.stdout, /STATUS 91/);
    assert.match(part.stdout, /Key: cli-1/);
    const again = await runCli(['capture', authorised, '--amount', '5.00', '--key', 'cli-1'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /nothing sent now/);
    const rest = await runCli(['capture', authorised, '--json'], env);
    assert.equal(rest.code, 0, rest.stderr);
    const result = JSON.parse(rest.stdout) as { operation: string; amount: number; step: number };
    assert.deepEqual([result.operation, result.amount, result.step], ['SAS', 1010, 2]);
    assert.equal(rest.stderr.includes(API_USER.password), false);
  });

  it('exits 1 naming the reason when the ledger refuses, before anything is sent', async () => {
    const over = await runCli(['refund', authorised, '--amount', '20.00'], env);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /refused \((not-refundable|refund-exceeds-captured)\)/);
    const cancel = await runCli(['cancel', authorised, '--json'], env);
    assert.equal(cancel.code, 1);
    const body = JSON.parse(cancel.stdout) as { error: { code: string } };
    assert.equal(body.error.code, 'not-cancellable');
    const unknown = await runCli(['status', 'NO-SUCH-ORDER'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /payment-not-found/);
  });

  it('status asks Ogone at each pending step and records it, once per 30 s', async () => {
    const status = await runCli(['status', authorised], env);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /Asked Ogone: STATUS 9 \(applied\)/);
    assert.match(status.stdout, /captured 15\.10/);
    assert.match(status.stdout, /cli-1 +SAL +5\.00 +done/);
    const soon = await runCli(['status', authorised, '--json'], env);
    assert.equal((JSON.parse(soon.stdout) as { queried: boolean }).queried, false);
    const refund = await runCli(['refund', authorised, '--amount', '1.50'], env);
    assert.equal(refund.code, 0, refund.stderr);
    assert.match(refund.stdout, /Refund of 1\.50 EUR \(RFD\)/);
  });

  it('cancels an authorisation; reconcile queries what is pending', async () => {
    const cancel = await runCli(['cancel', other], env);
    assert.equal(cancel.code, 0, cancel.stderr);
    assert.match(cancel.stdout, /Cancellation of 9\.90 EUR \(DES, last\)/);
    const due = await runCli(['reconcile', '--dry-run', '--older-than', '0', '--json'], env);
    assert.equal(due.code, 0, due.stderr);
    const report = JSON.parse(due.stdout) as { dryRun: boolean; payments: { orderRef: string }[] };
    assert.equal(report.dryRun, true);
    assert.ok(
      report.payments.some((p) => p.orderRef === other),
      'the pending cancellation is due',
    );
    const run = await runCli(['reconcile', '--older-than', '0'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Queried [12] payment\(s\)/);
    assert.match(run.stdout, /61 +6 +resolved/);
  });

  it('exits 2 with the usage for a wrong command line; --help explains', async () => {
    for (const args of [
      ['capture', authorised, '--amount', '5.001'],
      ['capture', authorised, '--amount', 'five'],
      ['refund'],
      ['cancel', authorised, '--amount', '1.00'],
      ['reconcile', 'extra'],
    ]) {
      const wrong = await runCli(args, env);
      assert.equal(wrong.code, 2, `${args.join(' ')}: ${wrong.stderr}`);
      assert.match(wrong.stderr, /Usage: ogone-checkout/);
    }
    const help = await runCli(['refund', '--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /RFD for\na part/);
    const top = await runCli(['--help'], {});
    assert.match(top.stdout, /capture +capture part or all of an authorisation/);
    const noUser = await runCli(['status', authorised], {
      ...env,
      OGONE_PASSWORD: '',
      OGONE_DIRECTLINK_SHA_IN: '',
    });
    assert.equal(noUser.code, 1);
    assert.match(noUser.stderr, /api-user-missing/);
  });
});
