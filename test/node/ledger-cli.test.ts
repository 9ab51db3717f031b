/**
 * The ledger commands as an operator runs them (`payments list`, `payments show`, `ledger
 * migrate`), and the parsing they rest on, fuzzed: a wrong command line exits 2 with its usage,
 * an unusable ledger exits 1 with one line, never a stack trace or a password.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  parseCommandArgs,
  parseLimit,
  parseSince,
  parseStatus,
  UsageError,
} from '../../src/cli/args.js';
import { runLedgerCommand } from '../../src/cli/ledger-commands.js';
import { openLedger } from '../../src/ledger/index.js';
import { OUTCOMES } from '../../src/protocol/status.js';
import { createOgoneHandler } from '../../src/server/index.js';
import { describeLedgerUrl, parseLedgerUrl } from '../../src/server/ledger/open.js';
import { OgoneLedgerError } from '../../src/server/ledger/ledger-error.js';
import { LATEST_VERSION } from '../../src/server/ledger/migrations.js';
import { signedQuery, TEST_SHA_IN, TEST_SHA_OUT } from '../helpers/ogone-messages.js';
import { runCli } from '../helpers/serve-process.js';

describe('ogone-checkout payments / ledger', () => {
  let dir: string;
  let url: string;
  const env = () => ({ PATH: process.env['PATH'], OGONE_DATABASE_URL: url });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ogone-cli-'));
    url = join(dir, 'ledger');
    const migrated = await runCli(['ledger', 'migrate'], env());
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, new RegExp(`schema version ${LATEST_VERSION}\\b`));
    const ledger = await openLedger(url);
    const handler = createOgoneHandler({
      pspid: 'SHOP1',
      shaIn: TEST_SHA_IN,
      shaOut: TEST_SHA_OUT,
      environment: 'test',
      allowedReturnOrigins: ['https://shop.example'],
      resolveOrder: () => ({ amount: '10.50', currency: 'EUR', customerId: 'c-1' }),
      onPaymentResult: () => undefined,
      logger: false,
      ledger,
    });
    for (const [id, ref, status, sub] of [
      ['CLI-1-A', 'CLI-1', '9', '0'],
      ['CLI-1-A', 'CLI-1', '8', '1'],
      ['CLI-2-A', 'CLI-2', '2', '0'],
    ] as const) {
      const query = await signedQuery({ orderID: id, COMPLUS: ref, STATUS: status, PAYIDSUB: sub });
      const answer = await handler(new Request(`http://127.0.0.1/ogone/feedback?${query}`));
      assert.equal(answer.status, 200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // the outbox delivers
    await handler.close();
    await ledger.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists payments as a table, filters by status and date, and as JSON', async () => {
    const list = await runCli(['payments', 'list'], env());
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^UPDATED\s+ORDER\s+ORDERID\s+STATUS/);
    assert.match(list.stdout, /CLI-1\s+CLI-1-A\s+8\s+refunded\s+10\.50 EUR\s+10\.50/);
    assert.match(list.stdout, /CLI-2\s+CLI-2-A\s+2\s+refused/);
    const refused = await runCli(
      ['payments', 'list', '--status', 'refused', '--since', '1h', '--json'],
      env(),
    );
    assert.equal(refused.code, 0, refused.stderr);
    const rows = JSON.parse(refused.stdout) as { orderId: string }[];
    assert.deepEqual(
      rows.map((r) => r.orderId),
      ['CLI-2-A'],
    );
    const none = await runCli(
      ['payments', 'list', '--since', '2000-01-01', '--status', '9'],
      env(),
    );
    assert.equal(none.stdout, 'No payments.\n');
  });

  it('shows a payment: state, events timeline and deliveries', async () => {
    const show = await runCli(['payments', 'show', 'CLI-1'], env());
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /Payment CLI-1-A \(order CLI-1, ogone\)/);
    assert.match(show.stdout, /status\s+8 Refund \(refunded\)/);
    assert.match(show.stdout, /feedback\s+9\s+0\s+applied/);
    assert.match(show.stdout, /feedback\s+8\s+1\s+applied/);
    assert.match(show.stdout, /CLI-1-A:3000000001:1:8\s+1\s+20\d\d-/);
    const json = await runCli(['payments', 'show', 'CLI-1-A', '--json'], env());
    const [history] = JSON.parse(json.stdout) as { events: unknown[]; deliveries: unknown[] }[];
    assert.equal(history?.events.length, 2);
    assert.equal(history?.deliveries.length, 2);
    const unknown = await runCli(['payments', 'show', 'NOPE'], env());
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no payment for "NOPE"/);
  });

  it('exits 2 with the usage for a wrong command line, 1 for a ledger it cannot open', async () => {
    for (const args of [
      ['payments'],
      ['payments', 'delete'],
      ['payments', 'list', '--status', 'rich'],
      ['payments', 'list', '--since', 'yesterday'],
      ['payments', 'list', '--bogus'],
      ['payments', 'show'],
      ['ledger', 'migrate', 'now'],
    ]) {
      const run = await runCli(args, env());
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(`${run.stdout}${run.stderr}`, /Usage: ogone-checkout/);
    }
    const missing = join(dir, 'missing');
    const run = await runCli(['payments', 'list', '--database', missing], env());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /No ledger at/);
    assert.ok(!existsSync(missing), 'reading never creates a ledger');
    const pg = await runCli(
      ['payments', 'list', '--database', 'postgres://u:TopS3cret@127.0.0.1:1/x'],
      env(),
    );
    assert.equal(pg.code, 1);
    assert.ok(!pg.stderr.includes('TopS3cret'));
    assert.ok(!/\n\s+at /.test(pg.stderr));
  });
});

describe('ledger command-line and URL parsing (fuzzed)', () => {
  it('parses --since, --status and --limit or throws a UsageError, for any input', () => {
    assert.equal(parseSince('24h', 1_000_000_000_000).getTime(), 1_000_000_000_000 - 86_400_000);
    assert.equal(parseSince('2026-11-30').toISOString(), '2026-11-30T00:00:00.000Z');
    assert.equal(parseStatus('9', OUTCOMES), 9);
    assert.equal(parseStatus('paid', OUTCOMES), 'paid');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        for (const parse of [
          () => parseSince(value),
          () => parseStatus(value, OUTCOMES),
          () => parseLimit(value),
        ]) {
          try {
            parse();
          } catch (error) {
            assert.ok(error instanceof UsageError, String(error));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parses any argv into options or a UsageError (never anything else)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 20 }),
            fc.constantFrom('--status', '--json', '--since', '-x', '--', '--database='),
          ),
          { maxLength: 8 },
        ),
        (argv) => {
          try {
            parseCommandArgs(argv, ['status', 'since', 'database'], ['json'], 1);
          } catch (error) {
            assert.ok(error instanceof UsageError, String(error));
            assert.ok(error.message.length <= 200);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads any ledger URL as a target or an OgoneLedgerError; describing one never shows a password', () => {
    assert.deepEqual(parseLedgerUrl('pglite:memory'), { kind: 'pglite', dir: null });
    assert.equal(parseLedgerUrl('postgres://u:pw@db:5432/x').kind, 'postgres');
    assert.equal(
      describeLedgerUrl('postgres://u:pw@db:5432/x?sslmode=require'),
      'postgres://u@db:5432/x',
    );
    assert.equal(parseLedgerUrl('C:\\ledger').kind, 'pglite');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.webUrl().map((u) => u.replace(/^https?/, 'postgres')),
          fc.string({ maxLength: 30 }).map((s) => `pglite:${s}`),
        ),
        fc.string({ minLength: 6, maxLength: 12 }).filter((s) => /^[A-Za-z0-9]+$/.test(s)),
        (value, password) => {
          try {
            parseLedgerUrl(value);
          } catch (error) {
            assert.ok(error instanceof OgoneLedgerError, String(error));
          }
          const withPassword = `postgres://user:${password}@h${value.replace(/[^a-z]/g, '').slice(0, 10)}.example/db`;
          assert.ok(!describeLedgerUrl(withPassword).includes(password));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('runs any argv in-process to an exit code 0, 1 or 2 without throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogone-cli-fuzz-'));
    const env = { OGONE_DATABASE_URL: join(dir, 'absent') };
    const writes = { out: process.stdout.write, err: process.stderr.write };
    const word = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '--status',
        '--since',
        '--json',
        '--limit',
        '--database',
        '0',
        '9',
        'paid',
        '7d',
      ),
    );
    const samples = fc.sample(
      fc.tuple(
        fc.constantFrom('payments', 'ledger'),
        fc.constantFrom('list', 'show', 'list', 'show', 'help', 'nope'),
        fc.array(word, { maxLength: 5 }),
      ),
      { numRuns: 80, seed: 42 },
    );
    let output = '';
    const codes = new Set<number>();
    process.stdout.write = ((chunk: string) => (
      (output += chunk),
      true
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => (
      (output += chunk),
      true
    )) as typeof process.stderr.write;
    try {
      for (const [group, sub, rest] of samples) {
        // --database would point elsewhere (a reading command never creates a ledger anyway).
        const argv = [sub, ...rest.filter((word) => word !== '--database')];
        const code = await runLedgerCommand(group as 'payments' | 'ledger', argv, env);
        assert.ok([0, 1, 2].includes(code), `${group} ${argv.join(' ')} → ${code}`);
        codes.add(code);
      }
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
      rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(!/\n\s+at /.test(output), 'no stack trace');
    assert.ok(codes.has(1) && codes.has(2), 'both usage mistakes and an absent ledger were met');
    assert.ok(!output.includes(dir) || output.includes('No ledger at'), 'failures say why');
  });
});
