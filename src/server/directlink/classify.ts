/**
 * What one DirectLink exchange came to, decided from what fetch gave: an answer, a lost answer
 * (Ogone may have processed the call) or a failure where nothing was processed. Pure.
 */
import { parseDirectLinkAnswer, type DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import {
  directLinkRejection,
  type DirectLinkRejection,
} from '../../protocol/directlink-ncerror.js';
import { OgoneProtocolError } from '../../protocol/errors.js';
import type { DirectLinkErrorCode, LossReason } from './errors.js';

export type Exchange =
  | { kind: 'answer'; answer: DirectLinkAnswer; httpStatus: number }
  | { kind: 'lost'; reason: LossReason; httpStatus: number | undefined; detail: string }
  | {
      kind: 'failed';
      code: Extract<
        DirectLinkErrorCode,
        | 'unreachable'
        | 'invalid-answer'
        | 'refused-credentials'
        | 'signature-rejected'
        | 'ip-refused'
      >;
      httpStatus: number | undefined;
      detail: string;
    };

/**
 * Network errors raised before the request could have left: no name, no route, refused, a TLS
 * certificate that does not check. Anything else may have happened after Ogone read the request.
 */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const REJECTION_CODES: Record<DirectLinkRejection, Extract<Exchange, { kind: 'failed' }>['code']> =
  {
    credentials: 'refused-credentials',
    signature: 'signature-rejected',
    'caller-ip': 'ip-refused',
  };

const REJECTION_TEXT: Record<DirectLinkRejection, string> = {
  credentials: 'Ogone refused the API user ("Connection to API feature not allowed for this user")',
  signature:
    'Ogone refused the signature (unknown order/…/s): check the DirectLink SHA-IN and algorithm',
  'caller-ip': "Ogone refused this server's IP address (unknown order/…/i)",
};

/** The `code` of a Node network error (on the error or its `cause`), if any. */
export function networkErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 3 && typeof current === 'object'; depth++) {
    if (current === null) return undefined;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && code !== '') return code.slice(0, 40);
    current = cause;
  }
  return undefined;
}

/** A fetch that threw (or whose body failed): lost unless it surely never left. */
export function classifyFetchFailure(error: unknown, timedOut: boolean): Exchange {
  if (timedOut) {
    return { kind: 'lost', reason: 'timeout', httpStatus: undefined, detail: 'no answer in time' };
  }
  const code = networkErrorCode(error);
  if (code !== undefined && NOT_SENT.has(code)) {
    return { kind: 'failed', code: 'unreachable', httpStatus: undefined, detail: code };
  }
  return {
    kind: 'lost',
    reason: 'connection-reset',
    httpStatus: undefined,
    detail: code ?? 'connection closed',
  };
}

/**
 * An HTTP answer. Ogone answers 200 with XML, errors included; a 5xx or unreadable 200 is lost
 * (the call may have been processed), any other status means the call was not taken.
 * `text` is `undefined` when the answer was larger than the bound.
 */
export function classifyResponse(httpStatus: number, text: string | undefined): Exchange {
  if (httpStatus >= 500) {
    return { kind: 'lost', reason: 'server-error', httpStatus, detail: `HTTP ${httpStatus}` };
  }
  if (httpStatus < 200 || httpStatus > 299) {
    return { kind: 'failed', code: 'invalid-answer', httpStatus, detail: `HTTP ${httpStatus}` };
  }
  if (text === undefined) {
    return { kind: 'lost', reason: 'not-xml', httpStatus, detail: 'answer too large' };
  }
  let answer: DirectLinkAnswer;
  try {
    answer = parseDirectLinkAnswer(text);
  } catch (error) {
    if (!(error instanceof OgoneProtocolError)) throw error;
    return { kind: 'lost', reason: 'not-xml', httpStatus, detail: error.message };
  }
  const rejection = directLinkRejection(answer);
  if (rejection !== undefined) {
    return {
      kind: 'failed',
      code: REJECTION_CODES[rejection],
      httpStatus,
      detail: REJECTION_TEXT[rejection],
    };
  }
  return { kind: 'answer', answer, httpStatus };
}
