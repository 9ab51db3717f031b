/**
 * `ogone-checkout serve`: the companion endpoint as a standalone server, configured by
 * environment variables; wires the env, the backend client, the handler and the HTTP server.
 */
import { redactor } from '../../internal/redact.js';
import { serveSecrets } from './secrets.js';
import type { OgoneEnvironment } from '../../protocol/environment.js';
import { OgoneConfigError } from '../config/config-error.js';
import { isTestEnvironment } from '../config/passphrase.js';
import { MAX_BODY_BYTES } from '../http/door.js';
import { toNodeListener } from '../http/node-adapter.js';
import { createOgoneHandler, type OgoneHandler } from '../handler.js';
import type { OgoneHandlerOptions } from '../types.js';
import { createBackendClient } from './backend-client.js';
import { forwardHeaders, readEnv, variableFor, type ServeEnv } from './env.js';
import { providerOptionsOf } from './provider-env.js';
import { serveUntilStopped } from './http-server.js';
import { startReconcileTimer } from '../operations/reconcile-timer.js';
import type { Ledger } from '../ledger/ledger.js';
import { describeLedgerUrl } from '../ledger/open.js';
import { ledgerDisabled, openServeLedger, readLedgerEnv, type LedgerEnv } from './ledger-env.js';

const HELP = `Usage: ogone-checkout serve

Runs the companion endpoint (POST /ogone/sign, POST /ogone/verify, GET|POST /ogone/feedback,
GET /healthz). Configuration, from the environment:

  OGONE_PSPID                   your PSPID (required)
  OGONE_SHA_IN                  SHA-IN passphrase (required, 16-32 characters in prod)
  OGONE_SHA_OUT                 SHA-OUT passphrase (required, different from SHA-IN)
  OGONE_HASH_ALGORITHM          sha1 | sha256 | sha512 (default sha512)
  OGONE_ENVIRONMENT             test | prod (default test), or instead:
  OGONE_BASE_URL                hosted page base URL, e.g. https://secure.ogone.com/ncol/prod
  OGONE_USERID                  the API user ("Special user for API"); sent as USERID (optional)
  OGONE_PASSWORD                the API user's password: turns DirectLink on (saved cards, capture,
                                cancel, refund, status queries); needs OGONE_USERID (optional)
  OGONE_DIRECTLINK_SHA_IN       SHA-IN of "Checks for DirectLink and Batch" when it differs from
                                OGONE_SHA_IN (optional)
  OGONE_ALLOWED_RETURN_ORIGINS  comma-separated origins of your shop (required)
  OGONE_ORDER_LOOKUP_URL        GET <url>/<orderRef> answers the order as JSON, 404 when unknown (required)
  OGONE_RESULT_WEBHOOK_URL      verified results are POSTed here as JSON; must answer 2xx (required)
  OGONE_BACKEND_TOKEN           sent as "authorization: Bearer <token>" to both URLs (optional)
  OGONE_ADMIN_TOKEN             turns on the payments page for your staff at /ogone/admin, signed
                                in with this token (16+ characters; needs the ledger; optional)
  OGONE_ORDER_LOOKUP_FORWARD_HEADERS
                                shopper headers forwarded to the order lookup so it can refuse
                                orders the caller does not own (default cookie,authorization;
                                authorization arrives as x-forwarded-authorization; none = none)
  OGONE_DATABASE_URL            the payment ledger: a postgres:// URL or a directory (default
                                ./.ogone-checkout/ledger, embedded PostgreSQL); off = no ledger
  OGONE_DATABASE_POOL_SIZE      connections to a PostgreSQL server (default 10)
  OGONE_DELIVERY                outbox (default: 200 to Ogone once recorded, webhook fed from the
                                ledger's outbox with retries) | sync (200 once the webhook took it)
  OGONE_DELIVERY_MAX_ATTEMPTS   webhook attempts before a result is dead-lettered (default 25)
  OGONE_MAX_RETURN_AGE_DAYS     oldest shopper's return /verify shows (default 7; off = no limit)
  OGONE_RECONCILE_INTERVAL      with a ledger and the API user: every this many seconds, query
                                payments left pending or uncertain, with back-off (default 60,
                                at least 30; off = never)
  OGONE_PROVIDER                ogone (default) | worldline-direct (needs the ledger and:)
  WORLDLINE_API_KEY_ID          Merchant Portal "API key ID" (Developer > Payment API)
  WORLDLINE_API_SECRET          its "Secret API key" (signs every API call)
  WORLDLINE_WEBHOOK_KEY_ID      Merchant Portal webhook "Key ID" (the X-GCS-KeyId)
  WORLDLINE_WEBHOOK_SECRET      its "Secret webhook key"; webhook endpoint: <your host>/ogone/feedback
  WORLDLINE_MERCHANT_ID         default OGONE_PSPID
  WORLDLINE_ENVIRONMENT         test | prod (default test), or instead:
  WORLDLINE_BASE_URL            API base URL, e.g. http://127.0.0.1:5173/worldline for the sandbox
  HOST                          default 127.0.0.1
  PORT                          default 8787
`;

function usage(argv: string[]): number | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(
      `ogone-checkout serve: unexpected argument ${JSON.stringify(argv[0])}\n\n${HELP}`,
    );
    return 2;
  }
  return undefined;
}

/** The API user, when OGONE_PASSWORD is set (the schema ensures OGONE_USERID is too). */
export function directLinkOf(config: ServeEnv): OgoneHandlerOptions['directLink'] {
  if (config.OGONE_PASSWORD === undefined || config.OGONE_USERID === undefined) return undefined;
  return {
    userId: config.OGONE_USERID,
    password: config.OGONE_PASSWORD,
    shaIn: config.OGONE_DIRECTLINK_SHA_IN,
  };
}

