/**
 * Ledger migration 4 (Worldline Direct): the checkouts a provider started (a hosted checkout's id
 * and RETURNMAC, to verify the shopper's return against) and the webhook events taken (to answer
 * a redelivery without reading the payment again).
 */

export const MIGRATION_4 = {
  version: 4,
  name: 'worldline direct: checkouts, webhook events',
  sql: `
CREATE TABLE checkouts (
  id bigserial PRIMARY KEY,
  provider text NOT NULL,
  order_ref text NOT NULL,
  order_id text NOT NULL,
  hosted_checkout_id text,
  return_mac text,
  amount_minor bigint NOT NULL,
  currency text NOT NULL,
  customer_id text,
  save_card boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, order_id),
  UNIQUE (provider, hosted_checkout_id)
);

CREATE TABLE webhook_events (
  id bigserial PRIMARY KEY,
  provider text NOT NULL,
  event_id text NOT NULL,
  duplicate_key text NOT NULL,
  event_type text NOT NULL,
  duplicates integer NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL DEFAULT now(),
  last_received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, event_id)
);
CREATE INDEX webhook_events_duplicate ON webhook_events (provider, duplicate_key);
`,
} as const;
