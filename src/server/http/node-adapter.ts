/**
 * `toNodeListener` / `toConnectMiddleware`: the endpoint on `node:http` and Express/Connect. A
 * handler from `createOgoneHandler` is served through its core directly (no `Request`/`Response`
 * per call); any other web-standard handler goes through the generic bridge.
 */
import type { ServerResponse } from 'node:http';
import {
  answerCrash,
  bufferedBody,
  fetchToNodeListener,
  rawUrlOf,
  readNodeBody,
  splitUrl,
  type FetchHandler,
  type NodeListener,
  type ParsedRequest,
} from '../../internal/node-bridge.js';
import type { OgoneRequest } from '../types.js';
import { getCore, type CoreHandler, type CoreRequest } from './core.js';

export type { FetchHandler, NodeListener };

/** Options for {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Largest request body read into memory, in bytes (default 64 KiB); larger bodies get 413. An
   * Ogone handler also enforces its own 16 KiB limit.
   */
  maxBodyBytes?: number;
}

/** Options for {@link toConnectMiddleware}. */
export interface ConnectMiddlewareOptions extends NodeListenerOptions {
  /**
   * Only paths starting with this prefix are answered; others go to `next()`. Use it for a handler
   * that answers every path, e.g. the sandbox: `toConnectMiddleware(sandbox.handler, { prefix:
   * '/ncol/' })`. A handler from `createOgoneHandler` needs none (it knows its `basePath`).
   */
  prefix?: string;
}

function headerOf(req: ParsedRequest, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** What the hooks receive on Node: method, absolute URL (built on first read) and headers. */
class NodeRequestInfo implements OgoneRequest {
  readonly method: string;
  readonly headers: { get(name: string): string | null };
  readonly clientAddress: string | undefined;
  readonly #req: ParsedRequest;
  readonly #rawUrl: string;
  #url: string | undefined;
  constructor(req: ParsedRequest, rawUrl: string) {
    this.method = req.method ?? 'GET';
    this.headers = { get: (name) => headerOf(req, name) };
    this.clientAddress = req.socket?.remoteAddress;
    this.#req = req;
    this.#rawUrl = rawUrl;
  }
  get url(): string {
    this.#url ??= `http://${this.#req.headers.host ?? 'localhost'}${this.#rawUrl.startsWith('/') ? this.#rawUrl : '/'}`;
    return this.#url;
  }
}

/** The core's view of a node request; the body is read only when the route asks for it. */
class NodeCoreRequest implements CoreRequest {
  readonly method: string;
  readonly pathname: string;
  readonly search: string;
  readonly info: NodeRequestInfo;
  bodyRead = false;
  readonly #req: ParsedRequest;
  readonly #limit: number;
  constructor(req: ParsedRequest, limit: number) {
    const rawUrl = rawUrlOf(req);
    const { pathname, search } = splitUrl(rawUrl);
    this.method = (req.method ?? 'GET').toUpperCase();
    this.pathname = pathname;
    this.search = search;
    this.info = new NodeRequestInfo(req, rawUrl);
    this.#req = req;
    this.#limit = limit;
  }
  header(name: string): string | null {
    return headerOf(this.#req, name);
  }
  readBody(limit: number): Promise<Uint8Array | 'too-large'> {
    this.bodyRead = true;
    return readNodeBody(this.#req, Math.min(limit, this.#limit));
  }
  bufferedBody(limit: number): Uint8Array | 'too-large' | undefined {
    const body = bufferedBody(this.#req, Math.min(limit, this.#limit));
    if (body !== undefined) this.bodyRead = true;
    return body;
  }
}

async function serveCore(
  core: CoreHandler,
  req: ParsedRequest,
  res: ServerResponse,
  limit: number,
): Promise<void> {
  const request = new NodeCoreRequest(req, limit);
  try {
    const { status, headers, body } = await core.handle(request);
    const out: Record<string, string | number> = { ...headers };
    if (status !== 204) out['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, out);
    res.end(status === 204 ? undefined : body);
  } catch {
    answerCrash(res);
  }
  // Discard whatever the handler did not read, so the connection stays usable.
  if (!request.bodyRead || !req.readableEnded) req.resume();
}

/**
 * Mounts a web-standard handler on `node:http` (or Express/Connect: it ignores a third `next`
 * argument). The body is read fully, bounded by `maxBodyBytes`; a handler that throws gives a
 * generic 500 JSON body — no stack trace leaves the process.
 */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): NodeListener {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const core = getCore(handler);
  if (core === undefined) return fetchToNodeListener(handler, limit);
  // Handled in the check phase right after the I/O that brought the request: by then a small
  // body is parsed and buffered, and the requests of one loop turn are served back to back
  // (measurably less CPU per request under load than interleaving with the HTTP parser).
  return (req, res) => {
    setImmediate(serveCore, core, req, res, limit);
  };
}

/** Express/Connect middleware: `(req, res, next)`. */
export type ConnectMiddleware = (
  req: ParsedRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Express/Connect middleware. With a handler from `createOgoneHandler`, requests outside its
 * `basePath` go to `next()`; mount it at the app root (`app.use(toConnectMiddleware(handler))`)
 * so the base path matches. Any other handler answers every path unless given `prefix`. Place it
 * before `express.json()`, or it re-encodes the parsed body.
 */
export function toConnectMiddleware(
  handler: FetchHandler,
  options: ConnectMiddlewareOptions = {},
): ConnectMiddleware {
  const { prefix, ...listenerOptions } = options;
  const listener = toNodeListener(handler, listenerOptions);
  const core = getCore(handler);
  const answers = (pathname: string): boolean =>
    (prefix === undefined || pathname.startsWith(prefix)) &&
    (core === undefined || core.matches(pathname));
  return (req, res, next) => {
    if (!answers(splitUrl(rawUrlOf(req)).pathname)) {
      next();
      return;
    }
    try {
      listener(req, res);
    } catch (error) {
      next(error);
    }
  };
}
