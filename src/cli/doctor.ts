/**
 * `ogone-checkout doctor`: checks the configuration `serve` would run with, and that the platform,
 * the API user, the backend and the ledger answer — without paying or delivering anything.
 */
import { redactor } from '../internal/redact.js';
import { serveSecrets } from '../server/serve/secrets.js';
import { runDoctorChecks, type Check } from '../server/serve/doctor-checks.js';
import { readEnv } from '../server/serve/env.js';
import { readLedgerEnv } from '../server/serve/ledger-env.js';

const HELP = `Usage: ogone-checkout doctor [--json]

Checks, with the same OGONE_* variables as "ogone-checkout serve" (see its --help), and without
paying or sending a result:
  configuration        every variable, with the prod rules (https, passphrases)
  hosted payment page  the environment's orderstandard_utf8.asp answers
  API user             a querydirect for an order that cannot exist: "unknown order" proves the
                       user, its password and the DirectLink SHA-IN
  order lookup         answers 404 for an unknown order, accepts OGONE_BACKEND_TOKEN
  result webhook       reachable (a HEAD request; no result is sent)
  payment ledger       OGONE_DATABASE_URL opens (read only)
Exit code 0 when nothing failed (warnings allowed), 1 otherwise.

In the Ogone back office, also check by hand: the hash algorithm (OGONE_HASH_ALGORITHM) and
UTF-8; SHA-IN and SHA-OUT as set here; the feedback URL <endpoint>/ogone/feedback with "online,
with deferred request"; the dynamic parameters; the API user's rights; alias options.
`;

const MARK: Record<Check['status'], string> = { ok: '✓', warn: '!', fail: '✗' };

export async function runDoctor(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const json = argv.includes('--json');
  const unknown = argv.find((arg) => arg !== '--json');
  if (unknown !== undefined) {
    process.stderr.write(
      `ogone-checkout doctor: unexpected argument ${JSON.stringify(unknown)}\n\n${HELP}`,
    );
    return 2;
  }
  let checks: Check[];
  let redact = (text: string) => text;
  try {
    const config = readEnv(env);
    const ledgerConfig = readLedgerEnv(env);
    redact = redactor(serveSecrets(config, ledgerConfig));
    checks = await runDoctorChecks({ config, ledgerConfig, fetch: globalThis.fetch });
  } catch (error) {
    checks = (error as Error).message.split('\n').map((line) => ({
      name: 'configuration',
      status: 'fail' as const,
      detail: line,
      hint: 'Fix the variable named.',
    }));
  }
  if (json) {
    process.stdout.write(`${redact(JSON.stringify({ checks }, null, 2))}\n`);
  } else {
    const width = Math.max(...checks.map((check) => check.name.length));
    for (const check of checks) {
      const line = `${MARK[check.status]} ${check.name.padEnd(width)}  ${check.detail}`;
      process.stdout.write(`${redact(line)}\n`);
      if (check.hint !== undefined && check.status !== 'ok') {
        process.stdout.write(`  ${' '.repeat(width)}  → ${redact(check.hint)}\n`);
      }
    }
  }
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
