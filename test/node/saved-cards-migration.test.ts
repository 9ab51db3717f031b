/**
 * Ledger migration 2 on a ledger that already holds cards (version 1): every card gets its own
 * opaque id and is listed by `/cards`, payments and events stay as they were. PostgreSQL server
 * (the embedded database starts empty in memory, so it only ever sees the latest schema).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openLedger } from '../../src/ledger/index.js';
import { customerCards } from '../../src/server/ledger/customer-cards.js';
import { driverOf } from '../../src/server/ledger/ledger.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/server/ledger/migrations.js';
import { dropSchemas, freshSchema, SERVER_URL, SKIP_SERVER } from '../helpers/ledger-targets.js';

describe('ledger migration 2 (saved-card payments)', { skip: SKIP_SERVER }, () => {
  const schema = freshSchema();
  after(() => dropSchemas([schema]));

  it('gives the cards of a version-1 ledger distinct public ids; they are listed afterwards', async () => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      await client.query(MIGRATIONS[0]!.sql);
      await client.query(`CREATE TABLE ledger_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      await client.query(`INSERT INTO ledger_migrations (version, name) VALUES (1, 'v1')`);
      for (const alias of ['C1-A', 'C1-B']) {
        await client.query(
          `INSERT INTO cards (provider, customer_id, alias, card_number, brand, expiry)
           VALUES ('ogone', 'C1', $1, 'XXXXXXXXXXXX1111', 'VISA', '1230')`,
          [alias],
        );
      }
    } finally {
      await client.end();
    }
    const ledger = await openLedger(SERVER_URL!, { schema });
    try {
      const report = await ledger.migrate();
      assert.equal(report.version, LATEST_VERSION);
      const cards = await customerCards(driverOf(ledger), 'C1');
      assert.equal(cards.length, 2);
      assert.match(cards[0]!.publicId, /^[0-9a-f]{32}$/);
      assert.notEqual(cards[0]!.publicId, cards[1]!.publicId);
      const rows = await driverOf(ledger).query<{ in_flight: boolean }>(
        `INSERT INTO payments (provider, order_ref, order_id, amount_minor, currency)
         VALUES ('ogone', 'R', 'R-1', 100, 'EUR') RETURNING in_flight`,
      );
      assert.equal(rows[0]!.in_flight, false, 'hosted-page payments are never "on their way"');
    } finally {
      await ledger.close();
    }
  });
});
