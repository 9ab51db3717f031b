/**
 * The provider interface: what differs between payment platforms (legacy Ogone, Worldline Direct)
 * behind one shape, so the routes, the ledger, the element and the console never know which one
 * runs. Every method takes and gives this package's terms (trusted orders, × 100 amounts, verified
 * results with the legacy STATUS); the platform's own wire stays inside its provider.
 */
import type { SignedPayload } from '../../contract/types.js';
import type { CoreRequest } from '../http/core.js';
import type { Facts } from '../http/request-log.js';
import type { VerifiedResult } from '../rules/verified-result.js';
import type { TrustedOrder } from '../types.js';

/** Which platform runs: `ogone` (the legacy hosted page and DirectLink) or `worldline-direct`. */
export type ProviderName = 'ogone' | 'worldline-direct';

/** Every provider name, for option validation. */
export const PROVIDER_NAMES: readonly ProviderName[] = ['ogone', 'worldline-direct'];

/** A checkout to start: the trusted order and the shopper's choices, already checked. */
export interface CheckoutRequest {
  orderRef: string;
  /** The fresh reference of this attempt (Ogone ORDERID, Worldline `merchantReference`). */
  orderId: string;
  order: TrustedOrder;
  /** The amount in minor units (× 100, Ogone `AMOUNT`). */
  minor: string;
  /** Checked against the allowed origins, canonical. */
  returnUrl: string;
  /** The shopper's language tag; the order's language when absent. */
  language: string | undefined;
  /** The shopper ticked "save my card" (and the order allows it). */
  saveCard: boolean;
}

/**
 * A verified return: the result and how far it may be trusted by the ledger. `return`: signed by
 * the platform but carried by the shopper (recorded as observed, never applied); `query`: read by
 * the endpoint from the platform itself (applied like a notification).
 */
export interface VerifiedReturn {
  verified: VerifiedResult;
  source: 'return' | 'query';
  /** The order's customer, when the provider kept it (a saved card is recorded for them). */
  customerId?: string | undefined;
}

/** What a notification carried, verified: zero or more results (none for a duplicate). */
export interface TakenNotification {
  results: readonly VerifiedResult[];
  /** Events recognised as already taken (not read again). */
  duplicates: number;
  /**
   * Called once every result is recorded: the provider remembers the notification as taken
   * (never before, so a failed recording is retried by the platform and not mistaken for a
   * duplicate).
   */
  settle?: (() => Promise<void>) | undefined;
}

/** A payment a provider operates on, as the ledger knows it. */
export interface ProviderPayment {
  orderRef: string;
  orderId: string;
  /** The platform's payment reference (Ogone PAYID, Worldline `payment.id`). */
  payId: string;
  /** Minor units and ISO currency of the payment. */
  minor: string;
  currency: string;
}

/** A saved-card payment to make server to server. */
export interface TokenPaymentRequest {
  orderRef: string;
  orderId: string;
  minor: string;
  currency: string;
  /** The saved card: a Worldline token or a legacy Ogone alias (used verbatim). */
  token: string;
  customerId: string | undefined;
  /** Where the shopper comes back after a 3-D Secure challenge. */
  returnUrl: string;
  language: string | undefined;
}

/** What a token payment did: a verified result, or a 3-D Secure page the shopper must visit. */
export type TokenPaymentOutcome =
  | { kind: 'result'; verified: VerifiedResult }
  | { kind: 'challenge'; url: string; verified: VerifiedResult | undefined };

/** An after-sale amount: minor units; absent for the whole (remaining) amount. */
export interface OperationAmount {
  minor?: string | undefined;
  /** For a capture: no more captures after this one. */
  isFinal?: boolean | undefined;
}

/** One platform behind the routes. */
export interface PaymentProvider {
  readonly name: ProviderName;
  /** A redirect (or signed form) the element follows to the platform's page. */
  startCheckout(request: CheckoutRequest): Promise<SignedPayload>;
  /** The shopper's return query, verified; a forged or foreign one fails (`invalid-signature`). */
  verifyReturn(query: string, facts: Facts): Promise<VerifiedReturn>;
  /** A server-to-server notification (raw request), verified; a forged one fails. */
  takeNotification(req: CoreRequest, facts: Facts): Promise<TakenNotification>;
  /** Pays with a saved card, server to server. */
  payWithToken?(request: TokenPaymentRequest): Promise<TokenPaymentOutcome>;
  /** Deletes a saved card at the platform; `deleted: false` when the platform no longer knew it. */
  deleteToken?(token: string): Promise<{ deleted: boolean }>;
  capture?(payment: ProviderPayment, amount?: OperationAmount): Promise<VerifiedResult>;
  cancel?(payment: ProviderPayment): Promise<VerifiedResult>;
  refund?(payment: ProviderPayment, amount: OperationAmount): Promise<VerifiedResult>;
  /** The payment's current state at the platform. */
  query?(payment: ProviderPayment): Promise<VerifiedResult>;
}
