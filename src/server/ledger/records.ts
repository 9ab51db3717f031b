/** The ledger's records as the public API returns them (plain JSON-friendly objects). */
import type { Outcome } from '../../protocol/status.js';

/** Where a recorded message came from. */
export type EventSource = 'feedback' | 'return' | 'directlink' | 'query';

/** One payment attempt (one ORDERID). Amounts are two-decimal major units, exact. */
export interface PaymentRecord {
  id: string;
  /** `ogone` (the platform behind the payment). */
  provider: string;
  orderRef: string;
  orderId: string;
  payId: string;
  /** The status the platform's messages set (`null` while only the shopper's return is known). */
  status: number | null;
  statusName: string | null;
  outcome: Outcome | null;
  /** The status the shopper's return showed, never used to overrule `status`. */
  returnStatus: number | null;
  amount: string;
  currency: string;
  capturedAmount: string;
  refundedAmount: string;
  cardNumber: string | null;
  brand: string | null;
  alias: string | null;
  customerId: string | null;
  ncError: string | null;
  trxDate: string | null;
  /** Idempotency key of the message that set `status`. */
  idempotencyKey: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One verified message as received. */
export interface EventRecord {
  id: string;
  paymentId: string;
  source: EventSource;
  idempotencyKey: string;
  status: number;
  /** PAYIDSUB (0 when absent). */
  step: number;
  /**
   * `applied` (changed the state), `stale` (older than the state, kept only), `observed` (a
   * shopper's return: recorded, never applied).
   */
  disposition: 'applied' | 'stale' | 'observed';
  /** How many more times the same message arrived (redeliveries, replays). */
  duplicates: number;
  receivedAt: string;
  lastReceivedAt: string;
  /** The signed parameters (SHASIGN left out). */
  params: Record<string, string>;
}

/** One result to deliver to `onPaymentResult` (or `serve`'s webhook). */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  idempotencyKey: string;
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  /** Set when the delivery was given up after the attempt limit (dead letter). */
  deadAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** A card a shopper saved on the hosted page. */
export interface CardRecord {
  customerId: string;
  alias: string;
  cardNumber: string | null;
  brand: string | null;
  /** `MMYY` as Ogone sends it (`ED`). */
  expiry: string | null;
  createdAt: string;
  lastUsedAt: string;
  removedAt: string | null;
}

/** A payment with its events and deliveries, oldest first. */
export interface PaymentHistory {
  payment: PaymentRecord;
  events: EventRecord[];
  deliveries: DeliveryRecord[];
}
