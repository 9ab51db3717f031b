/**
 * Public types of `ogone-checkout/server`.
 */
import type { Ledger } from './ledger/ledger.js';
import type {
  DigestFunction,
  HashAlgorithm,
  OgoneEnvironment,
  PaymentResult,
} from '../protocol/index.js';
import type { OgoneLogger } from './log-types.js';
import type { AdminOptions } from './admin/options.js';
import type { ProviderName } from './providers/provider.js';
import type { WorldlineDirectSettings } from './providers/worldline-direct/options.js';

export type { ProviderName, WorldlineDirectSettings };

/** Hash function option; see `DigestFunction` in `ogone-checkout/protocol`. */
export type { DigestFunction };

/**
 * What the hooks learn about the incoming request. A web `Request` satisfies it (the fetch path
 * passes the real `Request`, its body already read); the Node adapter passes a light object with
 * the same `method`, `url` and `headers.get()` so it does not build a `Request` per call.
 */
export interface OgoneRequest {
  readonly method: string;
  /** Absolute URL as received. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The peer's address (Node: the socket's remote address), when the runtime knows it. */
  readonly clientAddress?: string | undefined;
}

/** The shopper's details Ogone shows and stores; every field optional. */
export interface TrustedCustomer {
  /** Card holder name (`CN`). */
  name?: string | undefined;
  /** `EMAIL`. */
  email?: string | undefined;
  /** Street address (`OWNERADDRESS`). */
  address?: string | undefined;
  /** Postcode (`OWNERZIP`). */
  zip?: string | undefined;
  /** Town (`OWNERTOWN`). */
  town?: string | undefined;
  /** ISO 3166-1 alpha-2 country (`OWNERCTY`). */
  country?: string | undefined;
  /** Phone number (`OWNERTELNO`). */
  phone?: string | undefined;
}

/**
 * The order as the merchant's own backend knows it: the only source of the amount and currency.
 * Returned by `resolveOrder`.
 */
export interface TrustedOrder {
  /** Decimal major units: `"19.99"`, `19.99` or `"20"`; at most two decimals. */
  amount: string | number;
  /** ISO 4217 code, e.g. `"EUR"`. */
  currency: string;
  /** Language tag or Ogone `LANGUAGE` (`fr`, `fr-BE`, `nl_BE`); the shopper's `language` wins. */
  language?: string | undefined;
  customer?: TrustedCustomer | undefined;
  /** Your customer id; prefixes the card alias when a card is saved. */
  customerId?: string | undefined;
  /** Whether this shopper may save the card (`saveCard: true` is refused with 422 otherwise). */
  allowSaveCard?: boolean | undefined;
}

/**
 * How a verified feedback relates to the order `resolveOrder` knows:
 * `matched` (same amount and currency), `amount-mismatch` (the money moved for another amount or
 * currency — investigate, do not ship) or `unknown-order` (`resolveOrder` returned null). For an
 * after-sale step (a feedback with `PAYIDSUB`: a partial capture or refund) the amount is the
 * step's: it matches when it is at most the order's amount, in the order's currency.
 */
export type OrderCheck = 'matched' | 'amount-mismatch' | 'unknown-order';

/**
 * What `onPaymentResult` receives for every verified server-to-server feedback: the normalised
 * {@link PaymentResult} plus how it compares with the order, and the signed parameters.
 */
export type FeedbackResult = PaymentResult & {
  orderCheck: OrderCheck;
  /** Every SHA-OUT parameter Ogone sent (upper-case names), all covered by the signature. */
  signedParams: Readonly<Record<string, string>>;
  /** With a ledger: what the ledger made of this message. Absent without a ledger. */
  ledger?: LedgerVerdict | undefined;
};

/**
 * What the ledger made of a delivered message: `applied` (it changed the payment's state) or
 * `stale` (an older message that arrived after a newer one: recorded, delivered for your books,
 * but do not let it move your order back). `paymentStatus` is the payment's status after it.
 */
export interface LedgerVerdict {
  disposition: 'applied' | 'stale';
  paymentStatus: number | null;
}

/** Returns an order (or null when unknown). May be async; a throw answers 502 `order-lookup-failed`. */
export type ResolveOrder = (
  orderRef: string,
  request: OgoneRequest,
) => TrustedOrder | null | undefined | Promise<TrustedOrder | null | undefined>;

/**
 * Receives each verified feedback. Resolve only once the result is stored. Without a ledger (and
 * with `delivery: 'sync'`) a throw answers 503 so Ogone retries; with the ledger's outbox it is
 * retried with backoff. With the outbox, `request` is the original feedback's method and URL
 * (without its query) and has no headers.
 */
export type OnPaymentResult = (
  result: FeedbackResult,
  request: OgoneRequest,
) => void | Promise<void>;

export type {
  EventLogEntry,
  OgoneLogEntry,
  OgoneLogger,
  RequestLogEntry,
  DirectLinkLogEntry,
} from './log-types.js';

/** The API user's credentials for DirectLink. Never leave the server, never logged. */
export interface DirectLinkOptions {
  /** The API user's `USERID` (2-20 characters). */
  userId: string;
  /** Its password (`PSWD`). */
  password: string;
  /**
   * SHA-IN passphrase of "Checks for DirectLink and Batch (Automatic)". Default: `shaIn`, as the
   * setup pages advise; set it when the two differ in the back office.
   */
  shaIn?: string | undefined;
  /** `RTIMEOUT`: how long Ogone may take, 30-90 s (default 30); the endpoint waits 10 s longer. */
  timeoutSeconds?: number | undefined;
  /** The `fetch` DirectLink calls go through (default: the global one); for proxies and tests. */
  fetch?: typeof fetch | undefined;
}

