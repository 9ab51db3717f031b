/** The PostgreSQL server driver: a `pg` pool, each transaction on one pooled connection. */
import pg from 'pg';
import type { Driver, Queryable } from './driver.js';

export interface PgDriverOptions {
  /** Largest number of connections (default 10). */
  poolSize?: number | undefined;
  /** Schema the tables live in (created when missing); default `public`. */
  schema?: string | undefined;
  /** Shown instead of the URL (credentials removed). */
  location: string;
}

// int8 (bigint) columns come back as strings; the ledger casts what it reads explicitly.
const { Pool } = pg;

/** Opens a pool; the first connection is made by the first query. */
function pool(url: string, max: number, settings: string[]): pg.Pool {
  const created = new Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...(settings.length > 0 ? { options: settings.map((s) => `-c ${s}`).join(' ') } : {}),
  });
  // An idle connection that breaks (server restart) must not crash the process: the pool drops
  // it and the next query opens a new one.
  created.on('error', () => undefined);
  return created;
}

export function openPg(url: string, options: PgDriverOptions): Driver {
  // Every connection reads and writes the ledger's schema only.
  const path = options.schema !== undefined ? [`search_path=${options.schema}`] : [];
  const main = pool(url, options.poolSize ?? 10, path);
  // The outbox's own marks need no wait for the disk: a lost one only means a redelivery.
  const background = pool(url, 2, [...path, 'synchronous_commit=off']);

  const run = async <Row>(
    target: pg.Pool | pg.PoolClient,
    text: string,
    params?: readonly unknown[],
  ): Promise<Row[]> => {
    const result = await target.query(text, params as unknown[] | undefined);
    return result.rows as Row[];
  };

  return {
    kind: 'postgres',
    location: options.location,
    query: (text, params) => run(main, text, params),
    exec: async (script) => {
      await main.query(script);
    },
    background: {
      query: (text, params) => run(background, text, params),
      exec: async (script) => {
        await background.query(script);
      },
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await main.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await fn({
          query: (text, params) => run(client, text, params),
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error; // the connection is unusable: drop it from the pool
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await Promise.all([main.end(), background.end()]);
    },
  };
}
