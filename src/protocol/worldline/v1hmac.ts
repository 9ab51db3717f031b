/**
 * Worldline Direct's `v1HMAC` request signature (notes §1): the string-to-hash, the
 * `Authorization: GCS v1HMAC:<apiKeyId>:<signature>` header, and its parsing. Pure and isomorphic;
 * the HMAC itself is injectable (WebCrypto by default).
 *
 * The string-to-hash is one line per item, every line ending in `\n`:
 *
 * ```
 * <METHOD>
 * <Content-Type as sent, or empty>
 * <Date as sent (RFC 1123)>
 * <lower-cased x-gcs-* name>:<canonical value>    (zero or more, sorted)
 * <path[?query] as signed>
 * ```
 *
 * Content-Type: the Node SDK signs it only on POST/PUT/DELETE while still sending it on GET; PHP
 * and Java sign whatever header is sent. The one reading every SDK agrees with is the rule this
 * package follows: send a Content-Type only with a body and sign exactly that value, so a GET
 * (which sends none) signs an empty line.
 */
import { utf8, webCryptoHmacSha256, type HmacSha256 } from './hmac.js';

/** Request headers in any of the shapes callers have: a `Headers`, pairs, or a plain record. */
export type HeaderSource =
  Iterable<readonly [string, string]> | Readonly<Record<string, string | undefined>>;

/** What a v1HMAC signature covers. */
export interface V1HmacParts {
  /** HTTP method; signed upper-cased. */
  method: string;
  /** The Content-Type header exactly as sent, `''` when the request sends none (every GET). */
  contentType: string;
  /** The Date header exactly as sent (RFC 1123, e.g. `Fri, 06 Jun 2014 13:39:43 GMT`). */
  date: string;
  /** All request headers; only those named `X-GCS…` (any case) are signed. */
  headers: HeaderSource;
  /** `path[?query]` exactly as signed, e.g. `/v2/TESTPSPID/hostedcheckouts`. */
  resource: string;
}

/** The `Authorization` scheme prefix. */
export const V1HMAC_PREFIX = 'GCS v1HMAC:';

function pairsOf(headers: HeaderSource): [string, string][] {
  if (Symbol.iterator in headers) {
    return [...(headers as Iterable<readonly [string, string]>)].map(([n, v]) => [n, v]);
  }
  const record = headers as Readonly<Record<string, string | undefined>>;
  return Object.keys(record)
    .filter((name) => record[name] !== undefined)
    .map((name) => [name, record[name]!]);
}

/**
 * A header value as signed: every line break and the blanks after it become one space, then the
 * ends are trimmed (SDK `toCanonicalizeHeaderValue`; Java's `\r?\n[\s&&[^\r\n]]*` is the same).
 */
export function canonicalHeaderValue(value: string): string {
  return value.replace(/\r?\n[^\S\r\n]*/g, ' ').trim();
}

/**
 * The signed header block: the `X-GCS…` headers only, as `name:value\n` lines with lower-cased
 * names and canonical values, sorted by upper-cased name as the Node SDK does (Java sorts the
 * lower-cased names: the two orders differ only for names holding one of `[\]^_\``, which no
 * Worldline header does).
 */
export function gcsHeaderBlock(headers: HeaderSource): string {
  const lines = pairsOf(headers)
    .filter(([name]) => name.toUpperCase().startsWith('X-GCS'))
    .map(([name, value]) => ({
      key: name.toUpperCase(),
      line: `${name.toLowerCase()}:${canonicalHeaderValue(value)}\n`,
    }));
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return lines.map(({ line }) => line).join('');
}

/** The exact text the v1HMAC signature is computed over. */
export function stringToHash(parts: V1HmacParts): string {
  return (
    `${parts.method.toUpperCase()}\n` +
    `${parts.contentType}\n` +
    `${parts.date}\n` +
    gcsHeaderBlock(parts.headers) +
    `${parts.resource}\n`
  );
}

/** The base64 signature of a string-to-hash under the secret API key. */
export async function v1HmacSignature(
  secretApiKey: string,
  text: string,
  hmac: HmacSha256 = webCryptoHmacSha256,
): Promise<string> {
  return hmac(secretApiKey, utf8(text));
}

/** The `Authorization` header value for a request. */
export async function authorizationHeader(
  apiKeyId: string,
  secretApiKey: string,
  parts: V1HmacParts,
  hmac: HmacSha256 = webCryptoHmacSha256,
): Promise<string> {
  return `${V1HMAC_PREFIX}${apiKeyId}:${await v1HmacSignature(secretApiKey, stringToHash(parts), hmac)}`;
}

/** An `Authorization` header read back. */
export interface ParsedAuthorization {
  apiKeyId: string;
  signature: string;
}

/**
 * Reads `GCS v1HMAC:<apiKeyId>:<signature>`; `undefined` for anything else (another scheme, an
 * empty key id or signature, a key id holding a colon). The signature itself is not checked here.
 */
export function parseAuthorization(
  value: string | null | undefined,
): ParsedAuthorization | undefined {
  if (typeof value !== 'string' || !value.startsWith(V1HMAC_PREFIX)) return undefined;
  const rest = value.slice(V1HMAC_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) return undefined;
  const apiKeyId = rest.slice(0, colon);
  const signature = rest.slice(colon + 1);
  if (signature === '' || signature.includes(':')) return undefined;
  return { apiKeyId, signature };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Every form of `path[?query]` an official SDK signs for the same request line, the raw one
 * first: the Node and PHP SDKs sign the path as sent (they never percent-encode); the Java SDK
 * signs the percent-decoded path and query (`URI.getPath()` / `getQuery()`, vector B3); older Java
 * and Connect-era SDKs signed the raw path with the decoded query. Without a `%` all three are the
 * same string. A malformed escape keeps only the raw form.
 */
export function resourceForms(resource: string): string[] {
  const q = resource.indexOf('?');
  const path = q === -1 ? resource : resource.slice(0, q);
  const query = q === -1 ? undefined : resource.slice(q + 1);
  const forms = [resource];
  const decodedPath = decode(path);
  const decodedQuery = query === undefined ? undefined : decode(query);
  if (decodedPath !== undefined && (query === undefined || decodedQuery !== undefined)) {
    forms.push(query === undefined ? decodedPath : `${decodedPath}?${decodedQuery}`);
  }
  if (query !== undefined && decodedQuery !== undefined) forms.push(`${path}?${decodedQuery}`);
  return [...new Set(forms)];
}

/**
 * The form this package signs for a path it percent-encoded: the decoded one (the current Java
 * SDK's rule). Equal to the path itself when nothing needed encoding, which is the case for every
 * id the client builds (notes §1.2: keep ids free of characters that need encoding).
 */
export function signedResource(encodedResource: string): string {
  return resourceForms(encodedResource)[1] ?? encodedResource;
}
