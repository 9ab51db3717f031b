/**
 * What one DirectLink exchange came to, decided from what fetch gave: an answer, a lost answer
 * (Ogone may have processed the call) or a failure where nothing was processed. Pure.
 */
import { NOT_SENT_CODES, networkErrorCode } from '../../internal/network-error.js';
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

/** Re-exported: the one rule lives in `internal/network-error.ts` (the Worldline client uses it too). */
export { networkErrorCode };

/** A fetch that threw (or whose body failed): lost unless it surely never left. */
export function classifyFetchFailure(error: unknown, timedOut: boolean): Exchange {
  if (timedOut) {
    return { kind: 'lost', reason: 'timeout', httpStatus: undefined, detail: 'no answer in time' };
  }
  const code = networkErrorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
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
