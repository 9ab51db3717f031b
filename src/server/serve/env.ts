/**
 * `serve`'s configuration from the environment: the schema of the `OGONE_*` variables, read once,
 * every problem reported with the variable's name.
 */
import * as z from 'zod';
import { HASH_ALGORITHMS, type HashAlgorithm } from '../../protocol/sign.js';
import { issuePath } from '../../internal/issues.js';
import { isHttpUrl } from '../../internal/url.js';

const httpUrl = z
  .string({ message: 'is required (an absolute http(s) URL)' })
  .refine(isHttpUrl, { message: 'must be an absolute http(s) URL' });

export const EnvSchema = z
  .object({
    OGONE_PSPID: z.string({ message: 'is required' }),
    OGONE_SHA_IN: z.string({ message: 'is required' }),
    OGONE_SHA_OUT: z.string({ message: 'is required' }),
    OGONE_HASH_ALGORITHM: z
      .enum(HASH_ALGORITHMS as [HashAlgorithm, ...HashAlgorithm[]], {
        message: 'must be sha1, sha256 or sha512',
      })
      .default('sha512'),
    OGONE_ENVIRONMENT: z.enum(['test', 'prod'], { message: 'must be test or prod' }).optional(),
    OGONE_BASE_URL: httpUrl.optional(),
    OGONE_USERID: z.string().optional(),
    OGONE_PASSWORD: z.string().optional(),
    OGONE_DIRECTLINK_SHA_IN: z.string().optional(),
    OGONE_ALLOWED_RETURN_ORIGINS: z.string({ message: 'is required (comma-separated origins)' }),
    OGONE_ORDER_LOOKUP_URL: httpUrl,
    OGONE_RESULT_WEBHOOK_URL: httpUrl,
    OGONE_BACKEND_TOKEN: z.string().optional(),
    OGONE_ADMIN_TOKEN: z.string().optional(),
    OGONE_ORDER_LOOKUP_FORWARD_HEADERS: z
      .string()
      .regex(/^\s*(none|[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*)\s*$/, {
        message: 'must be comma-separated header names, or none',
      })
      .optional(),
    OGONE_PROVIDER: z
      .enum(['ogone', 'worldline-direct'], { message: 'must be ogone or worldline-direct' })
      .default('ogone'),
    WORLDLINE_MERCHANT_ID: z.string().optional(),
    WORLDLINE_API_KEY_ID: z.string().optional(),
    WORLDLINE_API_SECRET: z.string().optional(),
    WORLDLINE_WEBHOOK_KEY_ID: z.string().optional(),
    WORLDLINE_WEBHOOK_SECRET: z.string().optional(),
    WORLDLINE_ENVIRONMENT: z.enum(['test', 'prod'], { message: 'must be test or prod' }).optional(),
    WORLDLINE_BASE_URL: httpUrl.optional(),
    HOST: z.string().default('127.0.0.1'),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, { message: 'must be a port number' })
      .transform(Number)
      .refine((port) => port <= 65535, { message: 'must be a port number' })
      .default(8787),
  })
  .refine((env) => !(env.OGONE_ENVIRONMENT !== undefined && env.OGONE_BASE_URL !== undefined), {
    message: 'set either OGONE_ENVIRONMENT or OGONE_BASE_URL, not both',
    path: ['OGONE_BASE_URL'],
  })
  .refine(
    (env) => !(env.WORLDLINE_ENVIRONMENT !== undefined && env.WORLDLINE_BASE_URL !== undefined),
    {
      message: 'set either WORLDLINE_ENVIRONMENT or WORLDLINE_BASE_URL, not both',
      path: ['WORLDLINE_BASE_URL'],
    },
  )
  .refine((env) => env.OGONE_PASSWORD === undefined || env.OGONE_USERID !== undefined, {
    message: 'needs OGONE_USERID (the API user whose password it is)',
    path: ['OGONE_PASSWORD'],
  })
  .refine((env) => env.OGONE_DIRECTLINK_SHA_IN === undefined || env.OGONE_PASSWORD !== undefined, {
    message: 'needs OGONE_USERID and OGONE_PASSWORD (the API user it signs for)',
    path: ['OGONE_DIRECTLINK_SHA_IN'],
  });

export type ServeEnv = z.infer<typeof EnvSchema>;

/** Which variable each handler option comes from, to name it in errors. */
export const OPTION_VARIABLES: Readonly<Record<string, string>> = {
  pspid: 'OGONE_PSPID',
  shaIn: 'OGONE_SHA_IN',
  shaOut: 'OGONE_SHA_OUT',
  hashAlgorithm: 'OGONE_HASH_ALGORITHM',
  environment: 'OGONE_ENVIRONMENT / OGONE_BASE_URL',
  'environment.baseUrl': 'OGONE_BASE_URL',
  userId: 'OGONE_USERID',
  directLink: 'OGONE_USERID / OGONE_PASSWORD',
  'directLink.userId': 'OGONE_USERID',
  'directLink.password': 'OGONE_PASSWORD',
  'directLink.shaIn': 'OGONE_DIRECTLINK_SHA_IN',
  allowedReturnOrigins: 'OGONE_ALLOWED_RETURN_ORIGINS',
  provider: 'OGONE_PROVIDER',
  ledger: 'OGONE_DATABASE_URL',
  worldlineDirect:
    'WORLDLINE_API_KEY_ID / WORLDLINE_API_SECRET / WORLDLINE_WEBHOOK_KEY_ID / WORLDLINE_WEBHOOK_SECRET',
  'worldlineDirect.merchantId': 'WORLDLINE_MERCHANT_ID (default OGONE_PSPID)',
  'worldlineDirect.apiKeyId': 'WORLDLINE_API_KEY_ID',
  'worldlineDirect.apiSecret': 'WORLDLINE_API_SECRET',
  'worldlineDirect.webhookKeyId': 'WORLDLINE_WEBHOOK_KEY_ID',
  'worldlineDirect.webhookSecret': 'WORLDLINE_WEBHOOK_SECRET',
  'worldlineDirect.environment': 'WORLDLINE_ENVIRONMENT / WORLDLINE_BASE_URL',
  'worldlineDirect.environment.baseUrl': 'WORLDLINE_BASE_URL',
  orderLookupUrl: 'OGONE_ORDER_LOOKUP_URL',
  resultWebhookUrl: 'OGONE_RESULT_WEBHOOK_URL',
  admin: 'OGONE_ADMIN_TOKEN',
  'admin.token': 'OGONE_ADMIN_TOKEN',
};

/** The headers forwarded to the order lookup (default `cookie, authorization`). */
export function forwardHeaders(env: ServeEnv): string[] {
  const value = env.OGONE_ORDER_LOOKUP_FORWARD_HEADERS?.trim() ?? 'cookie,authorization';
  return value.toLowerCase() === 'none' ? [] : value.split(',').map((name) => name.trim());
}

/** The variable behind a handler option (`allowedReturnOrigins.0` → `OGONE_ALLOWED_RETURN_ORIGINS`). */
export function variableFor(option: string): string {
  return OPTION_VARIABLES[option] ?? OPTION_VARIABLES[option.split('.')[0] ?? option] ?? option;
}

/** Reads the environment; throws an `Error` with one line per problem, all of them at once. */
export function readEnv(env: NodeJS.ProcessEnv): ServeEnv {
  const present: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.def.shape ?? {})) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') present[name] = value;
  }
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `Invalid ${issuePath(issue, 'environment')}: ${issue.message}`,
    );
    throw new Error(problems.join('\n'));
  }
  return parsed.data;
}
