/** Which ledger a command opens: `--database <url>`, else `OGONE_DATABASE_URL`, else serve's default. */
import { openLedger } from '../server/ledger/open.js';
import type { Ledger } from '../server/ledger/ledger.js';
import { DEFAULT_DATABASE_URL } from '../server/serve/ledger-env.js';

export function databaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env['OGONE_DATABASE_URL']?.trim();
  return flag ?? (fromEnv === undefined || fromEnv === '' ? DEFAULT_DATABASE_URL : fromEnv);
}

/**
 * Opens the ledger without migrating it (reading commands never change the schema); an
 * embedded directory must not be in use by a running `serve`.
 */
export function openForCommand(url: string, migrate: boolean): Promise<Ledger> {
  return openLedger(url, { migrate, poolSize: 2 });
}
