/** The embedded driver: PostgreSQL compiled to WebAssembly (`@electric-sql/pglite`), one connection. */
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { Driver, Queryable } from './driver.js';
import { lockDirectory } from './dir-lock.js';

export interface PgliteDriverOptions {
  /** Schema the tables live in (created when missing); default `public`. */
  schema?: string | undefined;
}

/** Opens (creating when missing) a data directory, or an in-memory database for `dir` = `null`. */
export async function openPglite(
  dir: string | null,
  options: PgliteDriverOptions = {},
): Promise<Driver> {
  let release: (() => void) | undefined;
  if (dir !== null) {
    mkdirSync(dir, { recursive: true });
    release = lockDirectory(dir);
  }
  let db: PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    db = await PGlite.create(dir ?? 'memory://');
    if (options.schema !== undefined) {
      await db.exec(
        `CREATE SCHEMA IF NOT EXISTS "${options.schema}"; SET search_path TO "${options.schema}"`,
      );
    }
  } catch (error) {
    release?.();
    throw error;
  }
  const run = async <Row>(
    target: Pick<PGlite, 'query'>,
    text: string,
    params?: readonly unknown[],
  ): Promise<Row[]> => (await target.query<Row>(text, params as unknown[] | undefined)).rows;

  const self: Queryable = {
    query: (text, params) => run(db, text, params),
    exec: async (script) => {
      await db.exec(script);
    },
  };
  return {
    kind: 'pglite',
    background: self,
    location: dir === null ? 'pglite:memory' : `pglite:${dir}`,
    query: (text, params) => run(db, text, params),
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction((tx) =>
        fn({
          query: (text, params) => run(tx, text, params),
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    async close() {
      try {
        await db.close();
      } finally {
        release?.();
      }
    },
  };
}
