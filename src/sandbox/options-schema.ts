/** The zod schema of the sandbox options; its messages name the option and never hold a value. */
import * as z from 'zod';
import { hasCredentials, httpOrigin, isHttpUrl, parseHttpUrl } from '../internal/url.js';
import type { SandboxFetch } from './options.js';

/** No `user:password@` (a URL that is not http(s) is refused by the rule before). */
function withoutCredentials(value: string): boolean {
  const url = parseHttpUrl(value);
  return url === undefined || !hasCredentials(url);
}

const passphrase = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .min(1, { error: `${name} must not be empty` })
    .max(256, { error: `${name} must be at most 256 characters` });

export const SandboxOptionsSchema = z.object({
  pspid: z.string({ error: 'pspid must be a string' }).regex(/^[A-Za-z0-9._-]{1,30}$/, {
    error: 'pspid must be 1-30 letters, digits, ".", "_" or "-"',
  }),
  shaIn: passphrase('shaIn'),
  shaOut: passphrase('shaOut'),
  hashAlgorithm: z
    .enum(['sha1', 'sha256', 'sha512'], { error: 'hashAlgorithm must be sha1, sha256 or sha512' })
    .optional(),
  feedbackUrl: z
    .string({ error: 'feedbackUrl must be a string' })
    .refine(isHttpUrl, { error: 'feedbackUrl must be an absolute http(s) URL' })
    .refine(withoutCredentials, {
      error:
        'feedbackUrl must not contain credentials (user:password@): fetch refuses such URLs, and the feedback is authenticated by its SHA-OUT signature',
    })
    .optional(),
  feedbackRetryDelaysMs: z
    .array(
      z
        .number({ error: 'feedbackRetryDelaysMs must hold numbers' })
        .int({ error: 'feedbackRetryDelaysMs must hold whole milliseconds' })
        .min(0, { error: 'feedbackRetryDelaysMs must not be negative' })
        .max(3_600_000, { error: 'feedbackRetryDelaysMs entries must be at most one hour' }),
      { error: 'feedbackRetryDelaysMs must be an array of milliseconds' },
    )
    .max(3, { error: 'feedbackRetryDelaysMs allows at most 3 retries (4 tries in all)' })
    .optional(),
  feedbackTimeoutMs: z
    .number({ error: 'feedbackTimeoutMs must be a number' })
    .int({ error: 'feedbackTimeoutMs must be whole milliseconds' })
    .min(1, { error: 'feedbackTimeoutMs must be positive' })
    .max(60_000, { error: 'feedbackTimeoutMs must be at most 60000' })
    .optional(),
  fetch: z
    .custom<SandboxFetch>((value) => typeof value === 'function', {
      error: 'fetch must be a function',
    })
    .optional(),
  maxEntries: z
    .number({ error: 'maxEntries must be a number' })
    .int({ error: 'maxEntries must be a whole number' })
    .min(1, { error: 'maxEntries must be at least 1' })
    .max(1_000_000, { error: 'maxEntries must be at most 1000000' })
    .optional(),
  now: z
    .custom<() => Date>((value) => typeof value === 'function', { error: 'now must be a function' })
    .optional(),
  basePath: z
    .string({ error: 'basePath must be a string' })
    .regex(/^(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._~-]+)*$/, {
      error: 'basePath must be empty or a path like /sandbox (no trailing slash)',
    })
    .max(200, { error: 'basePath must be at most 200 characters' })
    .optional(),
  apiUser: z
    .object(
      {
        userId: z
          .string({ error: 'apiUser.userId must be a string' })
          .regex(/^[\x21-\x7E]{2,20}$/, {
            error: 'apiUser.userId must be 2-20 visible ASCII characters',
          }),
        password: z
          .string({ error: 'apiUser.password must be a string' })
          .min(1, { error: 'apiUser.password must not be empty' })
          .max(256, { error: 'apiUser.password must be at most 256 characters' }),
      },
      { error: 'apiUser must be { userId, password }' },
    )
    .optional(),
  directLinkShaIn: passphrase('directLinkShaIn').optional(),
  maintenanceDelayMs: z
    .number({ error: 'maintenanceDelayMs must be a number' })
    .int({ error: 'maintenanceDelayMs must be whole milliseconds' })
    .min(0, { error: 'maintenanceDelayMs must not be negative' })
    .max(600_000, { error: 'maintenanceDelayMs must be at most 600000 (10 minutes)' })
    .optional(),
  publicOrigin: z
    .string({ error: 'publicOrigin must be a string' })
    .refine((value) => httpOrigin(value) !== undefined, {
      error: 'publicOrigin must be an http(s) origin such as http://127.0.0.1:9000 (no path)',
    })
    .optional(),
});
