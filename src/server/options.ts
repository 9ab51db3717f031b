import * as z from 'zod';
import {
  HASH_ALGORITHMS,
  hostedPaymentPageUrl,
  toOgoneAmount,
  type HashAlgorithm,
  type OgoneEnvironment,
} from '../protocol/index.js';
import { defaultDigest } from './digest.js';
import type {
  DigestFunction,
  OgoneHandlerOptions,
  OgoneLogEntry,
  OgoneLogger,
  OnPaymentResult,
  ResolveOrder,
  TrustedOrder,
} from './types.js';

/**
 * A wrong option given to `createOgoneHandler` (or a wrong `OGONE_*` variable for the CLI). The
 * message names the option; it never contains a passphrase.
 */
export class OgoneConfigError extends Error {
  override readonly name = 'OgoneConfigError';
  /** The option (or variable) at fault, e.g. `shaIn` or `allowedReturnOrigins.0`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(`Invalid option ${option}: ${message}`);
    this.option = option;
  }
}

/** Ogone's rule for passphrases (back office, "Global security parameters"). */
export const PASSPHRASE_MIN_LENGTH = 16;
export const PASSPHRASE_MAX_LENGTH = 32;
/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 16 * 1024;

const fn = <T>(label: string) =>
  z.custom<T>((value) => typeof value === 'function', { message: `must be a ${label} function` });

function httpOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username !== '' || url.password !== '') return undefined;
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

const secret = z.string({ message: 'must be a string' }).min(1, { message: 'must not be empty' });

const OptionsSchema = z.object({
  pspid: z
    .string({ message: 'must be a string' })
    .regex(/^[A-Za-z0-9_.-]{1,30}$/, { message: 'must be 1-30 letters, digits, ".", "_" or "-"' }),
  shaIn: secret,
  shaOut: secret,
  hashAlgorithm: z
    .enum(HASH_ALGORITHMS as [HashAlgorithm, ...HashAlgorithm[]], {
      message: 'must be sha1, sha256 or sha512',
    })
    .default('sha512'),
  environment: z.union(
    [
      z.literal('test'),
      z.literal('prod'),
      z.object({
        baseUrl: z
          .string({ message: 'must be a string' })
          .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
            message: 'must be an absolute http(s) URL like https://secure.ogone.com/ncol/prod',
          }),
      }),
    ],
    { message: 'must be "test", "prod" or { baseUrl: "https://…/ncol/prod" }' },
  ),
  userId: z.string({ message: 'must be a string' }).max(100).optional(),
  basePath: z
    .string({ message: 'must be a string' })
    .regex(/^(\/[A-Za-z0-9._~-]+)*\/?$/, {
      message: 'must be a path like "/ogone" (letters, digits, ".", "_", "~", "-")',
    })
    .default('/ogone'),
  allowedReturnOrigins: z
    .array(
      z.string({ message: 'must be a string' }).refine((value) => httpOrigin(value) !== undefined, {
        message: 'must be an http(s) origin like https://shop.example (no path)',
      }),
      { message: 'must be an array of origins' },
    )
    .min(1, { message: 'must list at least one origin' }),
  resolveOrder: fn<ResolveOrder>('resolveOrder(orderRef, request)'),
  onPaymentResult: fn<OnPaymentResult>('onPaymentResult(result, request)'),
  aliasUsage: z.string({ message: 'must be a string' }).min(1).max(255).optional(),
  operation: z.enum(['SAL', 'RES'], { message: 'must be "SAL" or "RES"' }).default('SAL'),
  cors: z.boolean({ message: 'must be a boolean' }).default(false),
  logger: z
    .union([fn<OgoneLogger>('logger(entry)'), z.literal(false)], {
      message: 'must be a function or false',
    })
    .optional(),
  digest: fn<DigestFunction>('digest(text, algorithm)').optional(),
});

