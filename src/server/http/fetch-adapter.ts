/** The web-standard edge: a `Request` seen as a core request, the core's answer as a `Response`. */
import { readBoundedBytes } from '../../internal/read-bounded.js';
import type { CoreRequest, CoreResponse } from './core.js';

export function fromRequest(request: Request): CoreRequest {
  const url = new URL(request.url);
  return {
    method: request.method.toUpperCase(),
    pathname: url.pathname,
    search: url.search,
    header: (name) => request.headers.get(name),
    readBody: async (limit) => (await readBoundedBytes(request, limit)) ?? 'too-large',
    info: request,
  };
}

export function toResponse(response: CoreResponse): Response {
  const empty = response.status === 204 || response.status === 304;
  return new Response(empty ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}
