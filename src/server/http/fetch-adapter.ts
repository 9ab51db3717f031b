/** The web-standard edge: a `Request` seen as a core request, the core's answer as a `Response`. */
import type { CoreRequest, CoreResponse } from './core.js';

/** Reads a web `Request` body up to `limit` bytes without buffering more. */
async function readRequestBody(request: Request, limit: number): Promise<Uint8Array | 'too-large'> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return 'too-large';
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function fromRequest(request: Request): CoreRequest {
  const url = new URL(request.url);
  return {
    method: request.method.toUpperCase(),
    pathname: url.pathname,
    search: url.search,
    header: (name) => request.headers.get(name),
    readBody: (limit) => readRequestBody(request, limit),
    info: request,
  };
}

export function toResponse(response: CoreResponse): Response {
  return new Response(response.status === 204 ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}
