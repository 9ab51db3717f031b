#!/usr/bin/env node
/**
 * `ogone-checkout` command line.
 *   ogone-checkout serve     the companion endpoint, configured by OGONE_* environment variables
 *   ogone-checkout sandbox   the local stand-in for Ogone's hosted payment page
 *   ogone-checkout payments  list / show what the payment ledger recorded
 *   ogone-checkout ledger    migrate the ledger's schema
 */
const USAGE = `Usage: ogone-checkout <command>

Commands:
  serve     run the companion signing endpoint (configured by OGONE_* environment variables)
  sandbox   run the local Ogone hosted-page sandbox
  payments  list [--status …] [--since …] | show <orderRef|orderId>: what the ledger recorded
  ledger    migrate: create or upgrade the ledger's tables
  help      show this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { runServe } = await import('./server/serve/run.js');
      return runServe(rest, process.env);
    }
    case 'sandbox': {
      const { runSandbox } = await import('./sandbox/cli.js');
      return runSandbox(rest, process.env);
    }
    case 'payments':
    case 'ledger': {
      const { runLedgerCommand } = await import('./cli/ledger-commands.js');
      return runLedgerCommand(command, rest, process.env);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(
        `ogone-checkout: unknown command ${JSON.stringify(command)}\n\n${USAGE}`,
      );
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ogone-checkout: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