/** Everything the handler needs, validated and normalised. */
export interface ResolvedOptions {
  pspid: string;
  shaIn: string;
  shaOut: string;
  hashAlgorithm: HashAlgorithm;
  environment: OgoneEnvironment;
  /** `orderstandard_utf8.asp` of the environment. */
  action: string;
  userId: string | undefined;
  /** `""` or `/path` without trailing slash. */
  basePath: string;
  allowedReturnOrigins: ReadonlySet<string>;
  resolveOrder: ResolveOrder;
  onPaymentResult: OnPaymentResult;
  aliasUsage: string;
  operation: 'SAL' | 'RES';
  cors: boolean;
  log: (entry: OgoneLogEntry) => void;
  /** False when nobody reads request lines (no logger, or the default one). */
  logRequests: boolean;
  digest: DigestFunction;
  /** Removes both passphrases from a text (for logs of foreign error messages). */
  scrub: (text: string) => string;
}

export const DEFAULT_ALIAS_USAGE =
  'Your card will be stored securely for faster checkout next time.';

/** Console output for warnings and errors only; request lines are left to an explicit logger. */
export const defaultLogger: OgoneLogger = (entry) => {
  if (entry.event === 'request') return;
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.warn(line);
};

/** `test` rules for 'test' and `{ baseUrl }` ending in `/test`; `prod` rules otherwise. */
export function isTestEnvironment(environment: OgoneEnvironment): boolean {
  if (environment === 'test') return true;
  if (environment === 'prod') return false;
  try {
    const segments = new URL(environment.baseUrl).pathname.split('/').filter(Boolean);
    return segments[segments.length - 1] === 'test';
  } catch {
    return false;
  }
}

/** Problems with the passphrases, by Ogone's rule; no message contains a passphrase. */
export function passphraseProblems(
  shaIn: string,
  shaOut: string,
): { option: 'shaIn' | 'shaOut'; message: string }[] {
  const problems: { option: 'shaIn' | 'shaOut'; message: string }[] = [];
  for (const [option, value] of [
    ['shaIn', shaIn],
    ['shaOut', shaOut],
  ] as const) {
    if (value.length < PASSPHRASE_MIN_LENGTH || value.length > PASSPHRASE_MAX_LENGTH) {
      problems.push({
        option,
        message: `must be ${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} characters (Ogone's rule)`,
      });
    }
  }
  if (shaIn === shaOut) {
    problems.push({
      option: 'shaOut',
      message: 'must differ from shaIn (two separate secrets in the Ogone back office)',
    });
  }
  return problems;
}

function scrubber(secrets: readonly string[]): (text: string) => string {
  const list = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of list) out = out.split(s).join('[redacted]');
    return out;
  };
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
    const option = issue.path.length > 0 ? issue.path.map(String).join('.') : 'options';
    // Messages are ours or zod's generic ones: they never echo the value.
    throw new OgoneConfigError(option, issue.message);
  }
  const options = parsed.data;
  const scrub = scrubber([options.shaIn, options.shaOut]);
  const logger = options.logger === false ? undefined : (options.logger ?? defaultLogger);
  const log = (entry: OgoneLogEntry) => {
    if (logger === undefined) return;
    try {
      logger(entry);
    } catch {
      // A failing logger must never change an answer.
    }
  };

  const problems = passphraseProblems(options.shaIn, options.shaOut);
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

  const basePath = options.basePath.replace(/\/+$/, '');
  const environment: OgoneEnvironment =
    typeof options.environment === 'string'
      ? options.environment
      : { baseUrl: options.environment.baseUrl };
  return {
    pspid: options.pspid,
    shaIn: options.shaIn,
    shaOut: options.shaOut,
    hashAlgorithm: options.hashAlgorithm,
    environment,
    action: hostedPaymentPageUrl(environment),
    userId: options.userId === '' ? undefined : options.userId,
    basePath,
    allowedReturnOrigins: new Set(options.allowedReturnOrigins.map((o) => httpOrigin(o)!)),
    resolveOrder: options.resolveOrder,
    onPaymentResult: options.onPaymentResult,
    aliasUsage: options.aliasUsage ?? DEFAULT_ALIAS_USAGE,
    operation: options.operation,
    cors: options.cors,
    log,
    logRequests: logger !== undefined && logger !== defaultLogger,
    digest: options.digest ?? defaultDigest,
    scrub,
  };
}

