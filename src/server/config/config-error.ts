/**
 * `OgoneConfigError`: a wrong option given to `createOgoneHandler` (or a wrong `OGONE_*` variable
 * for the CLI). The message names the option; it never contains a secret.
 */
export class OgoneConfigError extends Error {
  override readonly name = 'OgoneConfigError';
  /** The option (or variable) at fault, e.g. `shaIn` or `allowedReturnOrigins.0`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(`Invalid option ${option}: ${message}`);
    this.option = option;
  }
}
