/**
 * The client of the merchant's backend that `serve` talks to: the order lookup (`GET <url>/<ref>`)
 * and the result webhook (`POST <url>`), with timeouts and a bearer token. Reusable by anyone who
 * runs their own server: it returns a `resolveOrder` and an `onPaymentResult`.
 */
import { explainIssue } from '../../internal/issues.js';
import { readBoundedText } from '../../internal/read-bounded.js';
import { hasCredentials, parseHttpUrl } from '../../internal/url.js';
import { OgoneConfigError } from '../config/config-error.js';
import { TrustedOrderSchema } from '../config/order-schema.js';
import { isRemotePlainHttp } from '../config/production-rules.js';
import type { FeedbackResult, OgoneRequest, TrustedOrder } from '../types.js';

export interface BackendClientOptions {
  /** `GET <orderLookupUrl>/<orderRef>` answers the order as JSON, 404 when unknown. */
  orderLookupUrl: string;
  /** Verified results are POSTed here as JSON; must answer 2xx. */
  resultWebhookUrl: string;
  /** Sent as `authorization: Bearer <token>` to both URLs. */
  token?: string | undefined;
  /** Default 5000 ms. */
  lookupTimeoutMs?: number;
  /** Default 10000 ms. */
  webhookTimeoutMs?: number;
  /** Largest order-lookup answer read, in bytes (default 64 KiB); the rest is never read. */
  maxAnswerBytes?: number;
  /**
   * The shopper's request headers forwarded to the order lookup, so it can decide whether the
   * caller owns the order (default `['cookie', 'authorization']`; `[]` forwards none). The
   * shopper's `authorization` arrives as `x-forwarded-authorization` (`authorization` carries
   * `token`); the client address is always appended to `x-forwarded-for`.
   */
  forwardHeaders?: readonly string[];
  /** Refuse plain-http URLs on non-loopback hosts (what `serve` sets in prod). */
  requireHttps?: boolean;
}

export interface BackendClient {
  /** A `resolveOrder` for `createOgoneHandler`: the order, or `null` when the lookup answers 404. */
  resolveOrder: (orderRef: string, request?: OgoneRequest) => Promise<TrustedOrder | null>;
  onPaymentResult: (result: FeedbackResult) => Promise<void>;
}

function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    cause !== undefined && cause !== null
      ? ` (${typeof cause.code === 'string' ? cause.code : String(cause.message)})`
      : '';
  return `${error.message}${detail}`;
}

/** Reads at most `limit` bytes of a response body as UTF-8; the rest is never read. */
async function readLimited(response: Response, limit: number): Promise<string> {
  const text = await readBoundedText(response, limit);
  if (text === undefined) throw new Error(`answer larger than ${limit} bytes`);
  return text;
}

/** A backend URL: absolute http(s), no credentials (a bearer token does that job). */
function checkUrl(option: string, value: string, requireHttps: boolean): void {
  const url = parseHttpUrl(value);
  if (url === undefined) throw new OgoneConfigError(option, 'must be an absolute http(s) URL');
  if (hasCredentials(url)) {
    throw new OgoneConfigError(
      option,
      'must not contain credentials (user:password@): Node refuses such URLs; send a bearer token instead (OGONE_BACKEND_TOKEN / token)',
    );
  }
  if (requireHttps && isRemotePlainHttp(value)) {
    throw new OgoneConfigError(
      option,
      'must use https in prod (plain http only on a loopback host)',
    );
  }
}

/** Who asks for the order: Ogone's server-to-server feedback, or a shopper's browser. */
function callerOf(request: OgoneRequest): 'platform' | 'shopper' {
  try {
    return new URL(request.url).pathname.endsWith('/feedback') ? 'platform' : 'shopper';
  } catch {
    return 'shopper';
  }
}

/**
 * What the order lookup learns about the caller: `x-ogone-checkout-caller` (`shopper`, or
 * `platform` for a verified feedback, which carries no shopper session), the shopper's forwarded
 * headers, and the client address chain.
 */
function forwarded(
  request: OgoneRequest | undefined,
  names: readonly string[],
): Record<string, string> {
  if (request === undefined) return {};
  const out: Record<string, string> = { 'x-ogone-checkout-caller': callerOf(request) };
  for (const name of names) {
    const value = request.headers.get(name);
    if (value === null) continue;
    out[name === 'authorization' ? 'x-forwarded-authorization' : name] = value;
  }
  const chain = [request.headers.get('x-forwarded-for'), request.clientAddress]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
  if (chain !== '') out['x-forwarded-for'] = chain;
  return out;
}

export function createBackendClient(options: BackendClientOptions): BackendClient {
  const requireHttps = options.requireHttps === true;
  checkUrl('orderLookupUrl', options.orderLookupUrl, requireHttps);
  checkUrl('resultWebhookUrl', options.resultWebhookUrl, requireHttps);
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const lookupBase = options.orderLookupUrl.replace(/\/+$/, '');
  const maxAnswer = options.maxAnswerBytes ?? 64 * 1024;
  const forwardNames = (options.forwardHeaders ?? ['cookie', 'authorization']).map((name) =>
    name.trim().toLowerCase(),
  );

  async function resolveOrder(
    orderRef: string,
    request?: OgoneRequest,
  ): Promise<TrustedOrder | null> {
    let response: Response;
    try {
      response = await fetch(`${lookupBase}/${encodeURIComponent(orderRef)}`, {
        headers: { accept: 'application/json', ...forwarded(request, forwardNames), ...auth },
        redirect: 'error',
        signal: AbortSignal.timeout(options.lookupTimeoutMs ?? 5_000),
      });
    } catch (error) {
      throw new Error(`order lookup failed: ${explain(error)}`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`order lookup answered HTTP ${response.status}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(await readLimited(response, maxAnswer));
    } catch (error) {
      throw new Error(`order lookup answered no JSON: ${explain(error)}`);
    }
    const parsed = TrustedOrderSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(
        `order lookup answered an invalid order: ${explainIssue(parsed.error.issues[0]!)}`,
      );
    }
    return parsed.data;
  }

  async function onPaymentResult(result: FeedbackResult): Promise<void> {
    let response: Response;
    try {
      response = await fetch(options.resultWebhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': result.idempotencyKey,
          ...auth,
        },
        body: JSON.stringify(result),
        redirect: 'error',
        signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new Error(`result webhook failed: ${explain(error)}`);
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) {
      throw new Error(`result webhook answered HTTP ${response.status}`);
    }
  }

  return { resolveOrder, onPaymentResult };
}
