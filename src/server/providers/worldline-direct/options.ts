/**
 * The Worldline Direct settings (`merchantId`, `apiKeyId`, `apiSecret`, `webhookKeyId`,
 * `webhookSecret`, `environment`) and the client's run-time hooks, validated once with zod. A wrong
 * one throws `OgoneConfigError` naming it; a secret is never echoed.
 */
import * as z from 'zod';
import { hasCredentials, isLoopbackHost, parseHttpUrl } from '../../../internal/url.js';
import type { HmacSha256 } from '../../../protocol/worldline/hmac.js';
import {
  worldlineBaseUrl,
  type WorldlineEnvironment,
} from '../../../protocol/worldline/environment.js';
import { OgoneConfigError } from '../../config/config-error.js';
import type { Clock, WorldlineLogEntry } from './types.js';

/** What a merchant sets for `provider: 'worldline-direct'` (Merchant Portal values). */
export interface WorldlineDirectSettings {
  /** The PSPID: the `{merchantId}` of every `/v2/{merchantId}/…` path. */
  merchantId: string;
  /** "API key ID" from the Merchant Portal (Developer > Payment API). */
  apiKeyId: string;
  /** "Secret API key": signs every request (v1HMAC). Never logged. */
  apiSecret: string;
  /** "Webhook ID" (the `X-GCS-KeyId` the platform sends). */
  webhookKeyId: string;
  /** "Secret webhook key": verifies `X-GCS-Signature`. Never logged. */
  webhookSecret: string;
  environment: WorldlineEnvironment;
}

/** The client: the settings plus injectable edges. */
export interface WorldlineClientOptions extends WorldlineDirectSettings {
  /** Default time allowed to one call, answer included (default 30 000 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  clock?: Clock;
  /** One entry per call; ids and codes only, scrubbed of both secrets. */
  log?: (entry: WorldlineLogEntry) => void;
  /** HMAC-SHA256 (default: `node:crypto` when present, else WebCrypto). */
  hmac?: HmacSha256;
}

/** Validated settings, with the base URL resolved. */
export interface ResolvedWorldlineSettings extends WorldlineDirectSettings {
  /** `https://payment.preprod.direct.worldline-solutions.com` or the given one, no trailing `/`. */
  baseUrl: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

const WHITESPACE_ENDS = /^\s|\s$/;

const keyId = z
  .string({ message: 'must be a string' })
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' })
  .regex(/^[\x21-\x39\x3b-\x7e]+$/, {
    message: 'must be printable ASCII without spaces or ":" (as shown in the Merchant Portal)',
  });

const secret = z
  .string({ message: 'must be a string' })
  .min(1, { message: 'must not be empty' })
  .max(256, { message: 'must be at most 256 characters' })
  .refine((value) => !WHITESPACE_ENDS.test(value), {
    message: 'must not start or end with a space or line break (copied with a newline?)',
  });

const baseUrl = z
  .string({ message: 'must be a string' })
  .refine((value) => parseHttpUrl(value) !== undefined, {
    message:
      'must be an absolute http(s) URL like https://payment.preprod.direct.worldline-solutions.com',
  })
  .refine((value) => !hasCredentials(parseHttpUrl(value) ?? new URL('http://x')), {
    message: 'must not contain credentials (user:password@)',
  })
  .refine(
    (value) => {
      const url = parseHttpUrl(value);
      return url === undefined || (url.search === '' && url.hash === '');
    },
    { message: 'must not have a query or a fragment' },
  )
  .refine(
    (value) => {
      const url = parseHttpUrl(value);
      return url === undefined || url.protocol === 'https:' || isLoopbackHost(url.hostname);
    },
    { message: 'must use https (plain http only on a loopback host, for the sandbox)' },
  );

const SettingsSchema = z.object({
  merchantId: z.string({ message: 'must be a string' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, {
    message:
      'must be your PSPID: 1-30 letters, digits, ".", "_" or "-", starting with a letter or digit',
  }),
  apiKeyId: keyId,
  apiSecret: secret,
  webhookKeyId: keyId,
  webhookSecret: secret,
  environment: z.union([z.literal('test'), z.literal('prod'), z.object({ baseUrl }).strict()], {
    message: 'must be "test", "prod" or { baseUrl: "https://…" }',
  }),
});

const fn = (label: string) =>
  z
    .custom<unknown>((value) => typeof value === 'function', { message: `must be a ${label}` })
    .optional();

const RuntimeSchema = z.object({
  timeoutMs: z
    .number({ message: 'must be a number of milliseconds' })
    .int({ message: 'must be whole milliseconds' })
    .min(1_000, { message: 'must be at least 1000' })
    .max(120_000, { message: 'must be at most 120000' })
    .optional(),
  fetch: fn('fetch function'),
  log: fn('log(entry) function'),
  hmac: fn('hmac(key, data) function'),
  clock: z
    .custom<Clock>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        ['now', 'setTimeout', 'clearTimeout'].every(
          (name) => typeof (value as Record<string, unknown>)[name] === 'function',
        ),
      { message: 'must have now(), setTimeout() and clearTimeout()' },
    )
    .optional(),
});

function fail(prefix: string, error: z.ZodError, input: object): never {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const option = `${prefix}${path === '' ? 'options' : path}`;
  const missing =
    issue?.code === 'invalid_type' && issue.path.length === 1 && !(String(issue.path[0]) in input);
  // Our messages only: zod's own could quote the value, and the value may be a secret.
  throw new OgoneConfigError(option, missing ? 'is required' : (issue?.message ?? 'is invalid'));
}

/**
 * Validates the six settings. `prefix` names them as the caller's options do (e.g.
 * `worldlineDirect.`). Throws {@link OgoneConfigError} naming the first wrong one.
 */
export function resolveWorldlineSettings(input: unknown, prefix = ''): ResolvedWorldlineSettings {
  if (typeof input !== 'object' || input === null) {
    throw new OgoneConfigError(`${prefix}options`, 'must be an object');
  }
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) fail(prefix, parsed.error, input);
  const settings = parsed.data as WorldlineDirectSettings;
  return { ...settings, baseUrl: worldlineBaseUrl(settings.environment) };
}

/** Validates the client's run-time options (the settings are checked first). */
export function resolveClientRuntime(input: object, prefix = ''): void {
  const parsed = RuntimeSchema.safeParse(input);
  if (!parsed.success) fail(prefix, parsed.error, input);
}
