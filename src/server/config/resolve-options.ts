/**
 * `resolveOptions`: validates `createOgoneHandler`'s options once and normalises them into what
 * the routes read. A wrong option throws `OgoneConfigError` naming it.
 */
import { hostedPaymentPageUrl, type OgoneEnvironment } from '../../protocol/environment.js';
import type { HashAlgorithm } from '../../protocol/sign.js';
import { issuePath } from '../../internal/issues.js';
import { redactor } from '../../internal/redact.js';
import { httpOrigin } from '../../internal/url.js';
import { defaultDigest } from '../digest.js';
import type { DirectLinkClient } from '../directlink/types.js';
import type { AliasUsageSetting } from '../rules/alias-usage.js';
import type {
  DigestFunction,
  OgoneHandlerOptions,
  OgoneLogEntry,
  OnPaymentResult,
  ResolveOrder,
} from '../types.js';
import { OgoneConfigError } from './config-error.js';
import type { PaymentProvider } from '../providers/provider.js';
import { createProvider, providerDirectLink } from '../providers/select.js';
import { resolveProviderOption, type ResolvedProviderOption } from './provider-option.js';
import { resolveLedgerOptions, type ResolvedLedgerOptions } from './ledger-options.js';
import { defaultLogger, safeLog } from './logger.js';
import { resolveDirectLink } from './directlink-option.js';
import { OptionsSchema } from './options-schema.js';
import { isTestEnvironment, passphraseProblems } from './passphrase.js';
import { productionProblems } from './production-rules.js';

/** Everything the handler needs, validated and normalised. */
export interface ResolvedOptions extends ResolvedLedgerOptions, ResolvedProviderOption {
  /** The platform behind the routes (see `providers/provider.ts`). */
  provider: PaymentProvider;
  pspid: string;
  shaIn: string;
  shaOut: string;
  hashAlgorithm: HashAlgorithm;
  environment: OgoneEnvironment;
  /** `orderstandard_utf8.asp` of the environment. */
  action: string;
  userId: string | undefined;
  /** The API user's client; `undefined` without `directLink` (saved cards and after-sale off). */
  directLink: DirectLinkClient | undefined;
  /** `""` or `/path` without trailing slash. */
  basePath: string;
  allowedReturnOrigins: ReadonlySet<string>;
  resolveOrder: ResolveOrder;
  onPaymentResult: OnPaymentResult;
  /** The merchant's ALIASUSAGE texts; `undefined` for the built-in ones. */
  aliasUsage: AliasUsageSetting | undefined;
  operation: 'SAL' | 'RES';
  cors: boolean;
  log: (entry: OgoneLogEntry) => void;
  /** False when nobody reads request lines (no logger, or the default one). */
  logRequests: boolean;
  digest: DigestFunction;
  /** Removes every secret from a text (for logs of foreign error messages). */
  scrub: (text: string) => string;
}

/**
 * Validates and normalises the options. Throws {@link OgoneConfigError} naming the first wrong
 * option; in `prod`, refuses passphrases that break Ogone's rule, in `test` only warns.
 */
export function resolveOptions(input: OgoneHandlerOptions): ResolvedOptions {
  if (typeof input !== 'object' || input === null) {
    throw new OgoneConfigError('options', 'must be an object');
  }
  const parsed = OptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Messages are ours or zod's generic ones: they never echo the value.
    throw new OgoneConfigError(issuePath(issue, 'options'), issue.message);
  }
  const options = parsed.data;
  const ledgerOptions = resolveLedgerOptions(input);
  const logger = options.logger === false ? undefined : (options.logger ?? defaultLogger);
  const log = safeLog(logger);

  const baseUrl = typeof options.environment === 'string' ? undefined : options.environment.baseUrl;
  const problems = [
    ...passphraseProblems(options.shaIn, options.shaOut, options.directLink?.shaIn),
    ...productionProblems(baseUrl, options.allowedReturnOrigins),
  ];
  if (problems.length > 0) {
    if (!isTestEnvironment(options.environment)) {
      const first = problems[0]!;
      throw new OgoneConfigError(first.option, `${first.message}; refusing to start in prod`);
    }
    for (const problem of problems) {
      log({
        level: 'warn',
        event: 'config',
        message: `Option ${problem.option} ${problem.message}; tolerated in test, refused in prod.`,
      });
    }
  }

  const environment: OgoneEnvironment =
    typeof options.environment === 'string'
      ? options.environment
      : { baseUrl: options.environment.baseUrl };
  const digest = options.digest ?? defaultDigest;
  const directLink = resolveDirectLink(options.directLink, {
    pspid: options.pspid,
    shaIn: options.shaIn,
    shaOut: options.shaOut,
    hashAlgorithm: options.hashAlgorithm,
    environment,
    digest,
    log,
  });
  const providerOption = resolveProviderOption(input, options.provider);
  const resolved: Omit<ResolvedOptions, 'provider'> = {
    pspid: options.pspid,
    shaIn: options.shaIn,
    shaOut: options.shaOut,
    hashAlgorithm: options.hashAlgorithm,
    environment,
    action: hostedPaymentPageUrl(environment),
    userId: options.userId === '' ? undefined : options.userId,
    directLink,
    basePath: options.basePath.replace(/\/+$/, ''),
    allowedReturnOrigins: new Set(options.allowedReturnOrigins.map((o) => httpOrigin(o)!)),
    resolveOrder: options.resolveOrder,
    onPaymentResult: options.onPaymentResult,
    aliasUsage: options.aliasUsage,
    operation: options.operation,
    cors: options.cors,
    log,
    logRequests: logger !== undefined && logger !== defaultLogger,
    digest,
    scrub: redactor([
      options.shaIn,
      options.shaOut,
      options.directLink?.password,
      options.directLink?.shaIn,
      providerOption.worldlineDirect?.apiSecret,
      providerOption.worldlineDirect?.webhookSecret,
    ]),
    ...ledgerOptions,
    ...providerOption,
  };
  // The provider reads the other resolved options (it is built last, from them).
  const withProvider = resolved as ResolvedOptions;
  withProvider.provider = createProvider(withProvider);
  withProvider.directLink = providerDirectLink(withProvider) ?? withProvider.directLink;
  return withProvider;
}
