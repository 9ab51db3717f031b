/**
 * What the operations run on: the ledger's driver, the API user's client, a clock and the outbox
 * worker to wake; and the checks that they exist (typed errors, before anything is sent).
 */
import type { DirectLinkClient } from '../directlink/types.js';
import type { Driver } from '../ledger/drivers/driver.js';
import { findPayments } from '../ledger/payments-read.js';
import type { PaymentRow } from '../ledger/payments.js';
import { OgoneOperationError } from './errors.js';

export interface OperationsContext {
  driver: Driver | undefined;
  directLink: DirectLinkClient | undefined;
  /** Milliseconds since the epoch (injectable for tests). */
  now(): number;
  /** Tells the outbox worker a delivery is waiting (no-op without one in this process). */
  wake(): void;
  /** An operation `sent` longer than this lost its sender: it is resolved by a query. */
  inFlightMs: number;
  /** How long an operation waits for another one on the same payment to get its answer. */
  waitMs: number;
}

export function requireLedger(ctx: OperationsContext): Driver {
  if (ctx.driver === undefined) {
    throw new OgoneOperationError(
      'ledger-missing',
      'After-sale operations need the payment ledger (the ledger option, openLedger()).',
    );
  }
  return ctx.driver;
}

export function requireApiUser(ctx: OperationsContext): DirectLinkClient {
  if (ctx.directLink === undefined) {
    throw new OgoneOperationError(
      'api-user-missing',
      'After-sale operations need the API user (the directLink option; OGONE_USERID and OGONE_PASSWORD for serve and the CLI).',
    );
  }
  return ctx.directLink;
}

/** Stages where a payment attempt reserved or moved money, or may still do so. */
function counts(row: PaymentRow): boolean {
  return row.settled_status !== null || (row.status !== null && row.status !== 0 && row.status > 2);
}

/**
 * The payment an `orderRef` or ORDERID designates: the ORDERID itself, else the order's one
 * attempt that was authorised, paid or is pending (refused attempts do not count).
 */
export async function findTarget(driver: Driver, reference: string): Promise<PaymentRow> {
  if (typeof reference !== 'string' || reference === '' || reference.length > 200) {
    throw new OgoneOperationError('payment-not-found', 'Give an orderRef or an ORDERID.');
  }
  const rows = await findPayments(driver, reference);
  const exact = rows.find((row) => row.order_id === reference);
  if (exact !== undefined) return exact;
  if (rows.length === 0) {
    throw new OgoneOperationError(
      'payment-not-found',
      `The ledger has no payment for ${JSON.stringify(reference.slice(0, 60))}.`,
    );
  }
  const live = rows.filter(counts);
  if (live.length > 1) {
    throw new OgoneOperationError(
      'ambiguous-order',
      `Order ${JSON.stringify(reference.slice(0, 60))} has ${live.length} payments (${live
        .map((row) => row.order_id)
        .join(', ')}); give the ORDERID.`,
    );
  }
  return live[0] ?? rows.at(-1)!;
}
