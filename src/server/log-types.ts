/**
 * The endpoint's structured log entries (`logger` option): one per request, one per event the
 * operator must know, one per DirectLink exchange. None ever holds a secret.
 */
import type { EndpointErrorCode } from '../protocol/index.js';
import type { DirectLinkLogEntry } from './directlink/types.js';

/** One line per request, never containing a passphrase, card data or query string. */
export interface RequestLogEntry {
  level: 'info' | 'warn' | 'error';
  event: 'request';
  method: string;
  /** Path only; the query string (which carries payment data) is never logged. */
  path: string;
  status: number;
  /** Error code when the answer is an error. */
  code?: EndpointErrorCode | 'internal-error' | undefined;
  durationMs: number;
  orderRef?: string | undefined;
  orderId?: string | undefined;
  idempotencyKey?: string | undefined;
}

/** Something the operator must know: a weak configuration, a hook that failed, a card forgotten. */
export interface EventLogEntry {
  level: 'info' | 'warn' | 'error';
  /**
   * `order-mismatch`: a verified feedback delivered with `orderCheck` other than `matched`;
   * `ledger-failed`: the ledger's database failed (the request answered 503); `delivery-retry` /
   * `delivery-dead`: an outbox delivery failed and is retried later / was given up (dead letter);
   * `card-forgotten` (info): a shopper removed a saved card, forgotten locally only (Ogone has no
   * DirectLink call to delete an alias); `saved-card-payment` (warn/error): a `/pay` the platform
   * could not complete (unreachable, refused credentials, a lost answer);
   * `platform-failed`: a call to the platform's API (Worldline Direct) failed (its code and
   * `errorId`, never a secret); `webhook-ignored`: a verified webhook about no payment of ours.
   */
  event:
    | 'config'
    | 'hook-failed'
    | 'order-mismatch'
    | 'internal-error'
    | 'ledger-failed'
    | 'delivery-retry'
    | 'delivery-dead'
    | 'card-forgotten'
    | 'saved-card-payment'
    | 'platform-failed'
    | 'webhook-ignored';
  message: string;
  hook?: 'resolveOrder' | 'onPaymentResult' | undefined;
  /** For delivery entries: the result's idempotency key and the attempt number. */
  idempotencyKey?: string | undefined;
  attempt?: number | undefined;
}

/**
 * One DirectLink exchange (`step: 'sent'`) or lost-answer recovery step (`query`, `resend`,
 * `resolved`, `failed`): page, ORDERID/PAYID, STATUS, NCERROR and timing — never a parameter value.
 */
export type { DirectLinkLogEntry };

export type OgoneLogEntry = RequestLogEntry | EventLogEntry | DirectLinkLogEntry;

/** Receives structured log entries. Must not throw (a throw is ignored). */
export type OgoneLogger = (entry: OgoneLogEntry) => void;
