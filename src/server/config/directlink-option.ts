/**
 * The `directLink` option resolved into the API user's client (or `undefined`: saved cards and
 * after-sale operations off). The password travels in every request body, so only over https
 * (plain http only to a loopback sandbox).
 */
import type { OgoneEnvironment } from '../../protocol/environment.js';
import type { DigestFunction, HashAlgorithm } from '../../protocol/sign.js';
import { createDirectLinkClient } from '../directlink/client.js';
import type { DirectLinkClient } from '../directlink/types.js';
import type { DirectLinkOptions, OgoneLogEntry } from '../types.js';
import { OgoneConfigError } from './config-error.js';
import { isRemotePlainHttp } from './production-rules.js';

export interface DirectLinkContext {
  pspid: string;
  /** The e-Commerce SHA-IN: the default DirectLink passphrase. */
  shaIn: string;
  shaOut: string;
  hashAlgorithm: HashAlgorithm;
  environment: OgoneEnvironment;
  digest: DigestFunction;
  log: (entry: OgoneLogEntry) => void;
}

/**
 * Refuses to send the API password in clear text to anything but this machine — in test too,
 * where a plain-http base URL is otherwise only a warning.
 */
function checkTransport(environment: OgoneEnvironment): void {
  if (typeof environment === 'string') return;
  if (isRemotePlainHttp(environment.baseUrl)) {
    throw new OgoneConfigError(
      'environment.baseUrl',
      'must be https when directLink is set (the API password is in every request); plain http only to 127.0.0.1 or localhost',
    );
  }
}

/** The client for a validated `directLink` option, or `undefined` when it is absent. */
export function resolveDirectLink(
  option: DirectLinkOptions | undefined,
  context: DirectLinkContext,
): DirectLinkClient | undefined {
  if (option === undefined) return undefined;
  checkTransport(context.environment);
  return createDirectLinkClient({
    pspid: context.pspid,
    userId: option.userId,
    password: option.password,
    shaIn: option.shaIn ?? context.shaIn,
    hashAlgorithm: context.hashAlgorithm,
    environment: context.environment,
    requestTimeoutSeconds: option.timeoutSeconds,
    fetch: option.fetch,
    digest: context.digest,
    log: context.log,
    secrets: [context.shaIn, context.shaOut],
  });
}
