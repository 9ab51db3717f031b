/** CORS for the browser-facing routes: answered only for the allowed return origins. */
import type { CoreRequest, CoreResponse } from './core.js';

/** The preflight answer (204), with allow-* headers only for an allowed origin. */
export function preflight(
  req: CoreRequest,
  allowed: ReadonlySet<string>,
  methods: readonly string[],
): CoreResponse {
  const headers: Record<string, string> = { vary: 'Origin' };
  const origin = req.header('origin');
  if (origin !== null && allowed.has(origin)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-methods'] = methods.join(', ');
    headers['access-control-allow-headers'] = 'content-type';
    headers['access-control-max-age'] = '600';
  }
  return { status: 204, headers, body: '' };
}

/** Adds `vary: Origin` and, for an allowed origin, `access-control-allow-origin`. */
export function withCors(
  response: CoreResponse,
  req: CoreRequest,
  allowed: ReadonlySet<string>,
): CoreResponse {
  if (response.status === 204) return response;
  const origin = req.header('origin');
  response.headers = { ...response.headers, vary: 'Origin' };
  if (origin !== null && allowed.has(origin)) {
    response.headers['access-control-allow-origin'] = origin;
  }
  return response;
}
