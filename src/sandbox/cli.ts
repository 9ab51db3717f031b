/** `ogone-checkout sandbox`: serves the sandbox on node:http until SIGINT / SIGTERM. */
import { DEMO, optionMessageForEnv, readSandboxEnv } from './cli/env.js';
import { createSandboxServer, listen, untilStopped } from './cli/server.js';
import { SandboxOptionsError } from './options.js';
import { createSandbox, type Sandbox } from './sandbox.js';

const HELP = `Usage: ogone-checkout sandbox

Runs a local stand-in for Ogone's hosted payment page at
  http://HOST:PORT/ncol/test/orderstandard_utf8.asp

Environment:
  SANDBOX_PSPID            merchant PSPID            (default ${DEMO.pspid})
  SANDBOX_SHA_IN           SHA-IN passphrase         (default: a demo value)
  SANDBOX_SHA_OUT          SHA-OUT passphrase        (default: a demo value)
  SANDBOX_HASH_ALGORITHM   sha1 | sha256 | sha512    (default sha512)
  SANDBOX_FEEDBACK_URL     server-to-server feedback URL (optional)
  SANDBOX_USERID           DirectLink API user       (default ${DEMO.userId})
  SANDBOX_PASSWORD         its password              (default: a demo value)
  SANDBOX_DIRECTLINK_SHA_IN  DirectLink SHA-IN       (default: SANDBOX_SHA_IN)
  SANDBOX_MAINTENANCE_DELAY_MS  capture/cancel/refund pending time (default 1000)
  HOST                     default 127.0.0.1
  PORT                     default 9000
`;

function fail(message: string): number {
  process.stderr.write(`ogone-checkout sandbox: ${message}\n`);
  return 2;
}

/** Runs the sandbox; resolves with the exit code once the server has closed. */
export async function runSandbox(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.length > 0) return fail(`unexpected argument ${JSON.stringify(argv[0])}\n\n${HELP}`);
  const config = readSandboxEnv(env);
  if (typeof config === 'string') return fail(config);
  const { host, options, demoSecrets, demoApiUser } = config;

  let sandbox: Sandbox;
  try {
    sandbox = createSandbox(options);
  } catch (error) {
    if (error instanceof SandboxOptionsError) {
      return fail(optionMessageForEnv(error.option, error.message));
    }
    throw error;
  }
  const server = createSandboxServer(sandbox.handler);
  let port: number;
  try {
    port = await listen(server, host, config.port);
  } catch (error) {
    sandbox.close();
    return fail(`cannot listen on ${host}:${config.port}: ${(error as Error).message}`);
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const base = `http://${shownHost}:${port}/ncol/test`;
  process.stdout.write(
    [
      `Ogone sandbox listening on http://${shownHost}:${port}`,
      `  hosted page:  ${base}/orderstandard_utf8.asp`,
      `  DirectLink:   ${base}/orderdirect_utf8.asp, maintenancedirect_utf8.asp, querydirect_utf8.asp`,
      `  environment:  { baseUrl: '${base}' }`,
      `  PSPID:        ${options.pspid}`,
      `  algorithm:    ${options.hashAlgorithm}`,
      `  passphrases:  ${demoSecrets ? `DEMO values (SHA-IN "${DEMO.shaIn}", SHA-OUT "${DEMO.shaOut}") - never use them in production` : 'from SANDBOX_SHA_IN / SANDBOX_SHA_OUT (not shown)'}`,
      `  API user:     ${demoApiUser ? `DEMO user "${DEMO.userId}", password "${DEMO.password}"` : `${options.apiUser!.userId} (password from SANDBOX_PASSWORD, not shown)`}`,
      `  feedback:     ${options.feedbackUrl ?? 'none (set SANDBOX_FEEDBACK_URL)'}`,
      `  controls:     http://${shownHost}:${port}/ncol/sandbox/controls`,
      '',
    ].join('\n'),
  );
  return untilStopped(server, () => sandbox.close());
}