/** The endpoint's options from the environment (also the CLI's after-sale commands'). */
export function handlerOptions(
  config: ServeEnv,
  ledgerConfig: LedgerEnv,
  ledger: Ledger | undefined,
  write: (entry: object) => void,
): OgoneHandlerOptions {
  const environment: OgoneEnvironment =
    config.OGONE_BASE_URL !== undefined
      ? { baseUrl: config.OGONE_BASE_URL }
      : (config.OGONE_ENVIRONMENT ?? 'test');
  const backend = createBackendClient({
    orderLookupUrl: config.OGONE_ORDER_LOOKUP_URL,
    resultWebhookUrl: config.OGONE_RESULT_WEBHOOK_URL,
    token: config.OGONE_BACKEND_TOKEN,
    forwardHeaders: forwardHeaders(config),
    requireHttps: !isTestEnvironment(environment),
  });
  return {
    pspid: config.OGONE_PSPID,
    shaIn: config.OGONE_SHA_IN,
    shaOut: config.OGONE_SHA_OUT,
    hashAlgorithm: config.OGONE_HASH_ALGORITHM,
    environment,
    userId: config.OGONE_USERID,
    directLink: directLinkOf(config),
    allowedReturnOrigins: config.OGONE_ALLOWED_RETURN_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    resolveOrder: backend.resolveOrder,
    onPaymentResult: backend.onPaymentResult,
    cors: true,
    logger: write,
    ledger,
    delivery: ledgerConfig.OGONE_DELIVERY,
    outbox: { maxAttempts: ledgerConfig.OGONE_DELIVERY_MAX_ATTEMPTS },
    maxReturnAgeDays: ledgerConfig.OGONE_MAX_RETURN_AGE_DAYS,
    ...(config.OGONE_ADMIN_TOKEN !== undefined
      ? { admin: { token: config.OGONE_ADMIN_TOKEN } }
      : {}),
    ...providerOptionsOf(config),
  };
}

export function buildHandler(
  config: ServeEnv,
  ledgerConfig: LedgerEnv,
  ledger: Ledger | undefined,
  write: (entry: object) => void,
): OgoneHandler {
  return createOgoneHandler(handlerOptions(config, ledgerConfig, ledger, write));
}

/** `ogone-checkout serve`: resolves with the exit code once stopped (SIGTERM/SIGINT → 0). */
export async function runServe(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const early = usage(argv);
  if (early !== undefined) return early;

  let config: ServeEnv;
  let ledgerConfig: LedgerEnv;
  try {
    config = readEnv(env);
    ledgerConfig = readLedgerEnv(env);
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    process.stderr.write(lines.map((line) => `ogone-checkout serve: ${line}\n`).join(''));
    return 1;
  }

  const redact = redactor(serveSecrets(config, ledgerConfig));
  const write = (entry: object) => {
    process.stdout.write(
      `${redact(JSON.stringify({ time: new Date().toISOString(), ...entry }))}\n`,
    );
  };

  let ledger: Ledger | undefined;
  if (!ledgerDisabled(ledgerConfig)) {
    try {
      ledger = await openServeLedger(ledgerConfig);
    } catch (error) {
      process.stderr.write(`ogone-checkout serve: ${redact((error as Error).message)}\n`);
      return 1;
    }
  }

  let handler: OgoneHandler;
  try {
    handler = buildHandler(config, ledgerConfig, ledger, write);
  } catch (error) {
    await ledger?.close();
    if (error instanceof OgoneConfigError) {
      const reason = error.message.replace(/^Invalid option [^:]*: /, '');
      process.stderr.write(
        `ogone-checkout serve: Invalid ${variableFor(error.option)}: ${redact(reason)}\n`,
      );
      return 1;
    }
    throw error;
  }

  const reconciling =
    ledger !== undefined &&
    config.OGONE_PASSWORD !== undefined &&
    ledgerConfig.OGONE_RECONCILE_INTERVAL !== false
      ? startReconcileTimer(handler.operations, ledgerConfig.OGONE_RECONCILE_INTERVAL * 1000, write)
      : undefined;
  const code = await serveUntilStopped({
    host: config.HOST,
    port: config.PORT,
    listener: toNodeListener(handler, { maxBodyBytes: MAX_BODY_BYTES }),
    log: write,
    describe: {
      basePath: '/ogone',
      provider: config.OGONE_PROVIDER,
      environment: config.OGONE_BASE_URL ?? config.OGONE_ENVIRONMENT ?? 'test',
      directLink: config.OGONE_PASSWORD === undefined ? 'off' : 'on',
      ledger: ledger === undefined ? 'off' : describeLedgerUrl(ledgerConfig.OGONE_DATABASE_URL),
      delivery: ledger === undefined ? 'direct' : ledgerConfig.OGONE_DELIVERY,
      reconcile:
        reconciling === undefined ? 'off' : `every ${ledgerConfig.OGONE_RECONCILE_INTERVAL} s`,
      paymentsPage: config.OGONE_ADMIN_TOKEN === undefined ? 'off' : '/ogone/admin',
    },
    onStop: async () => {
      await reconciling?.stop();
      await handler.close();
      await ledger?.close();
    },
  });
  if (code !== 0) {
    await reconciling?.stop();
    await handler.close();
    await ledger?.close();
  }
  return code;
}
