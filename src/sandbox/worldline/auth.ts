/**
 * The sandbox's door: a request's v1HMAC signature checked as the platform would (notes §1.2,
 * fidelity checklist): the `Authorization` scheme, the key id, the `Date` within the skew window,
 * the Content-Type line (ignored on GET, as the Node SDK signs it), the X-GCS headers, and the path
 * in each form an official SDK signs (raw, percent-decoded, older Java). The body is not signed;
 * at most six HMACs are computed per request (two Content-Type lines × three path forms).
 */
import { signaturesMatch, type HmacSha256 } from '../../protocol/worldline/hmac.js';
import { parseHttpDate } from '../../protocol/worldline/http-date.js';
import {
  parseAuthorization,
  resourceForms,
  stringToHash,
  v1HmacSignature,
} from '../../protocol/worldline/v1hmac.js';
import type { ApiErrorName } from './api-errors.js';

export interface AuthConfig {
  apiKeyId: string;
  apiSecret: string;
  clockSkewMs: number;
  now: () => Date;
  hmac?: HmacSha256;
}

/** Why a request was refused, for the error answer and the sandbox log (never the secret). */
export type AuthRefusal = { error: ApiErrorName; reason: string };

/**
 * The Content-Type lines a client may have signed: the header as sent; on GET (and HEAD) also an
 * empty line, which is what the Node SDK signs while still sending `application/json` (PHP and
 * Java sign whatever header they send, and this package sends none on GET).
 */
export function signedContentTypes(method: string, contentType: string | null): string[] {
  if (method !== 'GET' && method !== 'HEAD') return [contentType ?? ''];
  return contentType === null || contentType === '' ? [''] : ['', contentType];
}

/** Checks a request's signature; `undefined` when it holds. */
export async function checkSignature(
  request: Request,
  config: AuthConfig,
): Promise<AuthRefusal | undefined> {
  const parsed = parseAuthorization(request.headers.get('authorization'));
  if (parsed === undefined) {
    return { error: 'missing-authorization', reason: 'no GCS v1HMAC Authorization header' };
  }
  if (parsed.apiKeyId !== config.apiKeyId) {
    return { error: 'authentication-failed', reason: 'unknown API key id' };
  }
  const date = request.headers.get('date');
  const time = parseHttpDate(date);
  if (date === null || time === undefined) {
    return { error: 'authentication-failed', reason: 'the Date header is missing or not RFC 1123' };
  }
  if (Math.abs(config.now().getTime() - time) > config.clockSkewMs) {
    return { error: 'authentication-failed', reason: 'the Date header is outside the skew window' };
  }
  const url = new URL(request.url);
  const contentTypes = signedContentTypes(request.method, request.headers.get('content-type'));
  for (const contentType of contentTypes) {
    for (const resource of resourceForms(`${url.pathname}${url.search}`)) {
      const text = stringToHash({
        method: request.method,
        contentType,
        date,
        headers: request.headers,
        resource,
      });
      const expected = await v1HmacSignature(config.apiSecret, text, config.hmac);
      if (signaturesMatch(expected, parsed.signature)) return undefined;
    }
  }
  return { error: 'authentication-failed', reason: 'the signature does not match' };
}
