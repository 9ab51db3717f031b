#!/usr/bin/env node
/**
 * `ogone-checkout` command line: global flags (`--version`, `--env-file`, `--help`) and the
 * table of commands, each loaded on demand.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

type Run = (argv: string[], env: NodeJS.ProcessEnv) => Promise<number>;

interface Command {
  summary: string;
  load: () => Promise<Run>;
}

type AfterSale = 'capture' | 'cancel' | 'refund' | 'status' | 'reconcile';

function afterSale(name: AfterSale, summary: string): Command {
  return {
    summary,
    load: async () => {
      const { runAfterSale } = await import('./cli/operations.js');
      return (argv, env) => runAfterSale(name, argv, env);
    },
  };
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'run the companion endpoint (configured by OGONE_* environment variables)',
    load: async () => (await import('./server/serve/run.js')).runServe,
  },
  sandbox: {
    summary: 'run the local Ogone platform stand-in (hosted page, DirectLink)',
    load: async () => (await import('./sandbox/cli.js')).runSandbox,
  },
  payments: {
    summary: 'list [--status …] [--since …] | show <orderRef|orderId>: what the ledger recorded',
    load: async () => {
      const { runLedgerCommand } = await import('./cli/ledger-commands.js');
      return (argv, env) => runLedgerCommand('payments', argv, env);
    },
  },
  capture: afterSale(
    'capture',
    'capture part or all of an authorisation [--amount 5.00] [--final]',
  ),
  cancel: afterSale('cancel', 'cancel an authorisation nothing was captured from'),
  refund: afterSale('refund', 'refund part or all of what was captured [--amount 5.00] [--final]'),
  status: afterSale('status', "ask Ogone a payment's status now and record it"),
  reconcile: afterSale('reconcile', 'query payments left pending or uncertain, with back-off'),
  doctor: {
    summary: 'check the configuration, the platform, the API user, the backend and the ledger',
    load: async () => (await import('./cli/doctor.js')).runDoctor,
  },
  'migrate-to-worldline-direct': {
    summary:
      "[--dry-run] [--back]: move the ledger's saved cards to Worldline Direct (aliases as tokens)",
    load: async () => {
      const { runCommand } = await import('./cli/ledger-commands.js');
      const { migrateToWorldline, MIGRATE_WORLDLINE_USAGE } =
        await import('./cli/migrate-worldline.js');
      return (argv, env) =>
        runCommand(
          'ogone-checkout migrate-to-worldline-direct',
          migrateToWorldline,
          MIGRATE_WORLDLINE_USAGE,
          argv,
          env,
        );
    },
  },
  ledger: {
    summary: "migrate: create or upgrade the payment ledger's tables",
    load: async () => {
      const { runLedgerCommand } = await import('./cli/ledger-commands.js');
      return (argv, env) => runLedgerCommand('ledger', argv, env);
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)}${command.summary}`,
  );
  return `Usage: ogone-checkout [--env-file <path>] <command> [options]

Commands:
${lines.join('\n')}

Options:
  --env-file <path>  load environment variables from a .env file first (existing ones win)
  --version          print the version
  --help             show this text; "ogone-checkout <command> --help" for a command
`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = [...argv];
  while (args[0]?.startsWith('-')) {
    const flag = args.shift()!;
    if (flag === '--version' || flag === '-v') {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(usage());
      return 0;
    }
    if (flag === '--env-file' || flag.startsWith('--env-file=')) {
      const path = flag.includes('=') ? flag.slice('--env-file='.length) : args.shift();
      if (path === undefined || path === '') {
        process.stderr.write('ogone-checkout: --env-file needs a path\n');
        return 2;
      }
      try {
        // Node's own .env parser; variables already set are never overwritten. (Node 20 also
        // reads --env-file itself, wherever it appears on the command line.)
        const loaded = parseEnv(readFileSync(path, 'utf8'));
        for (const [key, value] of Object.entries(loaded)) env[key] ??= value;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        process.stderr.write(`ogone-checkout: cannot read --env-file ${path} (${code})\n`);
        return 2;
      }
      continue;
    }
    process.stderr.write(`ogone-checkout: unknown option ${JSON.stringify(flag)}\n\n${usage()}`);
    return 2;
  }
  const [name, ...rest] = args;
  if (name === undefined) {
    process.stdout.write(usage());
    return 2;
  }
  if (name === 'help') {
    const topic = rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    if (topic !== undefined) return (await topic.load())(['--help'], env);
    process.stdout.write(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(`ogone-checkout: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return 2;
  }
  return (await command.load())(rest, env);
}

main(process.argv.slice(2), process.env).then(
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
