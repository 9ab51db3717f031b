/**
 * The generic bridge between web-standard handlers and `node:http`: bounded body reading, URL
 * splitting, and a `(Request) => Promise<Response>` mounted as a request listener.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, JSON_HEADERS } from './json-answer.js';
import { mediaType, FORM_MEDIA_TYPE } from './media-type.js';

/** A web-standard request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** What Express/Connect add to a request: the full URL and a body a parser may have consumed. */
export interface ParsedRequest extends IncomingMessage {
  originalUrl?: string;
  body?: unknown;
  _body?: boolean;
}

const NO_BODY = new Set(['GET', 'HEAD']);
const EMPTY = Buffer.alloc(0);

/** A body that a parser (express.json(), express.urlencoded()) already consumed, re-encoded. */
function preParsedBody(req: ParsedRequest): Buffer | undefined {
  if (!(req._body === true || req.readableEnded)) return undefined;
  const body = req.body;
  if (body === undefined || body === null) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (typeof body !== 'object') return undefined;
  if (mediaType(req.headers['content-type']) === FORM_MEDIA_TYPE) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
    }
    return Buffer.from(search.toString(), 'utf8');
  }
  return Buffer.from(JSON.stringify(body), 'utf8');
}

/**
 * The whole body when it can be had without waiting: parsed by a framework already, or complete
 * in the stream's buffer (one synchronous read, no flowing mode). `undefined` when it must be
 * streamed; `too-large` as soon as the size is known to pass `limit`.
 */
export function bufferedBody(req: ParsedRequest, limit: number): Buffer | 'too-large' | undefined {
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

function streamBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
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

/** Reads the whole body, at most `limit` bytes (`too-large` beyond). Rejects if the stream fails. */
export async function readNodeBody(
  req: ParsedRequest,
  limit: number,
): Promise<Buffer | 'too-large'> {
  const buffered = bufferedBody(req, limit);
  if (buffered !== undefined) return buffered;
  // Inside the parser's 'request' event the body of the same packet is not parsed yet: one
  // microtask later a small body is usually complete.
  if (!req.complete) {
    await undefined;
    const later = bufferedBody(req, limit);
    if (later !== undefined) return later;
  }
  return streamBody(req, limit);
}

/** Splits `req.url` into path and query as WHATWG URL does (dot segments, backslashes). */
export function splitUrl(raw: string): { pathname: string; search: string } {
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

/** The request's URL as the application sees it (Express keeps the mount prefix in originalUrl). */
export function rawUrlOf(req: ParsedRequest): string {
  return req.originalUrl ?? req.url ?? '/';
}

/** A JSON error answer written straight to a node response. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const body = errorBody(code, message);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** After an answer that failed half-way: a 500 if nothing was sent yet, else drop the socket. */
export function answerCrash(res: ServerResponse): void {
  if (!res.headersSent) sendJsonError(res, 500, 'internal-error', 'Internal error.');
  else res.destroy();
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** Writes a web `Response` to a node response. */
async function writeResponse(res: ServerResponse, response: Response, head: boolean) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  });
  res.writeHead(response.status, headers);
  if (head || response.body === null) {
    res.end();
    return;
  }
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Mounts a web-standard handler on `node:http` through real `Request` and `Response` objects. The
 * body is read fully, bounded by `limit` (413 beyond); a handler that throws gives a generic 500
 * JSON body: no stack trace leaves the process. A `Response.error()` resets the connection.
 */
export function fetchToNodeListener(handler: FetchHandler, limit: number): NodeListener {
  return (req: ParsedRequest, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const url = `http://${req.headers.host ?? 'localhost'}${rawUrlOf(req)}`;
      let body: Buffer | undefined;
      if (!NO_BODY.has(method)) {
        const read = await readNodeBody(req, limit);
        if (read === 'too-large') {
          sendJsonError(
            res,
            413,
            'payload-too-large',
            `Request body is larger than ${limit} bytes.`,
          );
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
        sendJsonError(res, 400, 'invalid-request', 'The request could not be read.');
        return;
      }
      const response = await handler(request);
      // `Response.error()` is fetch's "network error": the answer is lost, the connection reset.
      if (response.type === 'error') {
        res.destroy();
        return;
      }
      await writeResponse(res, response, method === 'HEAD');
    })().catch(() => answerCrash(res));
  };
}
