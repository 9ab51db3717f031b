/** The one interface both database drivers satisfy: parameterised queries and transactions. */

/** Something that runs one parameterised SQL statement (`$1`, `$2`, …). */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** A database connection (or pool) of the ledger. */
export interface Driver extends Queryable {
  /** `pglite` (embedded) or `postgres` (a server). */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, without credentials (for logs and `serve`'s start-up line). */
  readonly location: string;
  /**
   * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when
   * it throws (and the error rethrown).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * For statements whose loss in a database crash is harmless (outbox leases and delivery marks:
   * at worst a result is delivered again): committed without waiting for the disk.
   */
  readonly background: Queryable;
  close(): Promise<void>;
}
