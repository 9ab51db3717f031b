import type { IncomingMessage, ServerResponse } from 'node:http';
import { getCore, type CoreHandler, type CoreRequest } from './core.js';
import type { FetchHandler } from './handler.js';
import type { OgoneRequest } from './types.js';

export type { FetchHandler } from './handler.js';

/** Options for {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Largest request body read into memory, in bytes (default 64 KiB); larger bodies get 413. An
   * Ogone handler also enforces its own 16 KiB limit.
   */
  maxBodyBytes?: number;
}

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** What Express/Connect add to a request: the full URL and a body a parser may have consumed. */
interface ParsedRequest extends IncomingMessage {
  originalUrl?: string;
  body?: unknown;
  _body?: boolean;
}

const NO_BODY = new Set(['GET', 'HEAD']);

/** A body that a parser (express.json(), express.urlencoded()) already consumed, re-encoded. */
function preParsedBody(req: ParsedRequest): Buffer | undefined {
  if (!(req._body === true || req.readableEnded)) return undefined;
  const body = req.body;
  if (body === undefined || body === null) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (typeof body !== 'object') return undefined;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
    }
    return Buffer.from(search.toString(), 'utf8');
  }
  return Buffer.from(JSON.stringify(body), 'utf8');
}

const EMPTY = Buffer.alloc(0);

/**
 * The whole body when it is already parsed and buffered (the usual case for a small body by the
 * time a handler runs): one synchronous read() that takes it without switching the stream to
 * flowing mode (much cheaper). `undefined` when it has to be streamed.
 */
function bufferedBody(req: IncomingMessage, limit: number): Buffer | 'too-large' | undefined {
  const parsed = preParsedBody(req);
  if (parsed !== undefined) return parsed.length > limit ? 'too-large' : parsed;
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return 'too-large';
  if (!req.complete || req.readableEnded) return undefined;
  const size = req.readableLength;
  if (size > limit) return 'too-large';
  if (size === 0) return EMPTY;
  const data = req.read(size) as Buffer | null;
  if (data !== null && req.readableLength === 0) return data;
  if (data !== null) req.unshift(data);
  return undefined;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const buffered = bufferedBody(req, limit);
  if (buffered !== undefined) return buffered;
  // Called inside the parser's 'request' event, before the body of the same packet is parsed:
  // one microtask later a small body is usually complete.
  if (!req.complete) {
    await undefined;
    const later = bufferedBody(req, limit);
    if (later !== undefined) return later;
  }
  return streamBody(req, limit);
}

function streamBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    // Inline listeners (no named closures): this runs once per request.
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.once('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

function sendJson(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Splits `req.url` into path and query like WHATWG URL does (dot segments, backslashes). */
function splitUrl(raw: string): { pathname: string; search: string } {
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? '' : raw.slice(q);
  if (
    path.startsWith('/') &&
    !path.includes('.') &&
    !path.includes('\\') &&
    !path.startsWith('//')
  ) {
    return { pathname: path, search: search === '?' ? '' : search };
  }
  try {
    const url = new URL(raw, 'http://localhost');
    return { pathname: url.pathname, search: url.search };
  } catch {
    return { pathname: '/', search: '' };
  }
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Header lookups on a node request, shaped like `Headers.get`. */
class NodeHeaders {
  readonly #req: IncomingMessage;
  constructor(req: IncomingMessage) {
    this.#req = req;
  }
  get(name: string): string | null {
    return headerOf(this.#req, name);
  }
}

/** What the hooks receive on Node: method, absolute URL (built on first read) and headers. */
class NodeRequestInfo implements OgoneRequest {
  readonly method: string;
  readonly headers: NodeHeaders;
  readonly #req: IncomingMessage;
  readonly #rawUrl: string;
  #url: string | undefined;
  constructor(req: IncomingMessage, rawUrl: string) {
    this.method = req.method ?? 'GET';
    this.headers = new NodeHeaders(req);
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
    const rawUrl = req.originalUrl ?? req.url ?? '/';
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
    return readBody(this.#req, Math.min(limit, this.#limit));
  }
  bufferedBody(limit: number): Uint8Array | 'too-large' | undefined {
    const body = bufferedBody(this.#req, Math.min(limit, this.#limit));
    if (body !== undefined) this.bodyRead = true;
    return body;
  }
}

/** Calls an Ogone handler's core directly: no `Request`/`Response` objects per call. */
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
    if (!res.headersSent) sendJson(res, 500, 'internal-error', 'Internal error.');
    else res.destroy();
  }
  // Discard whatever the handler did not read, so the connection stays usable.
  if (!request.bodyRead || !req.readableEnded) req.resume();
}

/**
 * Mounts a web-standard handler on `node:http` (or Express/Connect: it ignores a third `next`
 * argument). The body is read fully, bounded by `maxBodyBytes`; a handler that throws gives a
 * generic 500 JSON body — no stack trace leaves the process. A handler from `createOgoneHandler`
 * is called through its runtime-neutral core, without building a `Request` and a `Response`.
 */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): NodeListener {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const core = getCore(handler);
  if (core !== undefined) {
    // Handled in the check phase right after the I/O that brought the request: by then a small
    // body is parsed and buffered, and the requests of one loop turn are served back to back —
    // measurably less CPU per request under load than interleaving with the HTTP parser.
    return (req, res) => {
      setImmediate(serveCore, core, req, res, limit);
    };
  }
  return (req: ParsedRequest, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const host = req.headers.host ?? 'localhost';
      const url = `http://${host}${req.originalUrl ?? req.url ?? '/'}`;
      let body: Buffer | undefined;
      if (!NO_BODY.has(method)) {
        const read = await readBody(req, limit);
        if (read === 'too-large') {
          sendJson(res, 413, 'payload-too-large', `Request body is larger than ${limit} bytes.`);
          req.resume();
          return;
        }
        body = read;
      }
      let request: Request;
      try {
        request = new Request(url, {
          method,
          headers: toHeaders(req),
          ...(body !== undefined && body.length > 0 ? { body: body as unknown as BodyInit } : {}),
        });
      } catch {
        sendJson(res, 400, 'invalid-request', 'The request could not be read.');
        return;
      }
      const response = await handler(request);
      const headers: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        const existing = headers[name];
        if (existing === undefined) headers[name] = value;
        else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      });
      res.writeHead(response.status, headers);
      if (method === 'HEAD' || response.body === null) {
        res.end();
        return;
      }
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, 'internal-error', 'Internal error.');
      else res.destroy();
    });
  };
}

/** Express/Connect middleware: `(req, res, next)`. */
export type ConnectMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Express/Connect middleware. With a handler from `createOgoneHandler`, requests outside its
 * `basePath` go to `next()`; mount it at the app root (`app.use(toConnectMiddleware(handler))`)
 * so the base path matches. Place it before `express.json()`, or it re-encodes the parsed body.
 */
export function toConnectMiddleware(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): ConnectMiddleware {
  const listener = toNodeListener(handler, options);
  const core = getCore(handler);
  return (req: ParsedRequest, res, next) => {
    if (core !== undefined && !core.matches(splitUrl(req.originalUrl ?? req.url ?? '/').pathname)) {
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
