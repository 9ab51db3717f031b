/**
 * `ogone-checkout capture|cancel|refund|status|reconcile`: the after-sale operations from the
 * command line, configured by the same OGONE_* variables as `serve`. Exit 0 when done, 1 when
 * refused or failed (the reason on stderr, or as JSON with --json), 2 for a wrong command line.
 */
import { redactor } from '../internal/redact.js';
import { serveSecrets } from '../server/serve/secrets.js';
import { toOgoneAmount } from '../protocol/amount.js';
import { OgoneConfigError } from '../server/config/config-error.js';
import { openServeLedger, readLedgerEnv } from '../server/serve/ledger-env.js';
import { readEnv, variableFor } from '../server/serve/env.js';
import { handlerOptions } from '../server/serve/run.js';
import { createOgoneOperations } from '../server/operations/create.js';
import { OgoneOperationError } from '../server/operations/errors.js';
import type { OgoneOperations } from '../server/operations/types.js';
import { parseCommandArgs, UsageError } from './args.js';
import { renderOperation, renderReconcile, renderStatus } from './operations-render.js';

export type AfterSaleCommand = 'capture' | 'cancel' | 'refund' | 'status' | 'reconcile';

const ENV_NOTE = `
Reads the same OGONE_* variables as "ogone-checkout serve" (see its --help); the API user
(OGONE_USERID, OGONE_PASSWORD) and the ledger (OGONE_DATABASE_URL) are required. An embedded
ledger directory can be used only while serve is stopped; with PostgreSQL, any time. The results
reach your webhook through the ledger's outbox, delivered by serve.
Exit code: 0 done, 1 refused or failed (the reason is printed), 2 wrong command line.
`;

export const USAGE: Record<AfterSaleCommand, string> = {
  capture: `Usage: ogone-checkout capture <orderRef|orderId> [--amount 5.00] [--final] [--key <key>] [--json]

Captures an authorisation: --amount (major units, default everything not yet captured); SAL
for a part, SAS for the last capture (--final, or the whole rest).
`,
  cancel: `Usage: ogone-checkout cancel <orderRef|orderId> [--key <key>] [--json]

Cancels an authorisation nothing was captured from (DES).
`,
  refund: `Usage: ogone-checkout refund <orderRef|orderId> [--amount 5.00] [--final] [--key <key>] [--json]

Refunds what was captured: --amount (major units, default everything not yet refunded); RFD for
a part, RFS for the last refund (--final, or the whole rest).
`,
  status: `Usage: ogone-checkout status <orderRef|orderId> [--json]

Asks Ogone the payment's status now (querydirect) and records it in the ledger.
`,
  reconcile: `Usage: ogone-checkout reconcile [--dry-run] [--older-than 10m] [--limit 20] [--json]

Queries the payments left pending or uncertain longer than --older-than (and operations whose
answer was lost), with back-off: 1 min, 5 min, 30 min, 2 h, 6 h, then flagged for a person.
`,
};

/** `--amount 5.00` → 500 minor units. */
export function parseAmount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    const minor = Number(toOgoneAmount(value));
    if (minor > 0) return minor;
  } catch {
    // the usage error below
  }
  throw new UsageError(
    `--amount must be a positive amount with at most two decimals, like 5.00, not ${JSON.stringify(value.slice(0, 40))}`,
  );
}

/** `--older-than 10m` / `2h` / `0` → milliseconds. */
export function parseOlderThan(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,6})(s|m|h)?$/.exec(value);
  if (match === null) throw new UsageError('--older-than must be like 30s, 10m or 2h');
  return (
    Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(match[2] as 's' | 'm' | 'h') ?? 's']
  );
}

async function perform(
  command: AfterSaleCommand,
  ops: OgoneOperations,
  values: Record<string, string | boolean | undefined>,
  reference: string | undefined,
): Promise<{ json: unknown; text: string }> {
  if (command === 'reconcile') {
    const limit = values['limit'] === undefined ? undefined : Number(values['limit']);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
      throw new UsageError('--limit must be a whole number from 1 to 1000');
    }
    const report = await ops.reconcile({
      dryRun: values['dry-run'] === true,
      olderThan: parseOlderThan(values['older-than'] as string | undefined),
      limit,
    });
    return { json: report, text: renderReconcile(report) };
  }
  if (reference === undefined) throw new UsageError(`${command} needs an orderRef or an ORDERID`);
  if (command === 'status') {
    const status = await ops.status(reference);
    return { json: status, text: renderStatus(status) };
  }
  const key = values['key'] as string | undefined;
  const result =
    command === 'cancel'
      ? await ops.cancel(reference, { key })
      : await ops[command](reference, {
          amount: parseAmount(values['amount'] as string | undefined),
          final: values['final'] === true ? true : undefined,
          key,
        });
  return { json: result, text: renderOperation(result) };
}

function argsOf(command: AfterSaleCommand, argv: readonly string[]) {
  if (command === 'reconcile') {
    return parseCommandArgs(argv, ['older-than', 'limit'], ['dry-run', 'json'], 0);
  }
  if (command === 'status') return parseCommandArgs(argv, [], ['json'], 1);
  if (command === 'cancel') return parseCommandArgs(argv, ['key'], ['json'], 1);
  return parseCommandArgs(argv, ['amount', 'key'], ['final', 'json'], 1);
}

/** Runs one after-sale command; resolves with the exit code. */
export async function runAfterSale(
  command: AfterSaleCommand,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const prefix = `ogone-checkout ${command}`;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE[command] + ENV_NOTE);
    return 0;
  }
  const json = argv.includes('--json');
  let redact = (text: string) => text;
  const failed = (code: string, message: string, exit: number) => {
    if (json)
      process.stdout.write(`${JSON.stringify({ error: { code, message: redact(message) } })}\n`);
    process.stderr.write(`${prefix}: ${redact(message)}\n`);
    return exit;
  };
  let parsed;
  try {
    parsed = argsOf(command, argv);
  } catch (error) {
    process.stderr.write(`${prefix}: ${(error as Error).message}\n\n${USAGE[command]}`);
    return 2;
  }
  let ledger;
  try {
    const config = readEnv(env);
    const ledgerConfig = readLedgerEnv(env);
    redact = redactor(serveSecrets(config, ledgerConfig));
    ledger = await openServeLedger(ledgerConfig);
    const ops = createOgoneOperations(
      handlerOptions(config, ledgerConfig, ledger, () => undefined),
    );
    const done = await perform(command, ops, parsed.values, parsed.positionals[0]);
    process.stdout.write(json ? `${JSON.stringify(done.json, null, 2)}\n` : done.text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${prefix}: ${error.message}\n\n${USAGE[command]}`);
      return 2;
    }
    if (error instanceof OgoneOperationError) {
      const label = error.status < 500 ? 'refused' : 'failed';
      return failed(error.code, `${label} (${error.code}): ${error.message}`, 1);
    }
    if (error instanceof OgoneConfigError) {
      const reason = error.message.replace(/^Invalid option [^:]*: /, '');
      return failed('invalid-configuration', `Invalid ${variableFor(error.option)}: ${reason}`, 1);
    }
    return failed('failed', (error as Error).message.split('\n').join('; ').slice(0, 1000), 1);
  } finally {
    await ledger?.close();
  }
}
