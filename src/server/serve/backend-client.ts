/**
 * The client of the merchant's backend that `serve` talks to: the order lookup (`GET <url>/<ref>`)
 * and the result webhook (`POST <url>`), with timeouts and a bearer token. Reusable by anyone who
 * runs their own server: it returns a `resolveOrder` and an `onPaymentResult`.
 */
import { explainIssue } from '../../internal/issues.js';
import { TrustedOrderSchema } from '../config/order-schema.js';
import type { FeedbackResult, ResolveOrder, TrustedOrder } from '../types.js';

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
  /** Largest order-lookup answer read, in characters (default 64 KiB). */
  maxAnswerLength?: number;
}

export interface BackendClient {
  resolveOrder: ResolveOrder;
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

/** Reads at most `limit` characters of a fetch response as text. */
async function readLimited(response: Response, limit: number): Promise<string> {
  const text = await response.text();
  if (text.length > limit) throw new Error(`answer larger than ${limit} characters`);
  return text;
}

export function createBackendClient(options: BackendClientOptions): BackendClient {
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const lookupBase = options.orderLookupUrl.replace(/\/+$/, '');
  const maxAnswer = options.maxAnswerLength ?? 64 * 1024;

  async function resolveOrder(orderRef: string): Promise<TrustedOrder | null> {
    let response: Response;
    try {
      response = await fetch(`${lookupBase}/${encodeURIComponent(orderRef)}`, {
        headers: { accept: 'application/json', ...auth },
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