/** Options of {@link createOgoneHandler}; validated when the handler is created. */
export interface OgoneHandlerOptions {
  /**
   * Which platform takes the payments: `ogone` (default: the legacy hosted page, SHA-IN/OUT,
   * DirectLink) or `worldline-direct` (its successor: hosted checkout, v1HMAC API, webhooks; needs
   * `worldlineDirect` and a `ledger`). The tag, its events, the ledger and saved cards stay the same.
   */
  provider?: ProviderName | undefined;
  /** The Worldline Direct settings (Merchant Portal values), for `provider: 'worldline-direct'`. */
  worldlineDirect?: WorldlineDirectSettings | undefined;
  /** Your Ogone PSPID (merchant id). */
  pspid: string;
  /** SHA-IN passphrase (signs what is sent to Ogone). Never leaves the server. */
  shaIn: string;
  /** SHA-OUT passphrase (verifies what Ogone sends back). Never leaves the server. */
  shaOut: string;
  /** Must match the back office setting. Default `sha512`. */
  hashAlgorithm?: HashAlgorithm | undefined;
  /**
   * `test`, `prod`, or `{ baseUrl }` for white labels and the sandbox (e.g.
   * `http://127.0.0.1:5173/ncol/test`). A `{ baseUrl }` whose last path segment is `test` gets the
   * `test` passphrase rules (warn); any other gets the `prod` rules (refuse to start).
   */
  environment: OgoneEnvironment;
  /** A `USERID` sent signed on the hosted page when set (for the API user, see `directLink`). */
  userId?: string | undefined;
  /**
   * The API user ("Special user for API") for DirectLink: paying with saved cards, capture,
   * cancel, refund and status queries. Without it those features are off.
   */
  directLink?: DirectLinkOptions | undefined;
  /** Where the routes live. Default `/ogone`. */
  basePath?: string | undefined;
  /** Origins (`https://shop.example`) the shopper may be sent back to. At least one. */
  allowedReturnOrigins: readonly string[];
  resolveOrder: ResolveOrder;
  onPaymentResult: OnPaymentResult;
  /**
   * Text Ogone shows the shopper when a card is saved (`ALIASUSAGE`): one text, or texts by
   * language code (`{ en: '…', fr: '…' }`, the shopper's language first, then `en`). Default:
   * built-in texts in en, fr, nl, de, it and es.
   */
  aliasUsage?: string | Readonly<Record<string, string>> | undefined;
  /** `SAL` (sale, default) or `RES` (authorisation only). */
  operation?: 'SAL' | 'RES' | undefined;
  /** Answer CORS (and preflight) for `allowedReturnOrigins` on `/sign` and `/verify`. Default false. */
  cors?: boolean | undefined;
  /** Structured logs. Default: warnings and errors to the console, requests not logged. */
  logger?: OgoneLogger | false | undefined;
  /** Hash function. Default: `node:crypto` where available (Node, Bun, Deno), else WebCrypto. */
  digest?: DigestFunction | undefined;
  /**
   * The payment ledger (`openLedger` from `ogone-checkout/ledger`). With it every verified
   * feedback is recorded once, in one transaction, before Ogone gets its 200; `onPaymentResult`
   * is fed from the ledger's outbox; `GET <basePath>/orders/<orderRef>` answers. Without it, the
   * endpoint keeps no record (each feedback goes straight to `onPaymentResult`).
   */
  ledger?: Ledger | undefined;
  /**
   * With a ledger: `outbox` (default) answers Ogone 200 once the result is recorded and delivers
   * it in the background; `sync` answers 200 only once `onPaymentResult` accepted it (503
   * otherwise, and the outbox keeps retrying).
   */
  delivery?: 'outbox' | 'sync' | undefined;
  /** How the outbox retries deliveries (with a ledger). */
  outbox?: OutboxOptions | undefined;
  /**
   * Oldest shopper's return `/verify` shows, in days from its `TRXDATE` (default 7; `false`: no
   * limit). An older one answers 410 `result-expired`.
   */
  maxReturnAgeDays?: number | false | undefined;
  /**
   * The payments page for the shop's staff at `<basePath>/admin` (needs a ledger): sign in with
   * `token`. Off without it.
   */
  admin?: AdminOptions | undefined;
}

/** Retry settings of the outbox worker. */
export interface OutboxOptions {
  /** Attempts before a delivery is given up (dead letter, logged). Default 25. */
  maxAttempts?: number | undefined;
  /** First retry delay; doubles each attempt (with ±20% jitter). Default 1000 ms. */
  retryBaseMs?: number | undefined;
  /** Longest retry delay. Default 3 600 000 ms (1 h). */
  retryMaxMs?: number | undefined;
  /** How often the worker looks for due deliveries (also those of other instances). Default 1000 ms. */
  pollIntervalMs?: number | undefined;
  /** How long a claimed delivery may take before another worker may retry it. Default 60 000 ms. */
  leaseMs?: number | undefined;
  /** Deliveries in flight at once (different payments). Default 8. */
  concurrency?: number | undefined;
  /** Run a delivery worker in this process (default true; false: enqueue only). */
  worker?: boolean | undefined;
}
