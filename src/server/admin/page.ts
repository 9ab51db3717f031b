/**
 * The payments page's HTML: the sign-in form (works without script) and the shell that loads the
 * page's script from this endpoint. Both under a strict Content-Security-Policy: no inline script,
 * the one inline style allowed by its hash.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../internal/html-escape.js';
import type { CoreResponse } from '../http/core.js';

const PAGE_STYLE = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  line-height: 1.45; background: light-dark(#f6f7f9, #111318); color: light-dark(#1b1d21, #e3e5ea);
  --_accent: var(--ogone-checkout-accent, light-dark(#0b57d0, #a8c7fa));
  --_accent-text: var(--ogone-checkout-accent-text, light-dark(#fff, #062e6f)); }
body { margin: 0; min-height: 100vh; }
.signin { max-width: 22rem; margin: 12vh auto 0; padding: 2rem 1.5rem; border-radius: 0.75rem;
  background: light-dark(#fff, #1b1e25); box-shadow: 0 1px 3px light-dark(#0002, #0008); }
.signin h1 { font-size: 1.375rem; margin: 0 0 0.25rem; }
.signin p { margin: 0 0 1.25rem; color: light-dark(#50545c, #b7bbc4); }
.signin label { display: block; font-weight: 600; margin-bottom: 0.375rem; }
.signin input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.625rem 0.75rem;
  border: 1px solid light-dark(#8a8f98, #6f747d); border-radius: 0.375rem; background: transparent; color: inherit; }
.signin button { margin-top: 1rem; width: 100%; min-height: 2.75rem; border: 0; border-radius: 0.375rem;
  font: inherit; font-weight: 600; background: var(--_accent); color: var(--_accent-text); cursor: pointer; }
.signin .error { color: light-dark(#b3261e, #ffb4ab); font-weight: 600; margin: 0 0 1rem; }
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/** The policy of every page: scripts only from this origin, styles only the hashed block. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers of every page and answer of the admin routes. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});

function document(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

export interface SignInPage {
  /** Where the form posts. */
  action: string;
  csrf: string;
  error?: string | undefined;
}

/** The sign-in form: one field, no hint about what was wrong. */
export function signInPage(page: SignInPage): string {
  const error =
    page.error === undefined
      ? ''
      : `<p class="error" role="alert" id="signin-error">${escapeHtml(page.error)}</p>`;
  const describedBy = page.error === undefined ? '' : ' aria-describedby="signin-error"';
  return document(
    'Sign in · Payments',
    '',
    `<main class="signin">
<h1>Payments</h1>
<p>Sign in with the staff token to see and manage the shop's payments.</p>
${error}<form method="post" action="${escapeHtml(page.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(page.csrf)}">
<label for="token">Staff token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus${describedBy}>
<button type="submit">Sign in</button>
</form>
</main>`,
  );
}

/** The signed-in shell: the page's element, told where it lives and its CSRF token. */
export function shellPage(base: string, csrf: string, expiresAt: Date): string {
  return document(
    'Payments',
    `<script type="module" src="${escapeHtml(base)}/app.js"></script>`,
    `<ogone-admin base="${escapeHtml(base)}" csrf="${escapeHtml(csrf)}" expires="${expiresAt.toISOString()}"></ogone-admin>`,
  );
}

export function htmlResponse(
  status: number,
  body: string,
  extra: Record<string, string> = {},
): CoreResponse {
  return { status, headers: { ...PAGE_HEADERS, ...extra }, body };
}
