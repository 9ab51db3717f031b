/**
 * The runtime-neutral request/response shape the endpoint's core works on. `createOgoneHandler`
 * wraps it in a web-standard `(Request) => Promise<Response>`; the Node adapter calls it directly
 * (no `Request`/`Response` objects per call: ≈70 µs → ≈14 µs for a small JSON route).
 */
import type { OgoneRequest } from '../types.js';

export interface CoreRequest {
  /** Upper-case method. */
  method: string;
  /** Decoded-as-received path, dot segments resolved. */
  pathname: string;
  /** `?…` or `""`. */
  search: string;
  /** Header value by lower-case name, `null` when absent. */
  header(name: string): string | null;
  /** Reads the whole body, up to `limit` bytes. Rejects when the stream fails. */
  readBody(limit: number): Promise<Uint8Array | 'too-large'>;
  /** The whole body if it can be had without waiting (else `undefined`): saves a promise. */
  bufferedBody?(limit: number): Uint8Array | 'too-large' | undefined;
  /** What the hooks receive. */
  info: OgoneRequest;
}

export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface CoreHandler {
  handle(request: CoreRequest): Promise<CoreResponse>;
  /** True when the path belongs to this handler (under its base path). */
  matches(pathname: string): boolean;
}

/** Where an Ogone handler keeps its core; `Symbol.for` so two copies of the package agree. */
export const CORE = Symbol.for('ogone-checkout.server.core');

export function getCore(handler: unknown): CoreHandler | undefined {
  if (typeof handler !== 'function') return undefined;
  const core = (handler as { [CORE]?: CoreHandler })[CORE];
  return core !== undefined && typeof core.handle === 'function' ? core : undefined;
}
