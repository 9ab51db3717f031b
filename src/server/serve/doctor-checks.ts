/**
 * What `ogone-checkout doctor` checks, without paying: the configuration as `serve` would read
 * it, the hosted page, the API user's credentials (a querydirect for an ORDERID that cannot
 * exist), the order lookup, the result webhook and the ledger. Each check is a small function
 * giving `ok`, `warn` or `fail` with a hint naming what to change.
 */
import { networkErrorCode } from '../../internal/network-error.js';
import { randomBase32 } from '../../internal/random.js';
import { hostedPaymentPageUrl, type OgoneEnvironment } from '../../protocol/environment.js';
import { OgoneConfigError } from '../config/config-error.js';
import { isTestEnvironment } from '../config/passphrase.js';
import { createDirectLinkClient } from '../directlink/client.js';
import { DirectLinkError } from '../directlink/errors.js';
import { describeLedgerUrl, openLedger } from '../ledger/open.js';
import { variableFor, type ServeEnv } from './env.js';
import { ledgerDisabled, type LedgerEnv } from './ledger-env.js';
import { buildHandler, directLinkOf } from './run.js';

export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a warning or a failure. */
  hint?: string;
}

export interface DoctorInput {
  config: ServeEnv;
  ledgerConfig: LedgerEnv;
  fetch: typeof fetch;
  /** Milliseconds each network check may take (default 10 s). */
  timeoutMs?: number;
}

const ok = (name: string, detail: string): Check => ({ name, status: 'ok', detail });
const warn = (name: string, detail: string, hint: string): Check => ({
  name,
  status: 'warn',
  detail,
  hint,
});
const failed = (name: string, detail: string, hint: string): Check => ({
  name,
  status: 'fail',
  detail,
  hint,
});

function environmentOf(config: ServeEnv): OgoneEnvironment {
  return config.OGONE_BASE_URL !== undefined
    ? { baseUrl: config.OGONE_BASE_URL }
    : (config.OGONE_ENVIRONMENT ?? 'test');
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = networkErrorCode(error);
  return code !== undefined ? `${error.message} (${code})` : error.message;
}

/** The options `serve` would build, validated exactly as it validates them. */
async function checkConfiguration(input: DoctorInput): Promise<Check> {
  const name = 'configuration';
  try {
    const handler = buildHandler(input.config, input.ledgerConfig, undefined, () => undefined);
    await handler.close();
  } catch (error) {
    // Worldline Direct needs the ledger, which is opened (and checked) on its own below.
    const needsLedger = error instanceof OgoneConfigError && error.option === 'ledger';
    if (error instanceof OgoneConfigError && !needsLedger) {
      const why = error.message.replace(/^Invalid option [^:]*: /, '');
      return failed(
        name,
        `${variableFor(error.option)} ${why}`,
        `Fix ${variableFor(error.option)}.`,
      );
    }
    if (!needsLedger) return failed(name, reason(error), 'See the message above.');
  }
  const environment = environmentOf(input.config);
  return ok(
    name,
    `PSPID ${input.config.OGONE_PSPID}, ${input.config.OGONE_HASH_ALGORITHM}, ${isTestEnvironment(environment) ? 'test' : 'prod'} rules`,
  );
}

async function checkHostedPage(input: DoctorInput): Promise<Check> {
  const name = 'hosted payment page';
  const url = hostedPaymentPageUrl(environmentOf(input.config));
  try {
    const response = await input.fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (response.status === 200) return ok(name, `${url} answers`);
    return failed(
      name,
      `${url} answered HTTP ${response.status}`,
      'Check OGONE_ENVIRONMENT / OGONE_BASE_URL.',
    );
  } catch (error) {
    return failed(
      name,
      `${url}: ${reason(error)}`,
      'Check OGONE_BASE_URL and this server’s network.',
    );
  }
}

