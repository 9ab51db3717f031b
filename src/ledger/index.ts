/**
 * `ogone-checkout/ledger`: the durable payment ledger the endpoint records every verified result
 * in — embedded PostgreSQL (a directory) by default, a PostgreSQL server at scale.
 * @packageDocumentation
 */
export { openLedger, type LedgerOptions } from '../server/ledger/open.js';
export type { Ledger, PaymentFilter } from '../server/ledger/ledger.js';
export { OgoneLedgerError } from '../server/ledger/ledger-error.js';
export type { MigrationReport } from '../server/ledger/migrations.js';
export type {
  CardRecord,
  DeliveryRecord,
  EventRecord,
  EventSource,
  PaymentHistory,
  PaymentRecord,
} from '../server/ledger/records.js';
export type { OrderStatus, PaymentResult } from '../contract/types.js';
