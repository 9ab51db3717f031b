/**
 * Ledger migration 2: saved-card payments. Cards get an opaque public id (what the browser sees,
 * never the alias), payments remember whether `/pay` started them (DirectLink), with which card
 * and whether the call is still on its way (one at a time per order), and 3-D Secure challenges
 * wait in `challenges` until served once.
 */

export const MIGRATION_2 = {
  version: 2,
  name: 'saved-card payments and 3-D Secure challenges',
  sql: `
ALTER TABLE cards ADD COLUMN public_id text NOT NULL
  DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX cards_public_id ON cards (public_id);

ALTER TABLE payments ADD COLUMN started_by text
  CHECK (started_by IS NULL OR started_by IN ('hosted-page', 'directlink'));
ALTER TABLE payments ADD COLUMN card_id bigint REFERENCES cards (id);
ALTER TABLE payments ADD COLUMN in_flight boolean NOT NULL DEFAULT false;
-- One saved-card payment of an order on its way at a time (a double click does not pay twice).
CREATE UNIQUE INDEX payments_one_in_flight ON payments (order_ref)
  WHERE in_flight AND status IS NULL;

CREATE TABLE challenges (
  id text PRIMARY KEY,
  payment_id bigint NOT NULL REFERENCES payments (id),
  html text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX challenges_expires_at ON challenges (expires_at);
`,
} as const;
