/**
 * One DirectLink exchange: the API user's credentials and RTIMEOUT added, the body signed, a
 * form-encoded UTF-8 POST under the client's own timeout, the answer read up to a bound.
 */
import { readBoundedText } from '../../internal/read-bounded.js';
import { buildDirectLinkRequest } from '../../protocol/directlink-request.js';
import { MAX_DIRECTLINK_ANSWER_LENGTH } from '../../protocol/directlink-xml.js';
import type { DirectLinkPage, OgoneEnvironment } from '../../protocol/environment.js';
import type { DigestFunction, HashAlgorithm, Params } from '../../protocol/sign.js';
import { classifyFetchFailure, classifyResponse, type Exchange } from './classify.js';
import type { Clock } from './types.js';

export interface TransportConfig {
  pspid: string;
  userId: string;
  password: string;
  shaIn: string;
  hashAlgorithm: HashAlgorithm;
  environment: OgoneEnvironment;
  /** `RTIMEOUT`, seconds. */
  requestTimeoutSeconds: number;
  /** Abort after this long (covers the body too). */
  clientTimeoutMs: number;
  fetch: typeof fetch;
  clock: Clock;
  digest: DigestFunction;
}

/**
 * Sends one call and says what came of it; never throws for anything the network or Ogone does
 * (only for a bug, such as fields that cannot be signed).
 */
export async function exchange(
  config: TransportConfig,
  page: DirectLinkPage,
  fields: Params,
): Promise<Exchange> {
  const request = await buildDirectLinkRequest({
    environment: config.environment,
    page,
    params: {
      PSPID: config.pspid,
      USERID: config.userId,
      PSWD: config.password,
      ...fields,
      RTIMEOUT: String(config.requestTimeoutSeconds),
    },
    passphrase: config.shaIn,
    algorithm: config.hashAlgorithm,
    digest: config.digest,
  });

  const controller = new AbortController();
  let timedOut = false;
  const timer = config.clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.clientTimeoutMs);
  try {
    const response = await config.fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': request.contentType, accept: 'text/xml, application/xml' },
      body: request.body,
      // A redirect would carry PSWD elsewhere: it is an answer to refuse, never to follow.
      redirect: 'manual',
      signal: controller.signal,
    });
    const text = await readBoundedText(response, MAX_DIRECTLINK_ANSWER_LENGTH);
    return classifyResponse(response.status, text);
  } catch (error) {
    return classifyFetchFailure(error, timedOut);
  } finally {
    config.clock.clearTimeout(timer);
  }
}
