/** A DirectLink call as it goes on the wire: the page's URL and the SHA-IN-signed form body. */
import { directLinkUrl, type DirectLinkPage, type OgoneEnvironment } from './environment.js';
import { OgoneProtocolError } from './errors.js';
import {
  assertAlgorithm,
  composeShaString,
  digestHex,
  valueToString,
  type DigestFunction,
  type HashAlgorithm,
  type Params,
} from './sign.js';

/** The media type of every DirectLink body (the `_utf8.asp` pages read UTF-8). */
export const DIRECTLINK_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/** What {@link buildDirectLinkRequest} needs. */
export interface DirectLinkRequestInput {
  environment: OgoneEnvironment;
  page: DirectLinkPage;
  /** Every field of the call, `PSPID`, `USERID` and `PSWD` included; empty values are left out. */
  params: Params;
  /** The SHA-IN passphrase of "Checks for DirectLink and Batch (Automatic)". */
  passphrase: string;
  algorithm: HashAlgorithm;
  /** Hash function; default WebCrypto. A server may pass a synchronous `node:crypto` one. */
  digest?: DigestFunction | undefined;
}

/** A signed DirectLink call: POST `body` to `url` with `content-type: contentType`. */
export interface DirectLinkRequest {
  url: string;
  body: string;
  contentType: typeof DIRECTLINK_CONTENT_TYPE;
}

/**
 * Signs a DirectLink call and writes its form body. The signature is SHA-IN over every non-empty
 * parameter, `USERID` and `PSWD` included, names upper-cased (`browserColorDepth`, `Mpi.x` too,
 * dots kept), in code-unit order — the one rule of {@link composeShaString}. The body carries the
 * same non-empty parameters in the caller's order, names as given, then `SHASIGN` (upper-case hex).
 * Throws {@link OgoneProtocolError}: `invalid-parameter` when `params` already holds a `SHASIGN`
 * (which one would Ogone read?) or a non-finite number, `duplicate-parameter` for two names that
 * differ only in case, `invalid-algorithm`.
 */
export async function buildDirectLinkRequest(
  input: DirectLinkRequestInput,
): Promise<DirectLinkRequest> {
  assertAlgorithm(input.algorithm);
  const url = directLinkUrl(input.environment, input.page);
  const body = new URLSearchParams();
  for (const [name, raw] of Object.entries(input.params)) {
    if (name.toUpperCase() === 'SHASIGN') {
      throw new OgoneProtocolError(
        'invalid-parameter',
        'Parameter SHASIGN is computed here and must not be given.',
      );
    }
    const value = valueToString(name, raw);
    if (value !== '') body.append(name, value);
  }
  const text = composeShaString(input.params, input.passphrase, 'in');
  const digest = input.digest ?? digestHex;
  const signature = (await digest(text, input.algorithm)).toUpperCase();
  body.append('SHASIGN', signature);
  return { url, body: body.toString(), contentType: DIRECTLINK_CONTENT_TYPE };
}
