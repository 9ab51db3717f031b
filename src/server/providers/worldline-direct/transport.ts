/**
 * One Worldline Direct exchange: the path under `/v2/{merchantId}`, a JSON body when there is one
 * (and then its Content-Type, signed as sent; none on GET or DELETE), the RFC 1123 `Date`, the
 * idempotence key, the v1HMAC `Authorization`; fetched under a timeout that covers the answer,
 * read up to a bound, classified. Never throws for anything the network or the platform does.
 */
import { readBoundedText } from '../../../internal/read-bounded.js';
import type { HmacSha256 } from '../../../protocol/worldline/hmac.js';
import { formatHttpDate } from '../../../protocol/worldline/http-date.js';
import { authorizationHeader, signedResource } from '../../../protocol/worldline/v1hmac.js';
import { classifyFetchFailure, classifyResponse, type Exchange } from './classify.js';
import { IDEMPOTENCE_HEADER, replayTimestamp } from './idempotence.js';
import type { Clock } from './types.js';

/** The answers the API documents are small; anything beyond 1 MiB is not one of them. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The Content-Type of every body this client sends (and signs): what the official Node SDK sends. */
export const JSON_CONTENT_TYPE = 'application/json';

export interface TransportConfig {
  baseUrl: string;
  merchantId: string;
  apiKeyId: string;
  apiSecret: string;
  fetch: typeof fetch;
  clock: Clock;
  hmac: HmacSha256;
  timeoutMs: number;
  scrub: (text: string) => string;
}

export interface Call {
  /** The client method, for errors and logs. */
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Under `/v2/{merchantId}`, segments already percent-encoded, e.g. `/payments/123_0/capture`. */
  path: string;
  body?: unknown;
  idempotenceKey?: string | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface Sent {
  exchange: Exchange;
  /** The request path, base path included (for logs). */
  path: string;
  replayedFrom: number | undefined;
  durationMs: number;
}

/** `/v2/{merchantId}{path}` under the base URL's own path (a sandbox may be mounted under one). */
export function requestPath(config: Pick<TransportConfig, 'baseUrl' | 'merchantId'>, path: string) {
  const prefix = new URL(config.baseUrl).pathname.replace(/\/+$/, '');
  return `${prefix}/v2/${encodeURIComponent(config.merchantId)}${path}`;
}

/** Sends one call and says what came of it. */
export async function send(config: TransportConfig, call: Call): Promise<Sent> {
  const path = requestPath(config, call.path);
  const url = new URL(config.baseUrl);
  url.pathname = path;
  const date = formatHttpDate(new Date(config.clock.now()));
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: [string, string][] = [['Date', date]];
  if (body !== undefined) headers.push(['Content-Type', JSON_CONTENT_TYPE]);
  if (call.idempotenceKey !== undefined) headers.push([IDEMPOTENCE_HEADER, call.idempotenceKey]);
  const authorization = await authorizationHeader(
    config.apiKeyId,
    config.apiSecret,
    {
      method: call.method,
      contentType: body === undefined ? '' : JSON_CONTENT_TYPE,
      date,
      headers,
      // What the path would read decoded (the Java SDK's rule); the path itself when nothing was
      // encoded, which is the case for every id the platform hands out.
      resource: signedResource(path),
    },
    config.hmac,
  );
  headers.push(['Authorization', authorization], ['Accept', 'application/json']);

  const started = config.clock.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = config.clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.timeoutMs ?? config.timeoutMs);
  const onAbort = () => controller.abort();
  call.signal?.addEventListener('abort', onAbort, { once: true });
  let exchange: Exchange;
  let replayedFrom: number | undefined;
  try {
    if (call.signal?.aborted) throw new Error('aborted before sending');
    const response = await config.fetch(url.href, {
      method: call.method,
      headers,
      ...(body === undefined ? {} : { body }),
      // A redirect would carry the signed request elsewhere: an answer to refuse, not to follow.
      redirect: 'manual',
      signal: controller.signal,
    });
    replayedFrom = replayTimestamp(response.headers);
    const text = await readBoundedText(response, MAX_ANSWER_BYTES);
    exchange = classifyResponse(
      response.status,
      text,
      call.idempotenceKey !== undefined,
      config.scrub,
    );
  } catch (error) {
    exchange = classifyFetchFailure(error, timedOut);
  } finally {
    config.clock.clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
  return { exchange, path, replayedFrom, durationMs: config.clock.now() - started };
}
