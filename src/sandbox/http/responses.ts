/** The sandbox's answers: HTML pages under a strict Content-Security-Policy, redirects, JSON. */
import { cspHash, cspOrigin } from '../../internal/csp.js';
import { JSON_HEADERS } from '../../internal/json-answer.js';
import { renderErrorPage, type ErrorPageModel } from '../pages/error-page.js';
import { SANDBOX_CSS } from '../pages/styles.js';

let styleSource: Promise<string> | undefined;

/** How a page may be framed, styled and submitted. */
export interface PagePolicy {
  /** HTTP status (default 200: Ogone answers errors with 200 too). */
  status?: number;
  /**
   * URLs a form of the page ends up at besides the sandbox itself: a form post answered by a
   * redirect to the merchant must be allowed by `form-action`, or browsers block it.
   */
  formTargets?: readonly string[];
}

/**
 * The page policy: nothing but the one stylesheet (by hash); no script, no frames, forms only to
 * the sandbox and the given targets' origins.
 */
export async function contentSecurityPolicy(formTargets: readonly string[] = []): Promise<string> {
  styleSource ??= cspHash(SANDBOX_CSS);
  const style = await styleSource;
  const origins = new Set<string>();
  for (const target of formTargets) {
    const origin = cspOrigin(target);
    if (origin !== undefined) origins.add(origin);
  }
  const formAction = ["'self'", ...origins].join(' ');
  return `default-src 'none'; style-src ${style}; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`;
}

/** An HTML page, never cached, never sniffed. */
export async function htmlResponse(body: string, policy: PagePolicy = {}): Promise<Response> {
  return new Response(body, {
    status: policy.status ?? 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': await contentSecurityPolicy(policy.formTargets),
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Ogone's error page (HTTP 200 unless said otherwise). */
export function errorResponse(model: ErrorPageModel, status = 200): Promise<Response> {
  return htmlResponse(renderErrorPage(model), { status });
}

/** `303 See Other` to where the shopper goes next. */
export function redirectResponse(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store' },
  });
}

/** A JSON answer for the sandbox's own routes. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}
