import type { EndpointErrorCode } from '../protocol/index.js';

/** HTTP status of every endpoint error code (the contract in `src/protocol/schemas.ts`). */
export const ERROR_STATUS: Readonly<Record<EndpointErrorCode, number>> = {
  'invalid-json': 400,
  'invalid-request': 400,
  'return-url-not-allowed': 400,
  'invalid-signature': 403,
  'unknown-order': 404,
  'not-found': 404,
  'method-not-allowed': 405,
  'amount-mismatch': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'save-card-not-allowed': 422,
  'order-lookup-failed': 502,
  'result-delivery-failed': 503,
};

/**
 * A request the endpoint answers with a typed error. `message` is shown to the caller: it names
 * what is wrong and never carries a secret or a stack trace.
 */
export class EndpointFailure extends Error {
  override readonly name = 'EndpointFailure';
  readonly code: EndpointErrorCode;
  readonly status: number;
  readonly headers: Record<string, string> | undefined;

  constructor(code: EndpointErrorCode, message: string, headers?: Record<string, string>) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.headers = headers;
  }
}
