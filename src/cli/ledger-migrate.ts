/** `ogone-checkout ledger migrate [--database <url>] [--json]`: brings the ledger's schema up to date. */
import { describeLedgerUrl } from '../server/ledger/open.js';
import { parseCommandArgs } from './args.js';
import { databaseUrl, openForCommand } from './database.js';

export const LEDGER_MIGRATE_USAGE = `Usage: ogone-checkout ledger migrate [--json] [--database <url>]

Creates or upgrades the ledger's tables (serve does it at start-up too). Safe to run while other
processes use a PostgreSQL ledger.
`;

export async function ledgerMigrate(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseCommandArgs(argv, ['database'], ['json'], 0);
  const url = databaseUrl(values['database'] as string | undefined, env);
  const ledger = await openForCommand(url, true);
  try {
    const report = await ledger.migrate();
    if (values['json'] === true) {
      process.stdout.write(`${JSON.stringify({ location: describeLedgerUrl(url), ...report })}\n`);
    } else {
      process.stdout.write(
        `Ledger at ${describeLedgerUrl(url)}: schema version ${report.version}.\n`,
      );
    }
    return 0;
  } finally {
    await ledger.close();
  }
}
