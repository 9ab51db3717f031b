/** The sandbox's options: what a merchant sets in Ogone's back office, validated, with defaults. */
import type { HashAlgorithm } from '../protocol/sign.js';
import { httpOrigin } from '../internal/url.js';
import { SandboxOptionsSchema } from './options-schema.js';

/** The `fetch` the sandbox uses to deliver server-to-server feedback. */
export type SandboxFetch = (input: string, init: RequestInit) => Promise<Response>;

/** How the sandbox is configured: what a merchant sets in Ogone's back office. */
export interface SandboxOptions {
  /** The merchant's PSPID; forms carrying another PSPID get `PSPID not found or not active`. */
  pspid: string;
  /** SHA-IN passphrase: verifies the form posted to the hosted page. */
  shaIn: string;
  /** SHA-OUT passphrase: signs the parameters sent back (redirect and feedback). */
  shaOut: string;
  /** Hash algorithm of both signatures (default `sha512`). */
  hashAlgorithm?: HashAlgorithm;
  /** Absolute http(s) URL that receives the server-to-server feedback (POST, form-urlencoded). */
  feedbackUrl?: string;
  /**
   * Delays before each deferred retry when the online feedback fails (default `[2000, 5000,
   * 10000]`). At most 3 entries: one online try plus up to three retries, four in all.
   */
  feedbackRetryDelaysMs?: number[];
  /** Time allowed to each feedback attempt before it counts as failed (default 5000 ms). */
  feedbackTimeoutMs?: number;
  /** Injectable `fetch` for the feedback (default `globalThis.fetch`). */
  fetch?: SandboxFetch;
  /** How many orders, sessions and feedback-log entries are kept in memory (default 1000). */
  maxEntries?: number;
  /** Clock, for tests (default `() => new Date()`). */
  now?: () => Date;
  /**
   * Path under which the sandbox is mounted (default `''`: pages at `/ncol/test/…`). Requests
   * outside it get 404, and the pages' forms post under it.
   */
  basePath?: string;
  /**
   * The DirectLink API user ("Special user for API": USERID and password) that may call
   * orderdirect, maintenancedirect and querydirect. Without it every DirectLink call answers
   * "Connection to API feature not allowed for this user".
   */
  apiUser?: SandboxApiUser;
  /** SHA-IN passphrase of "Checks for DirectLink and Batch" (default: `shaIn`). */
  directLinkShaIn?: string;
  /**
   * How long a capture, cancel or refund stays pending (91, 61, 81) before its final status and
   * the signed status-change feedback (default 1000 ms; 0 in tests).
   */
  maintenanceDelayMs?: number;
  /**
   * The sandbox's origin as browsers reach it, for the 3-D Secure form of `HTML_ANSWER`
   * (default: the origin each DirectLink request was sent to).
   */
  publicOrigin?: string;
}

/** The DirectLink API user. */
export interface SandboxApiUser {
  /** USERID, 2-20 characters. */
  userId: string;
  /** PSWD. */
  password: string;
}

/** Options after validation, with defaults applied. */
export interface ResolvedSandboxOptions {
  pspid: string;
  shaIn: string;
  shaOut: string;
  hashAlgorithm: HashAlgorithm;
  feedbackUrl: string | undefined;
  feedbackRetryDelaysMs: readonly number[];
  feedbackTimeoutMs: number;
  fetch: SandboxFetch;
  maxEntries: number;
  now: () => Date;
  basePath: string;
  apiUser: SandboxApiUser | undefined;
  directLinkShaIn: string;
  maintenanceDelayMs: number;
  publicOrigin: string | undefined;
}

/** Thrown by `createSandbox` for a wrong option; the message names the option, never a secret. */
export class SandboxOptionsError extends Error {
  override readonly name = 'SandboxOptionsError';
  /** The option at fault, e.g. `feedbackUrl`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/** Validates options and applies defaults; throws {@link SandboxOptionsError}. */
export function resolveSandboxOptions(options: unknown): ResolvedSandboxOptions {
  if (typeof options !== 'object' || options === null) {
    throw new SandboxOptionsError('options', 'Sandbox options must be an object.');
  }
  const result = SandboxOptionsSchema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    const option = typeof issue?.path[0] === 'string' ? issue.path[0] : 'options';
    const missing = issue?.code === 'invalid_type' && !(option in options);
    // Zod messages here are our own texts: they never contain the value (a passphrase stays out).
    const message = missing ? `${option} is required` : (issue?.message ?? 'invalid value');
    throw new SandboxOptionsError(option, `Invalid sandbox option ${option}: ${message}.`);
  }
  const value = result.data;
  const fetchImpl: SandboxFetch | undefined =
    value.fetch ??
    (typeof globalThis.fetch === 'function'
      ? (input: string, init: RequestInit) => globalThis.fetch(input, init)
      : undefined);
  if (value.feedbackUrl !== undefined && fetchImpl === undefined) {
    throw new SandboxOptionsError('fetch', 'Invalid sandbox option fetch: no fetch available.');
  }
  return {
    pspid: value.pspid,
    shaIn: value.shaIn,
    shaOut: value.shaOut,
    hashAlgorithm: value.hashAlgorithm ?? 'sha512',
    feedbackUrl: value.feedbackUrl,
    feedbackRetryDelaysMs: value.feedbackRetryDelaysMs ?? [2000, 5000, 10000],
    feedbackTimeoutMs: value.feedbackTimeoutMs ?? 5000,
    fetch: fetchImpl ?? (() => Promise.reject(new Error('fetch is not available'))),
    maxEntries: value.maxEntries ?? 1000,
    now: value.now ?? (() => new Date()),
    basePath: value.basePath ?? '',
    apiUser: value.apiUser,
    directLinkShaIn: value.directLinkShaIn ?? value.shaIn,
    maintenanceDelayMs: value.maintenanceDelayMs ?? 1000,
    publicOrigin: value.publicOrigin === undefined ? undefined : httpOrigin(value.publicOrigin),
  };
}
