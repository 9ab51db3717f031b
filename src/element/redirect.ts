/**
 * Where the signed form may go, and the form itself: part of the return half of
 * `<ogone-checkout>` (loaded on demand), so the trusted hosts and the form stay off the first load.
 */
import { html, type TemplateResult } from 'lit';
import type { SignedPayload } from '../contract/types.js';
import { hasCredentials, parseHttpUrl } from '../internal/url.js';
import { KNOWN_OGONE_HOSTS } from '../protocol/environment.js';
import { KNOWN_WORLDLINE_HOSTS } from '../protocol/worldline/environment.js';
import type { OgoneErrorDetail } from './events.js';

/** Parses the `allowed-hosts` attribute: space-separated `host[:port]`, lower-cased. */
export function parseAllowedHosts(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/\s+/)
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}

/**
 * Whether the signed form may be posted to `action`: https on a known Ogone or Worldline Direct host
 * (default port), or
 * http/https on a host listed in `allowedHosts` (exact `host[:port]`, e.g. the local sandbox).
 */
export function isTrustedAction(action: string, allowedHosts: readonly string[]): boolean {
  const url = parseHttpUrl(action);
  if (url === undefined || hasCredentials(url)) return false;
  const host = url.host.toLowerCase();
  if (url.protocol === 'https:' && KNOWN_OGONE_HOSTS.includes(host)) return true;
  if (url.protocol === 'https:' && KNOWN_WORLDLINE_HOSTS.includes(host)) return true;
  return allowedHosts.includes(host);
}

/**
 * Why the signed form must not be posted (`foreign-action`, `pspid-mismatch`), or `null`. `pspid`
 * is the element's attribute; a GET (Worldline Direct) carries no PSPID, its session was created
 * server-side.
 */
export function redirectProblem(
  payload: SignedPayload,
  allowedHosts: string,
  pspid: string,
): OgoneErrorDetail | null {
  if (!isTrustedAction(payload.action, parseAllowedHosts(allowedHosts))) {
    return {
      code: 'foreign-action',
      message: `The signed form posts to ${payload.action.slice(0, 200)}: not https on a known Ogone or Worldline Direct host nor in allowed-hosts.`,
    };
  }
  const signed = payload.fields['PSPID'] ?? '';
  if (pspid && payload.method === 'POST' && signed !== pspid) {
    return {
      code: 'pspid-mismatch',
      message: `The signed form is for PSPID ${JSON.stringify(signed.slice(0, 60))}, not the pspid attribute ${JSON.stringify(pspid)}.`,
    };
  }
  return null;
}

/**
 * The hidden form that leaves for the platform: Ogone's signed fields POSTed, or (Worldline
 * Direct, `GET`) the hosted checkout URL, its query as fields (a GET form replaces the action's
 * query with its fields, so they carry it over unchanged).
 */
export function renderRedirectForm(form: SignedPayload): TemplateResult {
  let action = form.action;
  let fields = Object.entries(form.fields);
  if (form.method === 'GET') {
    const url = new URL(form.action);
    fields = [...url.searchParams];
    action = `${url.origin}${url.pathname}`;
  }
  return html`<form
    method=${form.method === 'GET' ? 'get' : 'post'}
    accept-charset="UTF-8"
    action=${action}
    hidden
  >
    ${fields.map(([name, value]) => html`<input type="hidden" name=${name} value=${value} />`)}
  </form>`;
}
