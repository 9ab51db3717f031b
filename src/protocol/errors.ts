/** Stable codes for every error the protocol core can raise. */
export type OgoneProtocolErrorCode =
  | 'invalid-amount'
  | 'invalid-parameter'
  | 'duplicate-parameter'
  | 'invalid-algorithm'
  /** A DirectLink answer that is not a well-formed, bounded `<ncresponse>` document. */
  | 'invalid-xml';

/**
 * The one error type thrown by `ogone-checkout/protocol`. `code` is stable and meant for programs;
 * `message` is for people and never contains a passphrase.
 */
export class OgoneProtocolError extends Error {
  override readonly name = 'OgoneProtocolError';
  readonly code: OgoneProtocolErrorCode;

  constructor(code: OgoneProtocolErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
