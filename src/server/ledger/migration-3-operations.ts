/**
 * Ledger migration 3: after-sale operations (capture, cancel, refund) under their idempotency key,
 * at most one in flight per payment, and the reconciliation schedule of payments left pending.
 */

export const MIGRATION_3 = {
  version: 3,
  name: 'operations, reconciliation',
  sql: `
CREATE TABLE operations (
  id bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  payment_id bigint NOT NULL REFERENCES payments (id),
  kind text NOT NULL CHECK (kind IN ('capture', 'cancel', 'refund')),
  operation text NOT NULL CHECK (operation IN ('SAL', 'SAS', 'DES', 'RFD', 'RFS')),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  final boolean NOT NULL,
  state text NOT NULL
    CHECK (state IN ('sent', 'pending', 'done', 'refused', 'uncertain', 'failed')),
  step integer NOT NULL,
  status integer,
  nc_error text,
  answer jsonb,
  problem text,
  sends integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  answered_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operations_payment ON operations (payment_id, id);
CREATE UNIQUE INDEX operations_one_in_flight ON operations (payment_id) WHERE state = 'sent';
CREATE INDEX operations_unresolved ON operations (state) WHERE state IN ('sent', 'uncertain');

CREATE TABLE reconciliation (
  payment_id bigint PRIMARY KEY REFERENCES payments (id),
  attempts integer NOT NULL DEFAULT 0,
  last_query_at timestamptz,
  next_query_at timestamptz,
  claimed_until timestamptz,
  flagged_at timestamptz,
  last_problem text
);
CREATE INDEX reconciliation_due ON reconciliation (next_query_at) WHERE flagged_at IS NULL;
CREATE INDEX payments_unsettled ON payments (updated_at)
  WHERE status IN (4, 40, 41, 46, 50, 51, 52, 55, 56, 59, 99, 61, 62, 71, 72, 81, 82, 91, 92);
`,
} as const;
