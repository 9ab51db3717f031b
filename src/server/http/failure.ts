/**
 * `EndpointFailure`: a request the endpoint answers with a typed error. Its status comes from the
 * contract's error table; its message is shown to the caller and never carries a secret.
 */
import { ENDPOINT_ERROR_STATUS, type EndpointErrorCode } from '../../contract/errors.js';

export class EndpointFailure extends Error {
  override readonly name = 'EndpointFailure';
  readonly code: EndpointErrorCode;
  readonly status: number;
  readonly headers: Record<string, string> | undefined;

  constructor(code: EndpointErrorCode, message: string, headers?: Record<string, string>) {
    super(message);
    this.code = code;
    this.status = ENDPOINT_ERROR_STATUS[code];
    this.headers = headers;
  }
}

/** Throws an {@link EndpointFailure}: `return fail(…)` reads well in a route. */
export function fail(
  code: EndpointErrorCode,
  message: string,
  headers?: Record<string, string>,
): never {
  throw new EndpointFailure(code, message, headers);
}
