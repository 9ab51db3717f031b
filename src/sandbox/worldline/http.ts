/**
 * The Worldline sandbox's HTTP pieces: JSON answers (the API), HTML pages under a strict
 * Content-Security-Policy (style by hash, no script, forms only to the sandbox and the shop's
 * return origin), redirects, and request bodies read up to a bound (chunked or not).
 */
import { cspHash, cspOrigin } from '../../internal/csp.js';
import { readBoundedText } from '../../internal/read-bounded.js';
import { CHECKOUT_CSS } from './pages/styles.js';

/** What an API handler answers; turned into a `Response` (and kept for idempotent replays). */
export interface ApiAnswer {
  status: number;
  /** JSON body; `undefined` for 204. */
  body?: unknown;
}

/** Request bodies of the API are small JSON documents. */
export const MAX_BODY_BYTES = 64 * 1024;

export function jsonResponse(answer: ApiAnswer, headers: Record<string, string> = {}): Response {
  const base = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers };
  if (answer.body === undefined)
    return new Response(null, { status: answer.status, headers: base });
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...base },
  });
}

let styleSource: Promise<string> | undefined;

/** The page policy, allowing form posts to end at `formTargets`' origins (the shop's return). */
export async function pagePolicy(
  formTargets: readonly (string | undefined)[] = [],
): Promise<string> {
  styleSource ??= cspHash(CHECKOUT_CSS);
  const origins = new Set<string>();
  for (const target of formTargets) {
    const origin = target === undefined ? undefined : cspOrigin(target);
    if (origin !== undefined) origins.add(origin);
  }
  const formAction = ["'self'", ...origins].join(' ');
  return `default-src 'none'; style-src ${await styleSource}; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`;
}

export async function htmlResponse(
  html: string,
  options: { status?: number; formTargets?: readonly (string | undefined)[] } = {},
): Promise<Response> {
  return new Response(html, {
    status: options.status ?? 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': await pagePolicy(options.formTargets),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  });
}

export function redirectResponse(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/** The body as text, at most `limit` bytes (`too-large` beyond), whether chunked or not. */
export async function readBody(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<string | 'too-large'> {
  if (request.body === null) return '';
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) return 'too-large';
  return (await readBoundedText(request, limit)) ?? 'too-large';
}

/** A posted HTML form (url-encoded), bounded. */
export async function readForm(request: Request): Promise<URLSearchParams | undefined> {
  const text = await readBody(request, 16 * 1024);
  return text === 'too-large' ? undefined : new URLSearchParams(text);
}

/** Appends pairs to a URL's query, keeping what it had and its fragment. */
export function withQuery(url: string, pairs: [string, string][]): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const query = new URLSearchParams(pairs).toString();
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}
