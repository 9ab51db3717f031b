/**
 * The Worldline Direct client's types: what each call is asked (in this package's terms: amounts
 * as our × 100 strings, Ogone operations and languages) and what comes back (read views that keep
 * the raw answer beside the fields the provider needs).
 */
import type { HostedCheckoutState, WorldlineStatus } from '../../../protocol/worldline/status.js';
import type { WorldlineErrorCode } from './errors.js';

/** An amount: our minor units (Ogone `AMOUNT`, × 100 for every currency) and its ISO currency. */
export interface Money {
  minor: string;
  currency: string;
}

/** OAS `authorizationMode`. */
export type AuthorizationMode = 'SALE' | 'FINAL_AUTHORIZATION' | 'PRE_AUTHORIZATION';

/** Whether the hosted page may keep the card (OAS `tokenizationMode`, by its meaning). */
export type SaveCard = 'never' | 'ask' | 'always';

/** Time, injectable for tests (the same shape as the DirectLink client's). */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Per call: the idempotence key to send (creating calls; generated when absent), a timeout. */
export interface CallOptions {
  /** At most 40 printable ASCII characters; reuse it to resend the same operation, never another. */
  idempotenceKey?: string | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** What every creating call hands back beside its result. */
export interface Idempotence {
  key: string;
  /** `X-GCS-Idempotence-Request-Timestamp` (ms): set when this answer replays an earlier request. */
  replayedFrom: number | undefined;
}

/** The shopper, as far as the platform needs it (a token is created only with a customer block). */
export interface CustomerInput {
  merchantCustomerId?: string | undefined;
  email?: string | undefined;
  /** ISO 3166-1 alpha-2. */
  countryCode?: string | undefined;
}

/** `POST hostedcheckouts`. */
export interface HostedCheckoutInput {
  amount: Money;
  /** At most 30 characters (OAS says 40, Odoo truncates at 30: the safe reading, Gap 7). */
  merchantReference: string;
  /** Absolute http(s), at most 200 characters; `hostedCheckoutId` and `RETURNMAC` are appended. */
  returnUrl: string;
  authorizationMode: AuthorizationMode;
  /** Ogone `LANGUAGE` or a BCP 47 tag (`fr_BE`, `fr-BE`); sent as `locale` (e.g. `fr_BE`). */
  language?: string | undefined;
  /** Worldline creates a token only with a customer block (Odoo): pass `customer` with it. */
  saveCard?: SaveCard | undefined;
  /** The customer's saved tokens (or legacy Ogone aliases) to offer on the page. */
  tokens?: readonly string[] | undefined;
  customer?: CustomerInput | undefined;
  /** Per-payment webhook URL (`feedbacks.webhooksUrls`). */
  webhookUrl?: string | undefined;
  /** 1-1440 minutes (platform default 180). */
  sessionTimeoutMinutes?: number | undefined;
  /** Template file name, e.g. `my-template.html`. */
  variant?: string | undefined;
  /** Echoed back in GET calls and webhooks (at most 1000 characters). */
  merchantParameters?: string | undefined;
}

export interface HostedCheckoutCreated {
  hostedCheckoutId: string;
  /** Store it: the return carries it and must match (constant-time) before anything is read. */
  returnMac: string;
  /** Where the shopper goes (`GET`). */
  redirectUrl: string;
  /** Tokens the platform could not use any more: remove them (OAS `invalidTokens`). */
  invalidTokens: string[];
  idempotence: Idempotence;
}

/** The card as the platform shows it: masked, never the full number. */
export interface CardView {
  /** e.g. `************4242`. */
  number: string | undefined;
  /** `MMYY`. */
  expiryDate: string | undefined;
  bin: string | undefined;
  paymentProductId: number | undefined;
}

/** A payment (OAS `paymentResponse`) read. */
export interface PaymentView {
  /** e.g. `3254564310_0`: opaque; store it beside the hosted checkout id. */
  id: string;
  status: WorldlineStatus;
  amount: Money | undefined;
  merchantReference: string | undefined;
  card: CardView | undefined;
  /** `cardPaymentMethodSpecificOutput.token`: the saved card, or the token paid with. */
  token: string | undefined;
  isCancellable: boolean | undefined;
  isRefundable: boolean | undefined;
  isAuthorized: boolean | undefined;
  hostedCheckoutId: string | undefined;
  raw: Readonly<Record<string, unknown>>;
}

/** One entry of a payment's `Operations` (its authorisation, captures, cancellations, refunds). */
export interface PaymentOperationView {
  /** e.g. `3254564310_1`. */
  id: string;
  status: WorldlineStatus;
  amount: Money | undefined;
}

/** `GET payments/{id}/details`. */
export interface PaymentDetailsView {
  payment: PaymentView;
  /** `undefined` when the answer carries no `Operations` list. */
  operations: PaymentOperationView[] | undefined;
}

export interface HostedCheckoutView {
  state: HostedCheckoutState;
  /** As sent (`PAYMENT_CREATED`, …). */
  status: string;
  /** `createdPaymentOutput.paymentStatusCategory`: `SUCCESSFUL`, `REJECTED`, `STATUS_UNKNOWN`. */
  paymentStatusCategory: string | undefined;
  payment: PaymentView | undefined;
  raw: Readonly<Record<string, unknown>>;
}

/** `POST payments` with a saved card, server to server. */
export interface TokenPaymentInput {
  amount: Money;
  merchantReference: string;
  /** A Worldline token, or a legacy Ogone alias used verbatim (at most 50 characters). */
  token: string;
  authorizationMode: AuthorizationMode;
  /**
   * `merchant`: the shopper is away (MIT, `merchantInitiated` + `subsequent`). `customer`: the
   * shopper is at the keyboard (CIT): 3-D Secure may be asked, with a redirect to `returnUrl`.
   */
  initiator: 'merchant' | 'customer';
  /** Required for `customer`: where the shopper lands after 3-D Secure. */
  returnUrl?: string | undefined;
  language?: string | undefined;
  customer?: CustomerInput | undefined;
}

export type TokenPaymentResult =
  | { kind: 'done'; payment: PaymentView; idempotence: Idempotence }
  | {
      kind: 'redirect';
      payment: PaymentView | undefined;
      /** `merchantAction.redirectData.redirectURL`: send the shopper there (3-D Secure). */
      redirectUrl: string;
      returnMac: string | undefined;
      idempotence: Idempotence;
    }
  | {
      kind: 'declined';
      payment: PaymentView | undefined;
      errorId: string | undefined;
      errorIds: string[];
      idempotence: Idempotence;
    };

export interface CaptureInput {
  /** Absent: the full amount, and the capture is final. */
  amount?: Money | undefined;
  /** Close the payment for further captures (default false). */
  isFinal?: boolean | undefined;
  reference?: string | undefined;
}

export interface CancelInput {
  /** Absent: the whole authorisation. */
  amount?: Money | undefined;
  isFinal?: boolean | undefined;
}

export interface RefundInput {
  amount: Money;
  /** At most 100 characters. */
  reason?: string | undefined;
  reference?: string | undefined;
}

/** A capture or a refund (its own id, e.g. `3254564310_1`). */
export interface OperationView {
  id: string;
  status: WorldlineStatus;
  amount: Money | undefined;
  raw: Readonly<Record<string, unknown>>;
  idempotence: Idempotence;
}

export interface CancelView {
  payment: PaymentView | undefined;
  raw: Readonly<Record<string, unknown>>;
  idempotence: Idempotence;
}

export interface TokenView {
  id: string;
  paymentProductId: number | undefined;
  /** e.g. `483247XXXXXX0249`. */
  cardAlias: string | undefined;
  expiryDate: string | undefined;
  isTemporary: boolean | undefined;
  raw: Readonly<Record<string, unknown>>;
}

/** One line per call; ids, codes and timings only. */
export interface WorldlineLogEntry {
  level: 'info' | 'warn' | 'error';
  event: 'worldline-direct';
  operation: string;
  method: string;
  /** The path without the base URL, e.g. `/v2/PSPID/payments/123_0/capture`. */
  path: string;
  httpStatus?: number | undefined;
  durationMs: number;
  code?: WorldlineErrorCode | undefined;
  errorId?: string | undefined;
  idempotenceKey?: string | undefined;
  replayed?: boolean | undefined;
}
