/** The DirectLink client's types: what each page is asked, what comes back, what it needs to run. */
import type { BrowserData } from '../../protocol/directlink-browser.js';
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import type { DirectLinkPage, OgoneEnvironment } from '../../protocol/environment.js';
import type { DigestFunction, HashAlgorithm } from '../../protocol/sign.js';
import type { TrustedCustomer } from '../types.js';
import type { DirectLinkErrorCode, LossReason } from './errors.js';

export type { BrowserData };

/** The billing address that helps frictionless 3-D Secure (`ECOM_BILLTO_POSTAL_*`). */
export interface BillingAddress {
  street1?: string | undefined;
  street2?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  /** ISO 3166-1 alpha-2. */
  countryCode?: string | undefined;
}

/** A shopper-present payment: 3-D Secure when the issuer asks (`FLAG3D=Y`, `WIN3DS=MAINW`). */
export interface ThreeDSecureRequest {
  /** Where the shopper lands after the challenge (signed SHA-OUT return parameters). */
  acceptUrl: string;
  declineUrl: string;
  exceptionUrl: string;
  /** The shopper's IP address (`REMOTE_ADDR`), or `NONE`. */
  remoteAddress: string;
  browser: BrowserData;
  billing?: BillingAddress | undefined;
}

/** `orderdirect_utf8.asp`: pay with a saved card (an ALIAS), `ECI=9`. No card data, ever. */
export interface OrderDirectRequest {
  /** New per attempt, at most 40 characters (keep 30 to match the hosted page). */
  orderId: string;
  /** Ogone `AMOUNT`: minor units, `"1999"` for 19.99. */
  minorAmount: string;
  currency: string;
  alias: string;
  operation: 'SAL' | 'RES';
  /** Ogone `LANGUAGE` (`fr_BE`). */
  language?: string | undefined;
  customer?: TrustedCustomer | undefined;
  /** Comes back signed on the 3-D Secure return and feedback (the hosted page uses the orderRef). */
  complus?: string | undefined;
  /** Present for a shopper at the keyboard; absent for a merchant-initiated payment. */
  threeDSecure?: ThreeDSecureRequest | undefined;
}

/** `OPERATION` of `maintenancedirect_utf8.asp`. */
export type MaintenanceOperation = 'SAL' | 'SAS' | 'DES' | 'DEL' | 'RFD' | 'RFS';

/** `maintenancedirect_utf8.asp`: capture (SAL/SAS), cancel (DES/DEL), refund (RFD/RFS). */
export interface MaintenanceRequest {
  operation: MaintenanceOperation;
  payId: string;
  /** Ogone `AMOUNT` of this operation, minor units (always sent, as Ogone recommends). */
  minorAmount: string;
  /**
   * The highest `PAYIDSUB` the payment is known to have (0 right after the authorisation). This
   * operation becomes step `lastPayIdSub + 1`; a lost answer is checked there before any resend.
   */
  lastPayIdSub: number;
}

/** `querydirect_utf8.asp`: by PAYID (and a step), or by ORDERID. */
export type QueryRequest = { payId: string; payIdSub?: number | undefined } | { orderId: string };

/** What a call gives back. */
export interface DirectLinkResult {
  answer: DirectLinkAnswer;
  /**
   * `direct`: the page's own answer. `query`: querydirect's, because the answer was lost or said
   * "already processed" (`50001113`); it has no `htmlAnswer`.
   */
  source: 'direct' | 'query';
  /** Times the request was sent: 2 only after querydirect showed the first was not processed. */
  sends: number;
}

/** The API user's client for the three DirectLink pages. */
export interface DirectLinkClient {
  /** The API user (`USERID`); never the password. */
  readonly userId: string;
  orderDirect(request: OrderDirectRequest): Promise<DirectLinkResult>;
  maintenanceDirect(request: MaintenanceRequest): Promise<DirectLinkResult>;
  queryDirect(request: QueryRequest): Promise<DirectLinkResult>;
}

/** Time, injectable for tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** One line per DirectLink exchange or recovery step; never a parameter value. */
export interface DirectLinkLogEntry {
  level: 'info' | 'warn' | 'error';
  event: 'directlink';
  page: DirectLinkPage;
  /** `sent`: one exchange; `query`, `resend`, `resolved`, `failed`: the lost-answer recovery. */
  step: 'sent' | 'query' | 'resend' | 'resolved' | 'failed';
  orderId?: string | undefined;
  payId?: string | undefined;
  payIdSub?: string | undefined;
  status?: number | undefined;
  ncError?: string | undefined;
  /** Why an answer was lost, or the error code. */
  problem?: LossReason | DirectLinkErrorCode | undefined;
  durationMs?: number | undefined;
}

/** Everything the client needs; validated by {@link createDirectLinkClient}. */
export interface DirectLinkClientOptions {
  pspid: string;
  userId: string;
  password: string;
  /** SHA-IN of "Checks for DirectLink and Batch". */
  shaIn: string;
  hashAlgorithm: HashAlgorithm;
  environment: OgoneEnvironment;
  /** `RTIMEOUT` sent to Ogone, 30–90 s. Default 30. */
  requestTimeoutSeconds?: number | undefined;
  /** This client's own timeout, above RTIMEOUT. Default RTIMEOUT + 10 s. */
  clientTimeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
  clock?: Clock | undefined;
  digest?: DigestFunction | undefined;
  log?: ((entry: DirectLinkLogEntry) => void) | undefined;
  /** More secrets to keep out of logs, errors and answers (the e-Commerce passphrases). */
  secrets?: readonly string[] | undefined;
}
