/**
 * The element <-> endpoint HTTP contract as plain TypeScript types (the zod schemas that check
 * them stay internal, so no zod type reaches a public `.d.ts`).
 */
import type { Outcome } from '../protocol/status.js';
import type { EndpointErrorCode } from './errors.js';

/** What the element POSTs to `<endpoint>/sign`. Never carries an amount: the server decides it. */
export interface SignRequest {
  orderRef: string;
  saveCard?: boolean | undefined;
  /** The page's language tag (`fr-BE`); the endpoint maps it to Ogone's `LANGUAGE`. */
  language?: string | undefined;
  /** Where Ogone sends the shopper back; checked against the endpoint's allowed origins. */
  returnUrl: string;
}

/** What `<endpoint>/sign` answers: everything the redirect form needs, already signed. */
export interface SignedPayload {
  /** The hosted payment page URL the form posts to. */
  action: string;
  method: 'POST';
  /** Every form field, `SHASIGN` included: names upper-case, values exactly as signed. */
  fields: Record<string, string>;
  /** Ogone ORDERID of this payment attempt (also `fields.ORDERID`). */
  orderId: string;
}

/** What the element POSTs to `<endpoint>/verify`: the return page's raw query string. */
export interface VerifyRequest {
  query: string;
}

/** Fields every verified payment result carries. */
export interface PaymentResultBase {
  /** STATUS code and its name (see `describeStatus`). */
  status: number;
  statusName: string;
  /** Ogone will not move this payment on by itself. */
  final: boolean;
  /** The merchant's order reference (signed, via COMPLUS). */
  orderRef: string;
  /** Ogone ORDERID of this payment attempt. */
  orderId: string;
  payId: string;
  /** Two-decimal major units, e.g. `"19.99"`. */
  amount: string;
  currency: string;
  /** The stored card alias, only when the shopper agreed and the card was saved. */
  alias?: string | undefined;
  /** Masked card number, e.g. `XXXXXXXXXXXX1111`. */
  cardNumber?: string | undefined;
  brand?: string | undefined;
  /** Ogone NCERROR, `"0"` when none. */
  ncError: string;
  /** `MM/DD/YY` as Ogone sends it. */
  trxDate?: string | undefined;
  /** Stable across redeliveries of the same result: orderId + payId + status. */
  idempotencyKey: string;
}

/** A verified payment result, discriminated on `outcome`. */
export type PaymentResult = { [O in Outcome]: PaymentResultBase & { outcome: O } }[Outcome];

/** Every error the endpoint answers has this body. */
export interface EndpointError {
  error: { code: EndpointErrorCode | (string & {}); message: string };
}

/** What `GET <endpoint>/orders/<orderRef>` says about an order. */
export type OrderState = 'open' | 'paid' | 'pending' | 'uncertain';

/**
 * What `GET <endpoint>/orders/<orderRef>` answers (same credentials as `/sign`; 404
 * `unknown-order`). `open`: no payment, or only refused, cancelled or invalid attempts. `paid`: a
 * successful payment (or a later after-sale state), `result` is its receipt. `pending` /
 * `uncertain`: the payment is not final; the shopper must not pay again.
 */
export interface OrderStatus {
  orderRef: string;
  state: OrderState;
  result: PaymentResult | null;
}
