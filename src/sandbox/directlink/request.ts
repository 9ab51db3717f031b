/**
 * The door of every DirectLink page: a form-encoded POST in the page's encoding, the PSPID, the
 * API user (USERID / PSWD) and the SHA-IN over every field (USERID and PSWD included). Either the
 * checked parameters or the platform's error answer.
 */
import { FORM_MEDIA_TYPE, mediaType } from '../../internal/media-type.js';
import { OgoneProtocolError } from '../../protocol/errors.js';
import { getParam, parseOgoneParams, type IncomingParams } from '../../protocol/params.js';
import { digestHex, signaturesEqual } from '../../protocol/sign.js';
import type { ResolvedSandboxOptions } from '../options.js';
import { checkShaIn } from '../sha-in.js';
import { errorAttributes, xmlResponse, type ErrorEcho } from './answer.js';
import { decodeForm, type PageEncoding } from './encoding.js';
import type { DirectLinkError } from './errors.js';

/** A request that passed the door. */
export interface DirectLinkRequest {
  params: IncomingParams;
  /** A field whatever the case of its name; `''` when absent. */
  read(name: string): string;
  encoding: PageEncoding;
}

export type DoorResult = { request: DirectLinkRequest } | { answer: Response };

/** Compares two secrets without telling their length or where they differ. */
async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digestHex(a, 'sha256'), digestHex(b, 'sha256')]);
  return signaturesEqual(x, y);
}

/** Reads and checks a DirectLink request. */
export async function openDirectLinkRequest(
  request: Request,
  config: ResolvedSandboxOptions,
  encoding: PageEncoding,
): Promise<DoorResult> {
  const refuse = (error: DirectLinkError, details: string[] = [], echo: ErrorEcho = {}) => ({
    answer: xmlResponse(errorAttributes(error, details, echo), encoding),
  });
  if (request.method !== 'POST') return refuse('invalid-field', ['POST only']);
  const type = mediaType(request.headers.get('content-type'));
  if (type !== '' && type !== FORM_MEDIA_TYPE) {
    return refuse('invalid-field', ['the body must be application/x-www-form-urlencoded']);
  }
  let params: IncomingParams;
  try {
    params = parseOgoneParams(decodeForm(new Uint8Array(await request.arrayBuffer()), encoding));
  } catch (error) {
    const text = error instanceof OgoneProtocolError ? error.message : 'the form could not be read';
    return refuse('invalid-field', [text]);
  }
  const read = (name: string) => getParam(params, name) ?? '';
  const echo: ErrorEcho = { orderId: read('ORDERID'), currency: read('CURRENCY') };

  const pspid = read('PSPID');
  if (pspid === '') return refuse('missing-field', ['pspid'], echo);
  if (pspid !== config.pspid) return refuse('unknown-pspid', [], echo);
  const user = config.apiUser;
  const userOk =
    user !== undefined &&
    read('USERID') === user.userId &&
    (await secretsEqual(read('PSWD'), user.password));
  if (!userOk) return refuse('user-not-allowed', [], echo);
  const verdict = await checkShaIn(params, config.directLinkShaIn, config.hashAlgorithm, encoding);
  if (verdict === 'missing') return refuse('sha-missing', [], echo);
  if (verdict === 'mismatch') return refuse('sha-mismatch', [], echo);
  return { request: { params, read, encoding } };
}
