/**
 * The ledger's schema as versioned SQL migrations, applied at open in one transaction that holds
 * an advisory lock: two processes opening one database at once apply each migration once.
 * Append new migrations; never edit an applied one.
 */
import type { Driver, Queryable } from './drivers/driver.js';
import { MIGRATION_2 } from './migration-2-saved-card-payments.js';
import { MIGRATION_3 } from './migration-3-operations.js';
import { MIGRATION_4 } from './migration-4-worldline.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'payments, events, cards, outbox',
    sql: `
CREATE TABLE payments (
  id bigserial PRIMARY KEY,
  provider text NOT NULL,
  order_ref text NOT NULL,
  order_id text NOT NULL,
  pay_id text NOT NULL DEFAULT '',
  status integer,
  outcome text,
  last_status integer,
  state_step integer NOT NULL DEFAULT 0,
  settled_status integer,
  settled_key text,
  state_key text,
  return_status integer,
  return_key text,
  amount_minor bigint NOT NULL,
  currency text NOT NULL,
  captured_minor bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  card_number text,
  brand text,
  alias text,
  customer_id text,
  nc_error text,
  trx_date text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, order_id)
);
CREATE INDEX payments_order_ref ON payments (order_ref);
CREATE INDEX payments_updated_at ON payments (updated_at);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  payment_id bigint NOT NULL REFERENCES payments (id),
  source text NOT NULL CHECK (source IN ('feedback', 'return', 'directlink', 'query')),
  channel text NOT NULL CHECK (channel IN ('platform', 'shopper')),
  idempotency_key text NOT NULL,
  status integer NOT NULL,
  step integer NOT NULL DEFAULT 0,
  params jsonb NOT NULL,
  disposition text NOT NULL CHECK (disposition IN ('applied', 'stale', 'observed')),
  duplicates integer NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL DEFAULT now(),
  last_received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (idempotency_key, channel)
);
CREATE INDEX events_payment ON events (payment_id, id);

CREATE TABLE cards (
  id bigserial PRIMARY KEY,
  provider text NOT NULL,
  customer_id text NOT NULL,
  alias text NOT NULL,
  card_number text,
  brand text,
  expiry text,
  payment_id bigint REFERENCES payments (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  UNIQUE (customer_id, alias)
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  payment_id bigint NOT NULL REFERENCES payments (id),
  event_id bigint NOT NULL UNIQUE REFERENCES events (id),
  idempotency_key text NOT NULL,
  payload jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  delivered_at timestamptz,
  dead_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_pending_payment ON outbox (payment_id, id)
  WHERE delivered_at IS NULL AND dead_at IS NULL;
`,
  },
  MIGRATION_2,
  MIGRATION_3,
  MIGRATION_4,
];

/** The newest schema version this code knows. */
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

/** A stable advisory-lock key per schema (PostgreSQL's `hashtext`). */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('ogone-checkout-ledger:' || $1))`;

async function appliedVersion(tx: Queryable): Promise<number> {
  await tx.query(`CREATE TABLE IF NOT EXISTS ledger_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await tx.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM ledger_migrations',
  );
  return rows[0]?.version ?? 0;
}

/** What `migrate` did. */
export interface MigrationReport {
  /** Versions applied now (empty when the schema was current). */
  applied: number[];
  version: number;
}

/**
 * Applies the missing migrations. Refuses a database whose schema is newer than this code (an
 * older package version must not write to it).
 */
export async function migrate(driver: Driver, schema: string): Promise<MigrationReport> {
  return driver.transaction(async (tx) => {
    await tx.query(LOCK, [schema]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await tx.query(`SET LOCAL search_path TO "${schema}"`);
    const current = await appliedVersion(tx);
    if (current > LATEST_VERSION) {
      throw new Error(
        `the ledger's schema is version ${current}, newer than this ogone-checkout (${LATEST_VERSION}); upgrade the package`,
      );
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO ledger_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    // A read-only server or a user without write rights fails here, at open, not mid-request.
    await tx.query('UPDATE ledger_migrations SET name = name WHERE false');
    return { applied, version: Math.max(current, ...applied) };
  });
}
