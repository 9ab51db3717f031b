/**
 * Where "Return to the shop" points: the form's HOMEURL, else its CATALOGURL, else the origin the
 * shopper came from; only ever an http(s) URL without credentials (never `javascript:`), or none.
 */
import { hasCredentials, parseHttpUrl } from '../../internal/url.js';

function safeHttp(value: string | undefined): URL | undefined {
  if (value === undefined || value === '') return undefined;
  const url = parseHttpUrl(value);
  return url === undefined || hasCredentials(url) ? undefined : url;
}

/** HOMEURL (`NONE` hides it at Ogone) or CATALOGURL, when a plain http(s) URL. */
export function shopLinkFromForm(homeUrl: string, catalogUrl: string): string | undefined {
  return (safeHttp(homeUrl) ?? safeHttp(catalogUrl))?.href;
}

/** The origin of the page that sent the shopper (`Referer`), unless it is the sandbox itself. */
export function refererOrigin(referer: string | null, ownOrigin: string): string | undefined {
  const url = safeHttp(referer ?? undefined);
  if (url === undefined || url.origin === ownOrigin) return undefined;
  return `${url.origin}/`;
}
