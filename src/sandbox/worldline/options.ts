/**
 * How the Worldline Direct sandbox is configured: what a merchant creates in the Merchant Portal
 * (PSPID, API key, webhook key and endpoint), plus the edges tests inject. Validated with zod; a
 * wrong option throws `SandboxOptionsError` naming it, never echoing a secret.
 */
import * as z from 'zod';
import { hasCredentials, parseHttpUrl } from '../../internal/url.js';
import type { CardBehaviour } from '../cards.js';
import { SandboxOptionsError, type SandboxFetch } from '../options.js';

/**
 * A card the sandbox knows by a legacy Ogone alias: the shape of the Ogone sandbox's alias memory
 * (`AliasStore.card()`), so the two connect with `(alias) => aliases.card(pspid, alias, now)`.
 */
export interface LegacyCard {
  /** As Ogone shows it (`XXXXXXXXXXXX1111`), or a full test number. */
  masked: string;
  brand?: string | undefined;
  /** `MMYY`. */
  ed: string;
  cardholder?: string | undefined;
  /** The test behaviour the card was saved with. */
  behaviour: CardBehaviour;
}

/** Looks a token up among legacy Ogone aliases; `undefined` when it is not one. */
export type LegacyAliasLookup = (
  token: string,
) => LegacyCard | 'expired' | undefined | Promise<LegacyCard | 'expired' | undefined>;

export interface WorldlineSandboxOptions {
  /** The PSPID: calls for another `/v2/{merchantId}` are refused (403). */
  merchantId: string;
  apiKeyId: string;
  /** Verifies every request's v1HMAC signature. */
  apiSecret: string;
  webhookKeyId: string;
  /** Signs the webhooks (`X-GCS-Signature`). */
  webhookSecret: string;
  /** Receives every event (besides a payment's own `feedbacks.webhooksUrls`). */
  webhookUrl?: string;
  /** Delays before each retry of a failed webhook (default `[2000, 5000, 10000]`, at most 5). */
  webhookRetryDelaysMs?: number[];
  /** Time allowed to one webhook attempt (default 5000 ms). */
  webhookTimeoutMs?: number;
  /** Where the handler is mounted, e.g. `/worldline` (default: the root). */
  basePath?: string;
  /** Accepted distance between a request's `Date` and the sandbox clock (default 5 minutes). */
  clockSkewMs?: number;
  /** Legacy Ogone aliases accepted verbatim as tokens. */
  legacyAlias?: LegacyAliasLookup;
  /** Called while a creating request is being processed (tests hold it there to see a 409). */
  beforeProcessing?: (operation: string) => void | Promise<void>;
  /** How many sessions, payments, tokens, idempotence keys and log entries are kept (default 1000). */
  maxEntries?: number;
  fetch?: SandboxFetch;
  now?: () => Date;
}

export interface ResolvedWorldlineSandboxOptions {
  merchantId: string;
  apiKeyId: string;
  apiSecret: string;
  webhookKeyId: string;
  webhookSecret: string;
  webhookUrl: string | undefined;
  webhookRetryDelaysMs: readonly number[];
  webhookTimeoutMs: number;
  /** `''` or `/path` without a trailing slash. */
  basePath: string;
  clockSkewMs: number;
  legacyAlias: LegacyAliasLookup;
  beforeProcessing: (operation: string) => void | Promise<void>;
  maxEntries: number;
  fetch: SandboxFetch;
  now: () => Date;
}

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .min(1, { error: `${name} must not be empty` })
    .max(max, { error: `${name} must be at most ${max} characters` });

const keyId = (name: string) =>
  text(name, 100).regex(/^[\x21-\x39\x3b-\x7e]+$/, {
    error: `${name} must be printable ASCII without spaces or ":"`,
  });

const fn = (name: string) =>
  z
    .custom<unknown>((value) => typeof value === 'function', {
      error: `${name} must be a function`,
    })
    .optional();

