/** Where Ogone sends the shopper for a STATUS, with its fallbacks, and the result in the query. */

export const RETURN_URL_FIELDS = ['ACCEPTURL', 'DECLINEURL', 'EXCEPTIONURL', 'CANCELURL'] as const;

export type ReturnUrlField = (typeof RETURN_URL_FIELDS)[number];

/** The return URLs a form carried (absolute http(s), checked). */
export type ReturnUrls = Partial<Record<ReturnUrlField, string>>;

const ACCEPTED = new Set([5, 4, 9, 41, 51, 91]);

/** Where Ogone sends the shopper for a STATUS (protocol notes §4); `undefined`: no URL applies. */
export function returnUrlFor(status: number, urls: ReturnUrls): string | undefined {
  if (ACCEPTED.has(status)) return urls.ACCEPTURL;
  if (status === 2 || status === 93) return urls.DECLINEURL;
  if (status === 52 || status === 92) return urls.EXCEPTIONURL ?? urls.ACCEPTURL;
  if (status === 1) return urls.CANCELURL ?? urls.DECLINEURL;
  return undefined;
}

/** Appends parameters to a URL's query, keeping what it already had (and its fragment). */
export function withQuery(url: string, pairs: readonly [string, string][]): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const query = new URLSearchParams(pairs as [string, string][]).toString();
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}