/** A querydirect for an ORDERID that cannot exist: "unknown order" means user and SHA-IN work. */
async function checkApiUser(input: DoctorInput): Promise<Check> {
  const name = 'API user (DirectLink)';
  const directLink = directLinkOf(input.config);
  if (directLink === undefined) {
    return warn(
      name,
      'off: no OGONE_PASSWORD',
      'Saved-card payments, capture, cancel, refund and status queries need the API user (OGONE_USERID, OGONE_PASSWORD).',
    );
  }
  const client = createDirectLinkClient({
    pspid: input.config.OGONE_PSPID,
    userId: directLink.userId,
    password: directLink.password,
    shaIn: directLink.shaIn ?? input.config.OGONE_SHA_IN,
    hashAlgorithm: input.config.OGONE_HASH_ALGORITHM,
    environment: environmentOf(input.config),
    fetch: input.fetch,
    secrets: [input.config.OGONE_SHA_IN, input.config.OGONE_SHA_OUT],
  });
  try {
    const { answer } = await client.queryDirect({ orderId: `DOCTOR-${randomBase32(12)}` });
    if (answer.ncError === '50001130' || answer.ncError === '50001131') {
      return ok(name, `${directLink.userId} accepted, SHA-IN matches`);
    }
    return warn(
      name,
      `unexpected answer NCERROR ${answer.ncError ?? '?'} for an unknown order`,
      'The credentials were accepted; check the API user’s rights in the back office.',
    );
  } catch (error) {
    if (error instanceof DirectLinkError) {
      const hints: Partial<Record<string, string>> = {
        'refused-credentials':
          'OGONE_USERID is not an API user ("Special user for API") or OGONE_PASSWORD is wrong.',
        'signature-rejected':
          'Set OGONE_DIRECTLINK_SHA_IN to the SHA-IN of "Checks for DirectLink and Batch" (or make it equal to OGONE_SHA_IN in the back office), and check OGONE_HASH_ALGORITHM.',
        'ip-refused': 'Allow this server’s IP address for DirectLink in the back office.',
      };
      return failed(
        name,
        `${error.code}: ${error.message}`,
        hints[error.code] ?? 'Check the network and OGONE_BASE_URL.',
      );
    }
    return failed(name, reason(error), 'Check the network and OGONE_BASE_URL.');
  }
}

async function checkOrderLookup(input: DoctorInput): Promise<Check> {
  const name = 'order lookup';
  const ref = `doctor-${randomBase32(12)}`;
  const url = `${input.config.OGONE_ORDER_LOOKUP_URL.replace(/\/+$/, '')}/${ref}`;
  try {
    const response = await input.fetch(url, {
      headers: {
        accept: 'application/json',
        ...(input.config.OGONE_BACKEND_TOKEN === undefined
          ? {}
          : { authorization: `Bearer ${input.config.OGONE_BACKEND_TOKEN}` }),
        'x-ogone-checkout-caller': 'shopper',
      },
      redirect: 'error',
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (response.status === 404) return ok(name, 'answers 404 for an unknown order');
    if (response.status === 401 || response.status === 403) {
      return failed(name, `HTTP ${response.status}`, 'Check OGONE_BACKEND_TOKEN.');
    }
    return warn(
      name,
      `HTTP ${response.status} for an order that does not exist`,
      'The lookup must answer 404 for unknown orders (and for orders the caller does not own).',
    );
  } catch (error) {
    return failed(name, reason(error), 'Check OGONE_ORDER_LOOKUP_URL and that the backend runs.');
  }
}

/** Reachability only: a HEAD, never a result (that would be a delivery). */
async function checkWebhook(input: DoctorInput): Promise<Check> {
  const name = 'result webhook';
  try {
    const response = await input.fetch(input.config.OGONE_RESULT_WEBHOOK_URL, {
      method: 'HEAD',
      redirect: 'error',
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
    return ok(name, `reachable (HEAD answered HTTP ${response.status}; no result was sent)`);
  } catch (error) {
    return failed(name, reason(error), 'Check OGONE_RESULT_WEBHOOK_URL and that the backend runs.');
  }
}

async function checkLedger(input: DoctorInput): Promise<Check> {
  const name = 'payment ledger';
  if (ledgerDisabled(input.ledgerConfig)) {
    return warn(name, 'off', 'Without a ledger results are not recorded; set OGONE_DATABASE_URL.');
  }
  const where = describeLedgerUrl(input.ledgerConfig.OGONE_DATABASE_URL);
  try {
    // Read only: doctor never creates or migrates a ledger.
    const ledger = await openLedger(input.ledgerConfig.OGONE_DATABASE_URL, {
      poolSize: 1,
      migrate: false,
    });
    try {
      await ledger.listPayments({ limit: 1 });
    } finally {
      await ledger.close();
    }
    return ok(name, `${where} answers`);
  } catch (error) {
    return failed(
      name,
      reason(error),
      'Check OGONE_DATABASE_URL; create the tables with `ogone-checkout ledger migrate` (an embedded ledger is locked while serve runs).',
    );
  }
}

/** Every check, in order; network checks run only once the configuration reads. */
export async function runDoctorChecks(input: DoctorInput): Promise<Check[]> {
  const configuration = await checkConfiguration(input);
  if (configuration.status === 'fail') return [configuration];
  return [
    configuration,
    await checkHostedPage(input),
    await checkApiUser(input),
    await checkOrderLookup(input),
    await checkWebhook(input),
    await checkLedger(input),
  ];
}
