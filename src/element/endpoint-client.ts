/**
 * Talks to the companion endpoint and checks what it answers: one request with a timeout, mapped
 * to a validated value or a typed error. A reactive controller: every request in flight is
 * aborted when the host element leaves the document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isEndpointErrorCode } from '../contract/errors.js';
import { isEndpointError, isSignedPayload } from '../contract/guards.js';
import type { SignedPayload, SignRequest } from '../contract/types.js';
import type { OgoneErrorCode, OgoneErrorDetail } from './events.js';

/** What a request gives: a validated value, a typed error, or nothing because it was aborted. */
export type EndpointAnswer<T> =
  { ok: true; value: T } | { ok: false; error: OgoneErrorDetail } | { ok: false; aborted: true };

/** The endpoint routes the element uses. */
export type Route = 'sign' | 'verify' | 'orders' | 'cards' | 'pay';

const ABORTED = { ok: false, aborted: true } as const;

export function failure(code: OgoneErrorCode, message: string, cause?: unknown) {
  const error: OgoneErrorDetail =
    cause === undefined ? { code, message } : { code, message, cause };
  return { ok: false, error } as const;
}

/** `<endpoint>/<path>` whatever the trailing slashes of `endpoint`. */
export function endpointUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${path}`;
}

/** One request to the endpoint: what to send and how to check the answer. */
export interface EndpointRequest<T> {
  route: Route;
  /** Path below the endpoint, e.g. `sign` or `orders/SO-1`. */
  path: string;
  /** JSON body: the request is a POST when there is one, else a GET (unless `method` says). */
  body?: unknown;
  method?: 'DELETE';
  guard: (value: unknown) => value is T;
  /** What a valid answer is, for the error message. */
  expected: string;
  timeoutMs: number;
}

export class EndpointClient implements ReactiveController {
  readonly #requests = new Set<AbortController>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const request of this.#requests) request.abort();
    this.#requests.clear();
  }

  /** POSTs to `<endpoint>/sign` and checks the signed payload. */
  sign(endpoint: string, request: SignRequest, timeoutMs: number) {
    return this.request<SignedPayload>(endpoint, {
      route: 'sign',
      path: 'sign',
      body: request,
      guard: isSignedPayload,
      expected: 'a valid signed payload',
      timeoutMs,
    });
  }

  async request<T>(endpoint: string, request: EndpointRequest<T>): Promise<EndpointAnswer<T>> {
    const { route, body, guard, timeoutMs } = request;
    const url = endpointUrl(endpoint, request.path);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    this.#requests.add(controller);
    const stopped = () =>
      timedOut
        ? failure('timeout', `The endpoint ${url} did not answer within ${timeoutMs} ms.`)
        : ABORTED;
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: request.method ?? (body === undefined ? 'GET' : 'POST'),
          headers:
            body === undefined
              ? { accept: 'application/json' }
              : { 'content-type': 'application/json', accept: 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch (cause) {
        if (controller.signal.aborted) return stopped();
        return failure('network', `The endpoint ${url} could not be reached.`, cause);
      }
      let json: unknown;
      let readable = true;
      try {
        json = await response.json();
      } catch {
        readable = false;
      }
      if (controller.signal.aborted) return stopped();
      if (!response.ok) return endpointFailure(response.status, json, route);
      // 204 No Content (a removal): the guard decides whether nothing is an answer.
      if (!readable && response.status !== 204)
        return failure('invalid-payload', `The /${route} answer is not JSON.`);
      return guard(json)
        ? { ok: true, value: json }
        : failure('invalid-payload', `The /${route} answer is not ${request.expected}.`);
    } finally {
      clearTimeout(timer);
      this.#requests.delete(controller);
    }
  }
}

/** The element's code for an endpoint's 4xx code; anything unlisted is the route's fallback. */
const CODES: Readonly<Record<string, OgoneErrorCode>> = {
  'unknown-order': 'unknown-order',
  'amount-mismatch': 'amount-mismatch',
  'return-url-not-allowed': 'configuration',
  // The endpoint URL or its basePath is wrong: no such route.
  'not-found': 'configuration',
  'method-not-allowed': 'configuration',
};

const FALLBACK: Readonly<Record<Route, OgoneErrorCode>> = {
  sign: 'signing-rejected',
  verify: 'verification-failed',
  orders: 'invalid-payload',
  cards: 'saved-card-rejected',
  pay: 'saved-card-rejected',
};

/** Maps an endpoint's error answer to an `ogone-error` detail. */
function endpointFailure(status: number, json: unknown, route: Route) {
  if (!isEndpointError(json)) {
    // No error body: a proxy, a crashed server, or no endpoint at this URL.
    const code: OgoneErrorCode =
      status >= 500 ? 'endpoint-unavailable' : status === 404 ? 'configuration' : FALLBACK[route];
    return failure(code, `The endpoint answered HTTP ${status} to /${route}.`, { status });
  }
  const { code, message } = json.error;
  const mapped: OgoneErrorCode =
    status >= 500
      ? 'endpoint-unavailable'
      : Object.hasOwn(CODES, code)
        ? CODES[code]!
        : FALLBACK[route];
  const safeCode = code.slice(0, 60);
  return failure(
    mapped,
    isEndpointErrorCode(code)
      ? message.slice(0, 500)
      : `The endpoint answered HTTP ${status} (${safeCode}).`,
    { status, code: safeCode },
  );
}
