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

/**
 * What `<endpoint>/sign` answers: everything the redirect needs. Legacy Ogone: a signed form the
 * element POSTs (`method: 'POST'`). Worldline Direct: a hosted checkout the element navigates to
 * (`method: 'GET'`, `fields` empty: the session was created server-side).
 */
export interface SignedPayload {
  /** The hosted payment page URL the form posts to (or the hosted checkout to go to). */
  action: string;
  method: 'POST' | 'GET';
  /**
   * POST: every form field, `SHASIGN` included: names upper-case, values exactly as signed.
   * GET: empty.
   */
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

/** A card the shopper saved, as `GET <endpoint>/cards` lists it (never the alias itself). */
export interface SavedCard {
  /** Opaque id, for `POST <endpoint>/pay` and `DELETE <endpoint>/cards/<id>`. */
  id: string;
  /** Ogone's BRAND, e.g. `VISA`, `MasterCard`. */
  brand: string;
  /** The last four digits of the card number. */
  last4: string;
  /** `MM/YY`. */
  expiry: string;
  /** Past its expiry month: listed as such, not selectable. */
  expired: boolean;
  /** ISO 8601 time of the last payment with it, `null` if none since it was saved. */
  lastUsedAt: string | null;
}

/**
 * What `GET <endpoint>/cards?orderRef=<ref>` answers (authorised by `resolveOrder`, like /sign).
 * `enabled` is false when the shop has no API user or the order no `customerId`: show no list.
 */
export interface SavedCards {
  enabled: boolean;
  cards: SavedCard[];
  /** The card selected by default: the most recently used one that has not expired. */
  selectedCardId: string | null;
  /** When `enabled` is false: why, in plain words (no API user, no ledger, no customerId). */
  reason?: string | undefined;
}

/** What the element reads from the browser for 3-D Secure 2 (`browser*` DirectLink fields). */
export interface BrowserInfo {
  /** `screen.colorDepth`. */
  colorDepth: number;
  /** `navigator.javaEnabled()` (false on modern browsers). */
  javaEnabled: boolean;
  /** `navigator.language` (BCP 47). */
  language: string;
  screenHeight: number;
  screenWidth: number;
  /** `new Date().getTimezoneOffset()`: minutes, JavaScript's sign. */
  timeZoneOffset: number;
  /** `navigator.userAgent`. */
  userAgent: string;
}

/** What the element POSTs to `<endpoint>/pay` to pay with a saved card. No amount, as ever. */
export interface PayRequest {
  orderRef: string;
  cardId: string;
  browser: BrowserInfo;
  /** Where the shopper comes back after a 3-D Secure challenge (checked like /sign's). */
  returnUrl: string;
  /** The page's language tag, as for /sign. */
  language?: string | undefined;
}

/**
 * What `<endpoint>/pay` answers. `result`: a verified outcome, shown like a hosted-page return
 * (paid/authorized; refused/invalid: offer another card; pending/uncertain: never "try again").
 * `challenge`: the bank asks for 3-D Secure; navigate to `url`, a path on the endpoint's own
 * origin (`<basePath>/challenge/<id>`: resolve it against the endpoint URL), served once. The
 * shopper comes back to `returnUrl` with signed parameters, verified as usual. `redirect`: the
 * bank insists on its own page; post `payload` as after /sign (the saved card is preselected).
 */
export type PayAnswer =
  | {
      kind: 'result';
      result: PaymentResult;
      /** For a refused or invalid payment: why, in plain words the shopper may read. */
      reason?: string | undefined;
    }
  | { kind: 'challenge'; url: string }
  | { kind: 'redirect'; payload: SignedPayload };
