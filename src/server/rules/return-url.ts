/** The return-URL rule: absolute http(s), an allowed origin, no credentials, no fragment. */
import { hasCredentials, parseHttpUrl } from '../../internal/url.js';
import { EndpointFailure } from '../http/failure.js';

/** The canonical return URL; throws `return-url-not-allowed` naming the rule it breaks. */
export function checkReturnUrl(returnUrl: string, allowed: ReadonlySet<string>): string {
  const refuse = (message: string) => new EndpointFailure('return-url-not-allowed', message);
  const url = parseHttpUrl(returnUrl);
  if (url === undefined) throw refuse('returnUrl must be an absolute http(s) URL.');
  if (!allowed.has(url.origin)) {
    throw refuse(`The origin ${url.origin} is not in allowedReturnOrigins.`);
  }
  if (hasCredentials(url)) throw refuse('returnUrl must not contain credentials.');
  if (url.hash !== '') throw refuse('returnUrl must not contain a #fragment.');
  return url.href;
}
