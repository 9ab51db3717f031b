/**
 * `DirectLinkError`: the one error the DirectLink client throws, with a stable code per family.
 * Its message never holds the API password, a passphrase or card data, nor a raw fetch error.
 */
import type { DirectLinkPage } from '../../protocol/environment.js';

/** What went wrong, from "nothing was sent" to "Ogone may have processed it". */
export const DIRECTLINK_ERROR_CODES = {
  /** The request itself is wrong (an amount, an alias, a browser field): nothing was sent. */
  'invalid-request': 'nothing sent',
  /** No connection could be made (DNS, refused, TLS): nothing was sent. */
  unreachable: 'nothing sent',
  /** A querydirect call got no answer in time: ask again later. */
  timeout: 'nothing changed',
  /** A querydirect answer that is not a DirectLink answer (HTTP error, not XML, too large). */
  'invalid-answer': 'nothing changed',
  /** "Connection to API feature not allowed for this user": not an API user, or a wrong password. */
  'refused-credentials': 'refused',
  /** `unknown order/1/s` or `/0/s`: the DirectLink SHA-IN passphrase or algorithm is wrong. */
  'signature-rejected': 'refused',
  /** `unknown order/1/i/…`: this server's IP address is not allowed in the Ogone back office. */
  'ip-refused': 'refused',
  /** Ogone did not process the call (querydirect does not know it): it may be sent again. */
  'not-processed': 'nothing changed',
  /**
   * The answer was lost and querydirect could not say what happened: the payment or operation
   * may have gone through. Never send it again blindly; resolve it with a status query later.
   */
  'answer-lost': 'unknown',
} as const;

export type DirectLinkErrorCode = keyof typeof DIRECTLINK_ERROR_CODES;

/** Why an answer counts as lost. */
export type LossReason = 'timeout' | 'connection-reset' | 'server-error' | 'not-xml';

export interface DirectLinkErrorDetails {
  page: DirectLinkPage;
  orderId?: string | undefined;
  payId?: string | undefined;
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number | undefined;
  /** For `answer-lost` and `not-processed`: why the first answer was lost. */
  lostBecause?: LossReason | undefined;
}

export class DirectLinkError extends Error {
  override readonly name = 'DirectLinkError';
  readonly code: DirectLinkErrorCode;
  readonly page: DirectLinkPage;
  readonly orderId: string | undefined;
  readonly payId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly lostBecause: LossReason | undefined;

  constructor(code: DirectLinkErrorCode, message: string, details: DirectLinkErrorDetails) {
    super(message);
    this.code = code;
    this.page = details.page;
    this.orderId = details.orderId;
    this.payId = details.payId;
    this.httpStatus = details.httpStatus;
    this.lostBecause = details.lostBecause;
  }
}
