/**
 * `OgoneLedgerError`: the ledger cannot be opened or used (a wrong URL, an unreachable or
 * read-only database, a schema newer than the package). The message never holds a password.
 */
export class OgoneLedgerError extends Error {
  override readonly name = 'OgoneLedgerError';
  /** `invalid-url`, `open-failed` (unreachable, read-only, in use, too new) or `invalid-option`. */
  readonly code: 'invalid-url' | 'open-failed' | 'invalid-option';

  constructor(code: OgoneLedgerError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