const ms = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be whole milliseconds` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });

const Schema = z.object({
  merchantId: z
    .string({ error: 'merchantId must be a string' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, {
      error: 'merchantId must be a PSPID: 1-30 letters, digits, ".", "_" or "-"',
    }),
  apiKeyId: keyId('apiKeyId'),
  apiSecret: text('apiSecret', 256),
  webhookKeyId: keyId('webhookKeyId'),
  webhookSecret: text('webhookSecret', 256),
  webhookUrl: z
    .string({ error: 'webhookUrl must be a string' })
    .refine(
      (value) => {
        const url = parseHttpUrl(value);
        return url !== undefined && !hasCredentials(url);
      },
      { error: 'webhookUrl must be an absolute http(s) URL without credentials' },
    )
    .optional(),
  webhookRetryDelaysMs: z
    .array(ms('webhookRetryDelaysMs', 0, 86_400_000), {
      error: 'webhookRetryDelaysMs must be an array',
    })
    .max(5, { error: 'webhookRetryDelaysMs allows at most 5 retries' })
    .optional(),
  webhookTimeoutMs: ms('webhookTimeoutMs', 1, 60_000).optional(),
  basePath: z
    .string({ error: 'basePath must be a string' })
    .regex(/^(\/[A-Za-z0-9._~-]+)*\/?$/, { error: 'basePath must be a path like "/worldline"' })
    .optional(),
  clockSkewMs: ms('clockSkewMs', 0, 86_400_000).optional(),
  legacyAlias: fn('legacyAlias'),
  beforeProcessing: fn('beforeProcessing'),
  maxEntries: z
    .number({ error: 'maxEntries must be a number' })
    .int({ error: 'maxEntries must be a whole number' })
    .min(1, { error: 'maxEntries must be at least 1' })
    .max(1_000_000, { error: 'maxEntries must be at most 1000000' })
    .optional(),
  fetch: fn('fetch'),
  now: fn('now'),
});

/** Validates options and applies defaults; throws {@link SandboxOptionsError}. */
export function resolveWorldlineSandboxOptions(options: unknown): ResolvedWorldlineSandboxOptions {
  if (typeof options !== 'object' || options === null) {
    throw new SandboxOptionsError('options', 'Worldline sandbox options must be an object.');
  }
  const result = Schema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    const option = typeof issue?.path[0] === 'string' ? issue.path[0] : 'options';
    const missing = issue?.code === 'invalid_type' && !(option in options);
    // Our own messages only: zod's could quote the value, and the value may be a secret.
    const message = missing ? `${option} is required` : (issue?.message ?? 'invalid value');
    throw new SandboxOptionsError(
      option,
      `Invalid Worldline sandbox option ${option}: ${message}.`,
    );
  }
  const value = options as WorldlineSandboxOptions;
  const fetchImpl: SandboxFetch =
    value.fetch ??
    ((input: string, init: RequestInit) =>
      typeof globalThis.fetch === 'function'
        ? globalThis.fetch(input, init)
        : Promise.reject(new Error('fetch is not available')));
  return {
    merchantId: value.merchantId,
    apiKeyId: value.apiKeyId,
    apiSecret: value.apiSecret,
    webhookKeyId: value.webhookKeyId,
    webhookSecret: value.webhookSecret,
    webhookUrl: value.webhookUrl,
    webhookRetryDelaysMs: value.webhookRetryDelaysMs ?? [2000, 5000, 10000],
    webhookTimeoutMs: value.webhookTimeoutMs ?? 5000,
    basePath: (value.basePath ?? '').replace(/\/+$/, ''),
    // No primary text gives the platform's window; a third-party note says 5 minutes (Gap 1).
    clockSkewMs: value.clockSkewMs ?? 5 * 60_000,
    legacyAlias: value.legacyAlias ?? (() => undefined),
    beforeProcessing: value.beforeProcessing ?? (() => undefined),
    maxEntries: value.maxEntries ?? 1000,
    fetch: fetchImpl,
    now: value.now ?? (() => new Date()),
  };
}
