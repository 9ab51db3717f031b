/** Public types of the after-sale operations (`createOgoneOperations`, `handler.operations`). */
import type { PaymentRecord } from '../ledger/records.js';
import type { AfterSaleOperation, OperationKind } from './rules.js';

export type { AfterSaleOperation, OperationKind };

/** Options of `capture` and `refund`. */
export interface AmountOptions {
  /**
   * Minor units, a whole number: `500` is 5.00 EUR. Default: everything left (all that is
   * authorised and not captured, or captured and not refunded).
   */
  amount?: number | undefined;
  /**
   * The last capture (SAS) or refund (RFS): nothing more can follow. Default: true when the
   * amount is everything left, else false (SAL / RFD, more may follow).
   */
  final?: boolean | undefined;
  /**
   * Idempotency key (1-100 visible characters); generated when absent. The same key again
   * returns the first result and sends nothing.
   */
  key?: string | undefined;
}

/** Options of `cancel`. */
export interface CancelOptions {
  key?: string | undefined;
}

/**
 * How far an operation got: `pending` (Ogone accepted it and processes it offline: 91, 61, 81,
 * 71 — the final status comes by feedback or a status query) or `done` (9, 6, 8, 7 reached).
 */
export type OperationState = 'pending' | 'done';

/** What an accepted capture, cancel or refund returns. */
export interface OperationResult {
  /** The idempotency key (given or generated). */
  key: string;
  kind: OperationKind;
  /** What was sent: SAL / SAS (capture), DES (cancel), RFD / RFS (refund). */
  operation: AfterSaleOperation;
  /** Minor units (`500` = 5.00). */
  amount: number;
  currency: string;
  final: boolean;
  state: OperationState;
  /** Ogone's STATUS of this step (91 pending capture, 9 captured, …) and its name. */
  status: number;
  statusName: string;
  /** PAYIDSUB: this operation's step in the payment's history. */
  step: number;
  /** True when this key was used before: the recorded result, nothing sent now. */
  replayed: boolean;
  /** The payment after the operation. */
  payment: PaymentRecord;
}

/** One operation as recorded (for a payment's detail page). */
export interface OperationRecord {
  key: string;
  kind: OperationKind;
  operation: AfterSaleOperation;
  amount: number;
  final: boolean;
  /**
   * `sent` (no answer yet), `pending`, `done`, `refused` (by Ogone), `uncertain` (answer lost,
   * being resolved by status queries) or `failed` (nothing was applied; the key may be retried).
   */
  state: 'sent' | 'pending' | 'done' | 'refused' | 'uncertain' | 'failed';
  step: number;
  status: number | null;
  ncError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What `status()` returns. */
export interface StatusResult {
  payment: PaymentRecord;
  /** False when the payment was queried less than 30 s ago (Ogone's limit): nothing was asked. */
  queried: boolean;
  /** The STATUS Ogone answered (`null` when not queried, or unknown to Ogone). */
  answeredStatus: number | null;
  /** What the ledger made of the answer; `null` when not queried. */
  disposition: 'applied' | 'stale' | 'duplicate' | null;
  operations: OperationRecord[];
}

/** Options of `reconcile()`. */
export interface ReconcileOptions {
  /** Age (ms since the payment last changed) before a pending payment is queried. Default 10 min. */
  olderThan?: number | undefined;
  /** Most payments queried in one run. Default 20. */
  limit?: number | undefined;
  /** List what would be queried; query nothing, change nothing. */
  dryRun?: boolean | undefined;
}

/** One payment reconciled (or, in a dry run, due). */
export interface ReconciledPayment {
  paymentId: string;
  orderRef: string;
  orderId: string;
  statusBefore: number | null;
  statusAfter: number | null;
  /** The payment is final now (no further query planned). */
  resolved: boolean;
  /** Queries made so far by reconciliation. */
  attempts: number;
  /** When the next query is due (ISO), `null` when resolved or flagged. */
  nextQueryAt: string | null;
  /** Given up after the last back-off step: a person must look at it. */
  flagged: boolean;
  /** Why the last query gave nothing (a DirectLink error code), if it did. */
  problem?: string | undefined;
}

export interface ReconcileReport {
  dryRun: boolean;
  payments: ReconciledPayment[];
}

/** The after-sale operations, bound to one endpoint configuration and its ledger. */
export interface OgoneOperations {
  /** Captures (SAL partial, SAS last) part or all of an authorisation. */
  capture(reference: string, options?: AmountOptions): Promise<OperationResult>;
  /** Cancels an authorisation nothing was captured from (DES). */
  cancel(reference: string, options?: CancelOptions): Promise<OperationResult>;
  /** Refunds part or all of what was captured (RFD partial, RFS last). */
  refund(reference: string, options?: AmountOptions): Promise<OperationResult>;
  /** Asks Ogone the payment's status (querydirect) and records the answer. */
  status(reference: string): Promise<StatusResult>;
  /** Queries payments left pending or uncertain, with back-off; see {@link ReconcileOptions}. */
  reconcile(options?: ReconcileOptions): Promise<ReconcileReport>;
  /** The operations recorded for a payment (ledger id), oldest first. */
  operationsOf(paymentId: string): Promise<OperationRecord[]>;
}