const text = (max: number) => z.string().max(max).optional();

function isValidAmount(amount: string | number): boolean {
  try {
    toOgoneAmount(amount);
    return true;
  } catch {
    return false;
  }
}

/** Longest accepted customer fields (loosely Ogone's; shared by the schema and the fast check). */
const CUSTOMER_LIMITS = {
  name: 100,
  email: 254,
  address: 200,
  zip: 20,
  town: 100,
  phone: 40,
} as const;
const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const MAX_LANGUAGE = 35;
const MAX_CUSTOMER_ID = 200;

/**
 * Validates what `resolveOrder` returns (the CLI also validates the order-lookup JSON with it).
 * Limits follow Ogone's field lengths loosely; an invalid order answers 502 `order-lookup-failed`.
 */
export const TrustedOrderSchema = z.object({
  amount: z.union([z.string(), z.number()]).refine(isValidAmount, {
    message: 'must be a non-negative decimal with at most two decimals, like "19.99"',
  }),
  currency: z.string().regex(CURRENCY, { message: 'must be an ISO 4217 code like "EUR"' }),
  language: z.string().max(MAX_LANGUAGE).optional(),
  customer: z
    .object({
      name: text(CUSTOMER_LIMITS.name),
      email: text(CUSTOMER_LIMITS.email),
      address: text(CUSTOMER_LIMITS.address),
      zip: text(CUSTOMER_LIMITS.zip),
      town: text(CUSTOMER_LIMITS.town),
      country: z
        .string()
        .regex(COUNTRY, { message: 'must be a two-letter country code' })
        .optional(),
      phone: text(CUSTOMER_LIMITS.phone),
    })
    .optional(),
  customerId: text(MAX_CUSTOMER_ID),
  allowSaveCard: z.boolean().optional(),
}) satisfies z.ZodType<TrustedOrder>;

const optionalText = (value: unknown, max: number) =>
  value === undefined || (typeof value === 'string' && value.length <= max);

/**
 * The hot-path check of an order, run on every /sign: accepts only orders that
 * {@link TrustedOrderSchema} accepts too (a test holds it to that), returning the amount in
 * minor units; `undefined` sends the order through the schema for the precise error message.
 */
export function quickCheckOrder(
  value: unknown,
): { order: TrustedOrder; minor: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const order = value as Record<string, unknown>;
  const { amount, currency, language, customer, customerId, allowSaveCard } = order;
  if (typeof amount !== 'string' && typeof amount !== 'number') return undefined;
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) return undefined;
  if (!optionalText(language, MAX_LANGUAGE) || !optionalText(customerId, MAX_CUSTOMER_ID)) {
    return undefined;
  }
  if (allowSaveCard !== undefined && typeof allowSaveCard !== 'boolean') return undefined;
  if (customer !== undefined) {
    if (typeof customer !== 'object' || customer === null || Array.isArray(customer))
      return undefined;
    const c = customer as Record<string, unknown>;
    for (const key of Object.keys(CUSTOMER_LIMITS) as (keyof typeof CUSTOMER_LIMITS)[]) {
      if (!optionalText(c[key], CUSTOMER_LIMITS[key])) return undefined;
    }
    if (
      c['country'] !== undefined &&
      (typeof c['country'] !== 'string' || !COUNTRY.test(c['country']))
    ) {
      return undefined;
    }
  }
  let minor: string;
  try {
    minor = toOgoneAmount(amount);
  } catch {
    return undefined;
  }
  return { order: order as unknown as TrustedOrder, minor };
}
