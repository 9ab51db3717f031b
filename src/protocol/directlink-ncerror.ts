/**
 * What a DirectLink answer's NCERROR / NCERRORPLUS says beyond STATUS: the codes a client acts on,
 * and the refusals of the call itself (wrong API user, signature, caller IP) that Ogone writes only
 * as text in NCERRORPLUS.
 */
import type { DirectLinkAnswer } from './directlink-answer.js';

/** The NCERROR codes with a rule attached (DirectLink notes §3–§5). */
export const NCERROR = {
  /** `"0"`: no error. */
  none: '0',
  /** Data error, e.g. an unknown alias ("Alias … not Found"). */
  dataError: '50001111',
  /** The ORDERID was already processed: nothing was charged again; ask querydirect. */
  alreadyProcessed: '50001113',
  /** Maintenance refused: the payment is not in a state for it ("this order is not authorized"). */
  notAuthorized: '50001127',
  /** Refund over what was captured. */
  overRefund: '50001129',
  /** querydirect: unknown order or PAYID (never paid). */
  unknownOrder: '50001130',
  unknownPayId: '50001131',
  /** The issuer insists on 3-D Secure and the answer carries no challenge. */
  threeDSecureRequired: '40001139',
} as const;

/** Why Ogone refused the call itself (before looking at any payment). */
export type DirectLinkRejection = 'credentials' | 'signature' | 'caller-ip';

/** NCERRORPLUS texts of the refusals, lower-case; `unknown order/<n>/s` is the SHA check. */
const REJECTIONS: readonly (readonly [text: string, rejection: DirectLinkRejection])[] = [
  ['connection to api feature not allowed', 'credentials'],
  ['unknown order/1/s', 'signature'],
  ['unknown order/0/s', 'signature'],
  ['unknown order/1/i', 'caller-ip'],
  ['unknown order/0/i', 'caller-ip'],
];

/** The refusal an answer carries, or `undefined` for an answer about a payment. Never throws. */
export function directLinkRejection(answer: DirectLinkAnswer): DirectLinkRejection | undefined {
  const text = (answer.ncErrorPlus ?? '').trim().toLowerCase();
  if (text === '' || text === '!') return undefined;
  for (const [needle, rejection] of REJECTIONS) if (text.includes(needle)) return rejection;
  return undefined;
}

/** True when querydirect says it does not know the order or PAYID: it was never paid. */
export function isUnknownToQuery(answer: DirectLinkAnswer): boolean {
  return answer.ncError === NCERROR.unknownOrder || answer.ncError === NCERROR.unknownPayId;
}
