import type { IncomingMessage, ServerResponse } from 'node:http';

/** A web-standard request handler: what `createOgoneHandler` and `createSandboxHandler` return. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Options for {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Largest request body read into memory, in bytes (default 64 KiB); larger bodies get 413. */
  maxBodyBytes?: number;
}

const NO_BODY = new Set(['GET', 'HEAD']);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!done) reject(error);
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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

/**
 * Mounts a web-standard handler on `node:http` (or Express/Connect: it ignores a third `next`
 * argument). The body is read fully, bounded by `maxBodyBytes`; a handler that throws gives a
 * generic 500 JSON body — no stack trace leaves the process.
 */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  return (req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const host = req.headers.host ?? 'localhost';
      const url = `http://${host}${req.url ?? '/'}`;
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
