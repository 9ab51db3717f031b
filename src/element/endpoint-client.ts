/**
 * Talks to the companion endpoint (`<endpoint>/sign`, `<endpoint>/verify`) and validates what it
 * answers. A reactive controller: every request in flight is aborted when the host element leaves
 * the document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ZodMiniType } from 'zod/mini';
import { KNOWN_OGONE_HOSTS } from '../protocol/environment.js';
import { isEndpointErrorCode } from '../contract/errors.js';
import {
  EndpointErrorSchema,
  PaymentResultSchema,
  SignedPayloadSchema,
} from '../contract/schemas.js';
import type { PaymentResult, SignedPayload, SignRequest } from '../contract/types.js';
import { hasCredentials, parseHttpUrl } from '../internal/url.js';
import type { OgoneErrorCode, OgoneErrorDetail } from './events.js';

/** What a request gives: a validated value, a typed error, or nothing because it was aborted. */
export type EndpointAnswer<T> =
  { ok: true; value: T } | { ok: false; error: OgoneErrorDetail } | { ok: false; aborted: true };

type Route = 'sign' | 'verify';

const ABORTED = { ok: false, aborted: true } as const;

function failure(code: OgoneErrorCode, message: string, cause?: unknown) {
  const error: OgoneErrorDetail =
    cause === undefined ? { code, message } : { code, message, cause };
  return { ok: false, error } as const;
}

/** `<endpoint>/<route>` whatever the trailing slashes of `endpoint`. */
export function endpointUrl(endpoint: string, route: Route): string {
  return `${endpoint.replace(/\/+$/, '')}/${route}`;
}

/** Parses the `allowed-hosts` attribute: space-separated `host[:port]`, lower-cased. */
export function parseAllowedHosts(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/\s+/)
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}

/**
 * Whether the signed form may be posted to `action`: https on a known Ogone host (default port), or
 * http/https on a host listed in `allowedHosts` (exact `host[:port]`, e.g. the local sandbox).
 */
export function isTrustedAction(action: string, allowedHosts: readonly string[]): boolean {
  const url = parseHttpUrl(action);
  if (url === undefined || hasCredentials(url)) return false;
  const host = url.host.toLowerCase();
  if (url.protocol === 'https:' && KNOWN_OGONE_HOSTS.includes(host)) return true;
  return allowedHosts.includes(host);
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

  /** POSTs to `<endpoint>/sign` and validates the signed payload. */
  sign(endpoint: string, request: SignRequest): Promise<EndpointAnswer<SignedPayload>> {
    return this.#post(endpoint, 'sign', request, SignedPayloadSchema, 'a valid signed payload');
  }

  /** POSTs the raw return query string to `<endpoint>/verify` and validates the result. */
  verify(endpoint: string, query: string): Promise<EndpointAnswer<PaymentResult>> {
    return this.#post(endpoint, 'verify', { query }, PaymentResultSchema, 'a valid payment result');
  }

  async #post<T>(
    endpoint: string,
    route: Route,
    body: unknown,
    schema: ZodMiniType<T>,
    expected: string,
  ): Promise<EndpointAnswer<T>> {
    const url = endpointUrl(endpoint, route);
    const controller = new AbortController();
    this.#requests.add(controller);
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch (cause) {
        if (controller.signal.aborted) return ABORTED;
        return failure('network', `The endpoint ${url} could not be reached.`, cause);
      }
      let json: unknown;
      let readable = true;
      try {
        json = await response.json();
      } catch {
        readable = false;
      }
      if (controller.signal.aborted) return ABORTED;
      if (!response.ok) return endpointFailure(response.status, json, route);
      if (!readable) return failure('invalid-payload', `The /${route} answer is not JSON.`);
      const parsed = schema.safeParse(json);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : failure(
            'invalid-payload',
            `The /${route} answer is not ${expected}.`,
            parsed.error.issues,
          );
    } finally {
      this.#requests.delete(controller);
    }
  }
}

/** Maps an endpoint's error answer to an `ogone-error` detail. */
function endpointFailure(status: number, json: unknown, route: Route) {
  const parsed = EndpointErrorSchema.safeParse(json);
  const fallback: OgoneErrorCode = route === 'sign' ? 'signing-rejected' : 'verification-failed';
  if (!parsed.success) {
    // No error body: a proxy or a crashed server rather than the endpoint's decision.
    return failure(status >= 500 ? 'network' : fallback, `The endpoint answered HTTP ${status}.`, {
      status,
    });
  }
  const { code, message } = parsed.data.error;
  const known = isEndpointErrorCode(code);
  const mapped: OgoneErrorCode =
    code === 'unknown-order' || code === 'amount-mismatch'
      ? code
      : code === 'return-url-not-allowed'
        ? 'configuration'
        : fallback;
  const safeCode = code.slice(0, 60);
  return failure(
    mapped,
    known ? message.slice(0, 500) : `The endpoint answered HTTP ${status} (${safeCode}).`,
    { status, code: safeCode },
  );
}
