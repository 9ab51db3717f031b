/**
 * The databases the ledger suites run against: the embedded one (in memory) always, and a
 * PostgreSQL server when OGONE_TEST_DATABASE_URL is set — each run in its own schema, dropped
 * afterwards. Without the variable the server suites are skipped with a visible note.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openLedger, type Ledger, type LedgerOptions } from '../../src/ledger/index.js';

export const SERVER_URL = process.env['OGONE_TEST_DATABASE_URL'];

export const SKIP_SERVER = SERVER_URL
  ? false
  : 'OGONE_TEST_DATABASE_URL is not set: the PostgreSQL server suite is skipped (embedded suite ran)';

if (!SERVER_URL) {
  process.stderr.write(
    '\n⚠ OGONE_TEST_DATABASE_URL is not set: PostgreSQL server ledger tests are SKIPPED (the embedded ones run).\n\n',
  );
}

export interface Target {
  name: 'embedded' | 'postgres';
  skip: string | false;
  /** Opens a ledger on this target (a fresh schema per call on the server). */
  open(options?: LedgerOptions): Promise<Ledger>;
  /** Drops what `open` created. */
  cleanup(): Promise<void>;
}

export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Drops test schemas on the server. */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (!SERVER_URL || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export function targets(): Target[] {
  const schemas: string[] = [];
  return [
    {
      name: 'embedded',
      skip: false,
      open: (options = {}) => openLedger('pglite:memory', options),
      cleanup: async () => undefined,
    },
    {
      name: 'postgres',
      skip: SKIP_SERVER,
      open: (options = {}) => {
        const schema = options.schema ?? freshSchema();
        schemas.push(schema);
        return openLedger(SERVER_URL!, { poolSize: 4, ...options, schema });
      },
      cleanup: () => dropSchemas(schemas.splice(0)),
    },
  ];
}

/** Waits until `check` is true (polling every 10 ms), failing after `ms`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A fresh database on the test server (for child processes, which cannot be given a schema). */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = freshSchema();
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(SERVER_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
