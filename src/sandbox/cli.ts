/** `ogone-checkout sandbox`: serves the sandbox on node:http until SIGINT / SIGTERM. */
import { createServer } from 'node:http';
import { fetchToNodeListener } from '../internal/node-bridge.js';
import { isHashAlgorithm, type HashAlgorithm } from '../protocol/sign.js';
import { SandboxOptionsError, type SandboxOptions } from './options.js';
import { createSandbox } from './sandbox.js';

const DEMO = {
  pspid: 'DEMOSHOP',
  shaIn: 'demo-sha-in-passphrase',
  shaOut: 'demo-sha-out-passphrase',
};

const HELP = `Usage: ogone-checkout sandbox

Runs a local stand-in for Ogone's hosted payment page at
  http://HOST:PORT/ncol/test/orderstandard_utf8.asp

Environment:
  SANDBOX_PSPID            merchant PSPID            (default ${DEMO.pspid})
  SANDBOX_SHA_IN           SHA-IN passphrase         (default: a demo value)
  SANDBOX_SHA_OUT          SHA-OUT passphrase        (default: a demo value)
  SANDBOX_HASH_ALGORITHM   sha1 | sha256 | sha512    (default sha512)
  SANDBOX_FEEDBACK_URL     server-to-server feedback URL (optional)
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

  const host = env['HOST'] || '127.0.0.1';
  const portText = env['PORT'] || '9000';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    return fail(`PORT must be a port number (0-65535), got ${JSON.stringify(portText)}.`);
  }
  const algorithm = env['SANDBOX_HASH_ALGORITHM'] || 'sha512';
  if (!isHashAlgorithm(algorithm)) {
    return fail('SANDBOX_HASH_ALGORITHM must be sha1, sha256 or sha512.');
  }
  const demoSecrets = !env['SANDBOX_SHA_IN'] && !env['SANDBOX_SHA_OUT'];
  if (!demoSecrets && (!env['SANDBOX_SHA_IN'] || !env['SANDBOX_SHA_OUT'])) {
    return fail('set both SANDBOX_SHA_IN and SANDBOX_SHA_OUT, or neither for the demo values.');
  }
  const options: SandboxOptions = {
    pspid: env['SANDBOX_PSPID'] || DEMO.pspid,
    shaIn: env['SANDBOX_SHA_IN'] || DEMO.shaIn,
    shaOut: env['SANDBOX_SHA_OUT'] || DEMO.shaOut,
    hashAlgorithm: algorithm as HashAlgorithm,
    ...(env['SANDBOX_FEEDBACK_URL'] ? { feedbackUrl: env['SANDBOX_FEEDBACK_URL'] } : {}),
  };
  let sandbox;
  try {
    sandbox = createSandbox(options);
  } catch (error) {
    if (error instanceof SandboxOptionsError) {
      const variable = {
        pspid: 'SANDBOX_PSPID',
        shaIn: 'SANDBOX_SHA_IN',
        shaOut: 'SANDBOX_SHA_OUT',
        feedbackUrl: 'SANDBOX_FEEDBACK_URL',
      }[error.option];
      if (variable === undefined) return fail(error.message);
      const detail = error.message.replace(/^Invalid sandbox option \w+: /, '');
      return fail(detail.split(error.option).join(variable));
    }
    throw error;
  }

  const server = createServer(fetchToNodeListener(sandbox.handler, 64 * 1024));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(Number(portText), host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    sandbox.close();
    return fail(`cannot listen on ${host}:${portText}: ${(error as Error).message}`);
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : Number(portText);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const base = `http://${shownHost}:${port}/ncol/test`;
  process.stdout.write(
    [
      `Ogone sandbox listening on http://${shownHost}:${port}`,
      `  hosted page:  ${base}/orderstandard_utf8.asp`,
      `  environment:  { baseUrl: '${base}' }`,
      `  PSPID:        ${options.pspid}`,
      `  algorithm:    ${algorithm}`,
      `  passphrases:  ${demoSecrets ? `DEMO values (SHA-IN "${DEMO.shaIn}", SHA-OUT "${DEMO.shaOut}") - never use them in production` : 'from SANDBOX_SHA_IN / SANDBOX_SHA_OUT (not shown)'}`,
      `  feedback:     ${options.feedbackUrl ?? 'none (set SANDBOX_FEEDBACK_URL)'}`,
      '',
    ].join('\n'),
  );

  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      sandbox.close();
      server.close(() => resolve(0));
      server.closeAllConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
