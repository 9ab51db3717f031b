/**
 * The events `<ogone-checkout>` fires, with their detail types. Every event bubbles and is
 * `composed`, so it crosses shadow roots and can be heard on `document`.
 */
import type { PaymentResult } from '../contract/types.js';

/** Which half of the journey the element is showing. */
export type OgoneCheckoutMode = 'checkout' | 'return';

/** The reflected `state` attribute. */
export type OgoneCheckoutState =
  'idle' | 'signing' | 'redirecting' | 'verifying' | 'done' | 'error';

/** Detail of `ogone-ready`: fired once, after the first render. */
export interface OgoneReadyDetail {
  /**
   * `return` when the page URL carries Ogone's return parameters for this element's order
   * (verification starts now); `checkout` otherwise.
   */
  mode: OgoneCheckoutMode;
}

/** Detail of `ogone-save-card-change`: the shopper ticked or unticked "save my card". */
export interface OgoneSaveCardChangeDetail {
  saveCard: boolean;
}

/**
 * Detail of the cancelable `ogone-before-redirect`: the signed form about to be posted to Ogone.
 * `fields` holds every signed field except `SHASIGN` (names and values exactly as posted).
 * Call `event.preventDefault()` to stay on the page; the element returns to `idle`.
 */
export interface OgoneBeforeRedirectDetail {
  /** The hosted payment page URL the form posts to. */
  action: string;
  /** Ogone ORDERID of this payment attempt (fresh for every attempt). */
  orderId: string;
  fields: Readonly<Record<string, string>>;
}

/**
 * Detail of `ogone-result`: the payment result verified by the companion endpoint, discriminated
 * on `outcome` (`paid`, `authorized`, `pending`, `uncertain`, `cancelled`, `refused`, …).
 */
export type OgoneResultDetail = PaymentResult;

/** Closed set of `ogone-error` codes. */
export type OgoneErrorCode =
  /** The endpoint could not be reached: the shopper's connection, DNS, CORS. */
  | 'network'
  /** The endpoint answered HTTP 5xx (502, 503…): the shop's server is failing, not the shopper. */
  | 'endpoint-unavailable'
  /** The endpoint did not answer within `sign-timeout` / `verify-timeout`; the request was aborted. */
  | 'timeout'
  /** `/sign` answered an error (e.g. `invalid-request`, `save-card-not-allowed`). */
  | 'signing-rejected'
  /** An answer did not match the expected schema. Nothing from it was used. */
  | 'invalid-payload'
  /**
   * The signed `action` is not https on a known Ogone or Worldline Direct host nor on an
   * `allowed-hosts` entry, or a 3-D Secure challenge URL from `/pay` is not on the endpoint's own
   * origin. Nothing was opened.
   */
  | 'foreign-action'
  /** The signed `PSPID` differs from the `pspid` attribute: the form was not posted. */
  | 'pspid-mismatch'
  /** `/verify` refused the return parameters (bad signature, malformed query). */
  | 'verification-failed'
  /** `/verify`: the amount paid differs from the order's amount. */
  | 'amount-mismatch'
  /** The endpoint does not know the order. */
  | 'unknown-order'
  /** The verified return is for another order than `order-ref`: neither shown nor retried. */
  | 'order-mismatch'
  /** `/pay`: the saved card is not this customer's, or no longer saved (choose another). */
  | 'card-not-found'
  /** `/pay`: the saved card has expired (choose another). */
  | 'card-expired'
  /** `/pay`: the order cannot be paid now (already paid, or a payment is pending). */
  | 'order-not-payable'
  /** `/pay` or a removal: saved cards are off at the endpoint (no API user, no customer). */
  | 'saved-cards-unavailable'
  /** `/pay`: Ogone could not be reached or its answer was lost; a payment may have happened. */
  | 'platform-unavailable'
  /** `/pay` or a removal answered another error (e.g. `invalid-request`). */
  | 'saved-card-rejected'
  /** The element or endpoint is set up wrongly (missing `endpoint` / `order-ref`, bad `return-url`, return URL not allowed, no such route). */
  | 'configuration';

/** Every `OgoneErrorCode`, for exhaustive handling. */
export const OGONE_ERROR_CODES: readonly OgoneErrorCode[] = [
  'network',
  'endpoint-unavailable',
  'timeout',
  'signing-rejected',
  'invalid-payload',
  'foreign-action',
  'pspid-mismatch',
  'verification-failed',
  'amount-mismatch',
  'unknown-order',
  'order-mismatch',
  'card-not-found',
  'card-expired',
  'order-not-payable',
  'saved-cards-unavailable',
  'platform-unavailable',
  'saved-card-rejected',
  'configuration',
];

/** Detail of `ogone-error`. `message` is English, for logs (the server's when it sent one). */
export interface OgoneErrorDetail {
  code: OgoneErrorCode;
  message: string;
  /** The underlying error or the endpoint's `{ code, message }`, when there was one. */
  cause?: unknown;
}

/**
 * Detail of `ogone-card-removed`: the shopper removed a saved card and the endpoint forgot it (it
 * is never offered again). The alias itself stays at Ogone: DirectLink cannot delete one.
 */
export interface OgoneCardRemovedDetail {
  cardId: string;
  brand: string;
  last4: string;
}

/** Event name → detail type, for helpers that need the whole set. */
export interface OgoneCheckoutEventDetails {
  'ogone-ready': OgoneReadyDetail;
  'ogone-save-card-change': OgoneSaveCardChangeDetail;
  'ogone-before-redirect': OgoneBeforeRedirectDetail;
  'ogone-result': OgoneResultDetail;
  'ogone-error': OgoneErrorDetail;
  'ogone-card-removed': OgoneCardRemovedDetail;
}

/** Any event `<ogone-checkout>` fires. */
export type OgoneCheckoutEventName = keyof OgoneCheckoutEventDetails;
