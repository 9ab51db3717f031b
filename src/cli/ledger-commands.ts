/**
 * `ogone-checkout payments …` and `ogone-checkout ledger …`: dispatch, usage texts, and one way
 * to report failures (a usage mistake exits 2, a ledger that cannot be opened exits 1; never a
 * stack trace, never a password).
 */
import { urlPassword, redactor } from '../internal/redact.js';
import { OgoneLedgerError } from '../server/ledger/ledger-error.js';
import { UsageError } from './args.js';
import { ledgerMigrate, LEDGER_MIGRATE_USAGE } from './ledger-migrate.js';
import { paymentsList, PAYMENTS_LIST_USAGE } from './payments-list.js';
import { paymentsShow, PAYMENTS_SHOW_USAGE } from './payments-show.js';

type Command = (argv: readonly string[], env: NodeJS.ProcessEnv) => Promise<number>;

const COMMANDS: Record<string, Record<string, [Command, string]>> = {
  payments: {
    list: [paymentsList, PAYMENTS_LIST_USAGE],
    show: [paymentsShow, PAYMENTS_SHOW_USAGE],
  },
  ledger: { migrate: [ledgerMigrate, LEDGER_MIGRATE_USAGE] },
};

const ENV_NOTE = `
The ledger is --database <url>, else OGONE_DATABASE_URL, else ./.ogone-checkout/ledger: a
postgres:// URL or a directory (an embedded ledger directory can be read while serve is stopped).
`;

function usageOf(group: string): string {
  return Object.values(COMMANDS[group]!)
    .map(([, usage]) => usage.split('\n')[0])
    .join('\n')
    .concat('\n', ENV_NOTE);
}

/** Runs `ogone-checkout <group> <sub> …`; resolves with the exit code. */
export async function runLedgerCommand(
  group: 'payments' | 'ledger',
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const [sub, ...rest] = argv;
  const prefix = `ogone-checkout ${group}`;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    process.stdout.write(usageOf(group));
    return sub === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(COMMANDS[group]!, sub) ? COMMANDS[group]![sub] : undefined;
  if (entry === undefined) {
    process.stderr.write(
      `${prefix}: unknown command ${JSON.stringify(sub.slice(0, 40))}\n\n${usageOf(group)}`,
    );
    return 2;
  }
  const [command, usage] = entry;
  return runCommand(`${prefix} ${sub}`, command, usage, rest, env);
}

/** Runs one command on the ledger (`--help`, usage mistakes exit 2, failures exit 1, scrubbed). */
export async function runCommand(
  name: string,
  command: Command,
  usage: string,
  rest: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(usage + ENV_NOTE);
    return 0;
  }
  const scrub = redactor([
    urlPassword(env['OGONE_DATABASE_URL'] ?? ''),
    ...rest.map((arg) => urlPassword(arg)),
  ]);
  try {
    return await command(rest, env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${scrub(error.message)}\n\n${usage}`);
      return 2;
    }
    const text =
      error instanceof OgoneLedgerError
        ? error.message
        : `${(error as Error).name}: ${(error as Error).message}`;
    process.stderr.write(`${name}: ${scrub(text).slice(0, 1000)}\n`);
    return 1;
  }
}
