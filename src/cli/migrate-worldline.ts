/**
 * `ogone-checkout migrate-to-worldline-direct [--dry-run] [--back] [--json] [--database <url>]`:
 * switches the ledger's saved cards to the Worldline Direct provider (legacy aliases verbatim as
 * tokens) and reports what it did; `--back` returns the cards Ogone saved to the Ogone provider.
 */
import { driverOf } from '../server/ledger/ledger.js';
import { moveCards } from '../server/ledger/card-migration.js';
import { describeLedgerUrl } from '../server/ledger/open.js';
import { parseCommandArgs } from './args.js';
import { databaseUrl, openForCommand } from './database.js';

export const MIGRATE_WORLDLINE_USAGE = `Usage: ogone-checkout migrate-to-worldline-direct [--dry-run] [--back] [--json] [--database <url>]

Moves the ledger's saved cards to provider worldline-direct: a legacy Ogone alias is used verbatim
as a Worldline Direct token. Aliases that cannot be tokens (over 50 characters, spaces, commas)
stay and are counted. --dry-run counts without changing anything; --back moves the cards Ogone
saved back to provider ogone (to switch back). Run it when you set OGONE_PROVIDER=worldline-direct.
`;

export async function migrateToWorldline(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseCommandArgs(argv, ['database'], ['dry-run', 'back', 'json'], 0);
  const url = databaseUrl(values['database'] as string | undefined, env);
  const ledger = await openForCommand(url, true);
  try {
    const [from, to] =
      values['back'] === true ? ['worldline-direct', 'ogone'] : ['ogone', 'worldline-direct'];
    const report = await moveCards(driverOf(ledger), from!, to!, values['dry-run'] === true);
    if (values['json'] === true) {
      process.stdout.write(`${JSON.stringify({ location: describeLedgerUrl(url), ...report })}\n`);
      return 0;
    }
    const verb = report.dryRun ? 'would move' : 'moved';
    process.stdout.write(
      `Ledger at ${describeLedgerUrl(url)}: ${verb} ${report.moved} saved card(s) from ${from} to ${to}` +
        `; ${report.unusable} left on ${from} (${to === 'ogone' ? 'saved by Worldline Direct' : 'alias not usable as a token'})` +
        `, ${report.removed} removed card(s) untouched, ${report.alreadyThere} already on ${to}.\n`,
    );
    return 0;
  } finally {
    await ledger.close();
  }
}
