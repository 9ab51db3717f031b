/** The one set of URL rules: absolute http(s), no credentials, origins. Isomorphic. */

/** `http://` or `https://` spelled out (WHATWG URL would also read `http:/x` and `http:x`). */
const HTTP_PREFIX = /^https?:\/\/[^/]/i;

/** An absolute `http:` / `https:` URL with a host, parsed; `undefined` for anything else. */
export function parseHttpUrl(value: string): URL | undefined {
  if (!HTTP_PREFIX.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  return parseHttpUrl(value) !== undefined;
}

/** True when the URL carries a user name or a password (`https://user:pass@host`). */
export function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/**
 * The origin of a bare http(s) origin string (`https://shop.example`, a trailing `/` allowed), or
 * `undefined` when it has credentials, a path, a query or a fragment.
 */
export function httpOrigin(value: string): string | undefined {
  const url = parseHttpUrl(value);
  if (url === undefined || hasCredentials(url)) return undefined;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;
  return url.origin;
}

/** True for loopback hosts, where plain http is acceptable even in production rules. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
