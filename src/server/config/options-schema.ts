/** The zod schema of `createOgoneHandler`'s options: every message names the rule, never the value. */
import * as z from 'zod';
import { HASH_ALGORITHMS, type HashAlgorithm } from '../../protocol/sign.js';
import { hasCredentials, httpOrigin, isHttpUrl, parseHttpUrl } from '../../internal/url.js';
import { RTIMEOUT_MAX_SECONDS, RTIMEOUT_MIN_SECONDS } from '../directlink/timeouts.js';
import type { DigestFunction, OgoneLogger, OnPaymentResult, ResolveOrder } from '../types.js';

const fn = <T>(label: string) =>
  z.custom<T>((value) => typeof value === 'function', { message: `must be a ${label} function` });

const secret = z.string({ message: 'must be a string' }).min(1, { message: 'must not be empty' });

const RTIMEOUT_RANGE = `must be ${RTIMEOUT_MIN_SECONDS}-${RTIMEOUT_MAX_SECONDS} seconds (Ogone's RTIMEOUT range)`;

/** The API user: `USERID` is 2-20 characters at Ogone; no character a form field could mangle. */
export const DirectLinkSchema = z.object(
  {
    userId: z
      .string({ message: 'is required (the API user, "Special user for API")' })
      .regex(/^[\x21-\x7e]{2,20}$/, {
        message: "must be 2-20 visible ASCII characters (the API user's USERID)",
      }),
    password: z
      .string({ message: "is required (the API user's password)" })
      .min(1, { message: 'must not be empty' })
      .max(100, { message: 'must be at most 100 characters' }),
    shaIn: secret.optional(),
    timeoutSeconds: z
      .number({ message: 'must be a number of seconds' })
      .int({ message: 'must be a whole number of seconds' })
      .min(RTIMEOUT_MIN_SECONDS, { message: RTIMEOUT_RANGE })
      .max(RTIMEOUT_MAX_SECONDS, { message: RTIMEOUT_RANGE })
      .optional(),
    fetch: fn<typeof fetch>('fetch').optional(),
  },
  { message: 'must be an object { userId, password, shaIn? }' },
);

export const OptionsSchema = z.object({
  provider: z
    .enum(['ogone', 'worldline-direct'], { message: 'must be "ogone" or "worldline-direct"' })
    .default('ogone'),
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
          .refine(isHttpUrl, {
            message: 'must be an absolute http(s) URL like https://secure.ogone.com/ncol/prod',
          })
          .refine((value) => !hasCredentials(parseHttpUrl(value) ?? new URL('http://x')), {
            message: 'must not contain credentials (user:password@)',
          }),
      }),
    ],
    { message: 'must be "test", "prod" or { baseUrl: "https://…/ncol/prod" }' },
  ),
  userId: z.string({ message: 'must be a string' }).max(100).optional(),
  directLink: DirectLinkSchema.optional(),
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
  aliasUsage: z
    .union(
      [
        z.string().min(1).max(255),
        z
          .record(z.string().regex(/^[a-z]{2}$/), z.string().min(1).max(255))
          .refine((texts) => Object.keys(texts).length > 0),
      ],
      { message: 'must be a text (1-255 characters) or texts by language, e.g. { en, fr }' },
    )
    .optional(),
  operation: z.enum(['SAL', 'RES'], { message: 'must be "SAL" or "RES"' }).default('SAL'),
  cors: z.boolean({ message: 'must be a boolean' }).default(false),
  logger: z
    .union([fn<OgoneLogger>('logger(entry)'), z.literal(false)], {
      message: 'must be a function or false',
    })
    .optional(),
  digest: fn<DigestFunction>('digest(text, algorithm)').optional(),
});
