/**
 * `openLedger`: from a URL to an open, migrated ledger. A directory or `pglite:<dir>` is the
 * embedded database, `pglite:memory` an in-memory one (tests), `postgres://…` a server.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { redactor, urlPassword } from '../../internal/redact.js';
import { describeError } from '../config/logger.js';
import type { Driver } from './drivers/driver.js';
import { openPg } from './drivers/pg.js';
import { openPglite } from './drivers/pglite.js';
import { createLedger, type Ledger } from './ledger.js';
import { OgoneLedgerError } from './ledger-error.js';
import { migrate } from './migrations.js';

/** Options of {@link openLedger}. */
export interface LedgerOptions {
  /** Connections to a PostgreSQL server (default 10); ignored by the embedded database. */
  poolSize?: number | undefined;
  /** Schema of the ledger's tables, created when missing (default `public`). */
  schema?: string | undefined;
  /** Apply missing migrations at open (default true); false fails on an outdated schema. */
  migrate?: boolean | undefined;
}

/** What a ledger URL designates. */
export type LedgerTarget =
  { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string; location: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The target of a URL; throws `invalid-url` for anything else. Pure. */
export function parseLedgerUrl(url: string): LedgerTarget {
  if (typeof url !== 'string' || url.trim() === '' || url.length > 4096 || /[\0\r\n]/.test(url)) {
    throw new OgoneLedgerError(
      'invalid-url',
      'The ledger URL must be a directory, pglite:<dir>, pglite:memory or postgres://…',
    );
  }
  if (url === 'pglite:memory' || url === 'memory://') return { kind: 'pglite', dir: null };
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '');
    if (dir === '')
      throw new OgoneLedgerError(
        'invalid-url',
        'pglite: needs a directory, like pglite:./data/ledger.',
      );
    return { kind: 'pglite', dir: resolve(dir) };
  }
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new OgoneLedgerError(
        'invalid-url',
        'The PostgreSQL URL cannot be parsed (postgres://user:password@host:5432/database).',
      );
    }
    const user = parsed.username === '' ? '' : `${parsed.username}@`;
    return {
      kind: 'postgres',
      url,
      location: `postgres://${user}${parsed.host}${parsed.pathname}`,
    };
  }
  // A single letter is a Windows drive (C:\ledger), not a scheme.
  if (scheme !== undefined && scheme.length > 1) {
    throw new OgoneLedgerError(
      'invalid-url',
      `Unsupported ledger URL scheme "${scheme.slice(0, 20)}:"; use a directory, pglite:<dir> or postgres://…`,
    );
  }
  return { kind: 'pglite', dir: resolve(url) };
}

/** Where a URL points, without credentials (for logs). Never throws. */
export function describeLedgerUrl(url: string): string {
  try {
    const target = parseLedgerUrl(url);
    if (target.kind === 'postgres') return target.location;
    return target.dir === null ? 'pglite:memory' : `pglite:${target.dir}`;
  } catch {
    return '(invalid ledger URL)';
  }
}

function checkOptions(options: LedgerOptions): string {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new OgoneLedgerError(
      'invalid-option',
      'schema must be lower-case letters, digits and _ (at most 63).',
    );
  }
  const size = options.poolSize;
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 1000)) {
    throw new OgoneLedgerError('invalid-option', 'poolSize must be an integer from 1 to 1000.');
  }
  return schema;
}

/**
 * Opens the ledger at `url` and brings its schema up to date. Throws {@link OgoneLedgerError}
 * when the URL is wrong or the database unreachable, read-only, in use (an embedded directory
 * serves one process) or newer than this package.
 */
export async function openLedger(url: string, options: LedgerOptions = {}): Promise<Ledger> {
  const schema = checkOptions(options);
  const target = parseLedgerUrl(url);
  const scrub = redactor([target.kind === 'postgres' ? urlPassword(target.url) : undefined]);
  const where = target.kind === 'postgres' ? target.location : describeLedgerUrl(url);
  if (
    options.migrate === false &&
    target.kind === 'pglite' &&
    target.dir !== null &&
    !existsSync(target.dir)
  ) {
    throw new OgoneLedgerError(
      'open-failed',
      `No ledger at ${where} (the directory does not exist).`,
    );
  }
  let driver: Driver | undefined;
  try {
    driver =
      target.kind === 'postgres'
        ? openPg(target.url, { poolSize: options.poolSize, schema, location: target.location })
        : await openPglite(target.dir, { schema });
    if (options.migrate === false) await checkCurrent(driver);
    else await migrate(driver, schema);
  } catch (error) {
    await driver?.close().catch(() => undefined);
    if (error instanceof OgoneLedgerError) throw error;
    throw new OgoneLedgerError(
      'open-failed',
      `Cannot open the ledger at ${where}: ${scrub(describeError(error))}`,
    );
  }
  return createLedger(driver, schema);
}

async function checkCurrent(driver: Driver): Promise<void> {
  const { LATEST_VERSION } = await import('./migrations.js');
  const rows = await driver.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM ledger_migrations',
  );
  const version = rows[0]?.version ?? 0;
  if (version !== LATEST_VERSION) {
    throw new Error(
      `the ledger's schema is version ${version}, this package needs ${LATEST_VERSION}; run "ogone-checkout ledger migrate"`,
    );
  }
}
