/**
 * `Ledger`: the public read side of the payment ledger (payments, their events and deliveries,
 * saved cards, an order's state) over one driver. What the endpoint writes goes through the
 * driver, reached with `driverOf` (internal).
 */
import type { OrderStatus } from '../../contract/types.js';
import { listCards } from './cards.js';
import type { Driver } from './drivers/driver.js';
import { eventsOf } from './events.js';
import { migrate, type MigrationReport } from './migrations.js';
import { orderStatus } from './order-state.js';
import { deliveriesOf } from './outbox.js';
import { PAYMENT_COLUMNS, type PaymentRow } from './payments.js';
import {
  findPayments,
  listPayments,
  paymentRecord,
  paymentsOfOrder,
  type PaymentFilter,
} from './payments-read.js';
import type { CardRecord, PaymentHistory, PaymentRecord } from './records.js';

/** An open payment ledger (see `openLedger`). */
export interface Ledger {
  /** `pglite` (embedded) or `postgres` (a server). */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, without credentials. */
  readonly location: string;
  /** An order's payment state, as `GET <basePath>/orders/<orderRef>` answers it. */
  orderStatus(orderRef: string): Promise<OrderStatus>;
  /** Payments, most recently changed first. */
  listPayments(filter?: PaymentFilter): Promise<PaymentRecord[]>;
  /** The attempts whose orderRef or ORDERID is `reference`, oldest first. */
  findPayments(reference: string): Promise<PaymentRecord[]>;
  /** A payment with its events and deliveries, or `null` when the id is unknown. */
  paymentHistory(paymentId: string): Promise<PaymentHistory | null>;
  /** A customer's saved cards, most recently used first (removed ones when asked). */
  listCards(customerId: string, options?: { includeRemoved?: boolean }): Promise<CardRecord[]>;
  /** Applies missing migrations (done at open unless `migrate: false`). */
  migrate(): Promise<MigrationReport>;
  /** Closes the connections (the embedded database: releases its directory). */
  close(): Promise<void>;
}

export type { PaymentFilter };

const DRIVERS = new WeakMap<Ledger, Driver>();

/** The driver behind a ledger (internal: the endpoint's writes). */
export function driverOf(ledger: Ledger): Driver {
  const driver = DRIVERS.get(ledger);
  if (driver === undefined) throw new TypeError('Not a ledger from openLedger().');
  return driver;
}

/** True for a ledger from `openLedger` (option validation). */
export function isLedger(value: unknown): value is Ledger {
  return typeof value === 'object' && value !== null && DRIVERS.has(value as Ledger);
}

export function createLedger(driver: Driver, schema: string): Ledger {
  let closed: Promise<void> | undefined;
  const ledger: Ledger = {
    kind: driver.kind,
    location: driver.location,
    async orderStatus(orderRef) {
      return orderStatus(orderRef, await paymentsOfOrder(driver, orderRef));
    },
    async listPayments(filter = {}) {
      return (await listPayments(driver, filter)).map(paymentRecord);
    },
    async findPayments(reference) {
      return (await findPayments(driver, reference)).map(paymentRecord);
    },
    async paymentHistory(paymentId) {
      if (!/^\d{1,18}$/.test(paymentId)) return null;
      const rows = await driver.query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1::bigint`,
        [paymentId],
      );
      if (rows[0] === undefined) return null;
      const [events, deliveries] = [
        await eventsOf(driver, paymentId),
        await deliveriesOf(driver, paymentId),
      ];
      return { payment: paymentRecord(rows[0]), events, deliveries };
    },
    listCards: (customerId, options = {}) =>
      listCards(driver, customerId, options.includeRemoved === true),
    migrate: () => migrate(driver, schema),
    close() {
      closed ??= driver.close();
      return closed;
    },
  };
  DRIVERS.set(ledger, driver);
  return ledger;
}
