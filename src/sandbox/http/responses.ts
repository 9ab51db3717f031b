/** The sandbox's answers: HTML pages under a strict Content-Security-Policy, redirects, JSON. */
import { JSON_HEADERS } from '../../internal/json-answer.js';
import { renderErrorPage, type ErrorPageModel } from '../pages/error-page.js';
import { SANDBOX_CSS } from '../pages/styles.js';

/** `'sha256-…'` of a text, as CSP source expressions spell a hash. */
export async function cspHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

let styleSource: Promise<string> | undefined;

/** The page policy: nothing but the one stylesheet (by hash); no script, no frames. */
async function contentSecurityPolicy(): Promise<string> {
  styleSource ??= cspHash(SANDBOX_CSS);
  const style = await styleSource;
  return `default-src 'none'; style-src ${style}; base-uri 'none'; frame-ancestors 'none'`;
}

/** An HTML page, never cached, never sniffed. */
export async function htmlResponse(body: string, status = 200): Promise<Response> {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': await contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Ogone's error page (HTTP 200 unless said otherwise). */
export function errorResponse(model: ErrorPageModel, status = 200): Promise<Response> {
  return htmlResponse(renderErrorPage(model), status);
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
