/**
 * Cross-site request checks of the payments page: a POST must come from the page's own origin
 * (`Sec-Fetch-Site`, else `Origin` against `Host`) and carry a CSRF token bound to the session
 * (or, for the sign-in form, to its pre-sign-in cookie).
 */
import type { CoreRequest } from '../http/core.js';
import { mac, sameText } from './session.js';

/** The header the page's script sends the token in. */
export const CSRF_HEADER = 'x-ogone-csrf';

/** The CSRF token of a session (or of a pre-sign-in nonce, with `purpose: 'sign-in'`). */
export function csrfToken(key: Buffer, nonce: string, purpose: 'session' | 'sign-in'): string {
  return mac(key, `csrf.${purpose}.${nonce}`);
}

export function csrfMatches(
  key: Buffer,
  nonce: string,
  purpose: 'session' | 'sign-in',
  sent: string | null | undefined,
): boolean {
  return typeof sent === 'string' && sent !== '' && sameText(sent, csrfToken(key, nonce, purpose));
}

/**
 * True when the browser says the request comes from another site. Browsers send
 * `Sec-Fetch-Site` (only `same-origin` passes); older ones send `Origin`, compared with `Host`
 * (and `X-Forwarded-Host` behind a proxy). A request with neither is not from a browser page;
 * the CSRF token still applies.
 */
export function isCrossSite(req: CoreRequest): boolean {
  const site = req.header('sec-fetch-site');
  if (site !== null) return site !== 'same-origin';
  const origin = req.header('origin');
  if (origin === null) return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  const hosts = [req.header('host'), req.header('x-forwarded-host')]
    .filter((value): value is string => value !== null)
    .map((value) => value.split(',')[0]!.trim().toLowerCase());
  return !hosts.includes(host);
}
