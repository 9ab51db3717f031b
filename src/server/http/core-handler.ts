/**
 * The endpoint's core: route a request, map every failure to a typed JSON error (never a stack),
 * add CORS, and write one log entry. Runtime-neutral: both adapters call it.
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { describeError } from '../config/logger.js';
import type { RequestLogEntry } from '../types.js';
import type { CoreHandler, CoreRequest, CoreResponse } from './core.js';
import { preflight, withCors } from './cors.js';
import { EndpointFailure } from './failure.js';
import { errorResponse } from './respond.js';
import { requestLogEntry, type Facts } from './request-log.js';
import { matchRoute, refuseMethod, type RouteTable } from './router.js';

export function createCore(o: ResolvedOptions, routes: RouteTable): CoreHandler {
  const prefix = `${o.basePath}/`;

  async function route(req: CoreRequest, facts: Facts): Promise<CoreResponse> {
    const { name, route, rest } = matchRoute(routes, o.basePath, req.pathname);
    if (req.method === 'OPTIONS' && o.cors && route.cors) {
      return preflight(req, o.allowedReturnOrigins, route.methods);
    }
    if (!route.methods.includes(req.method)) refuseMethod(route, name, o.basePath, o.cors);
    return await route.run({ req, facts, rest });
  }

  async function handle(req: CoreRequest): Promise<CoreResponse> {
    const startedAt = o.logRequests ? performance.now() : 0;
    const facts: Facts = {};
    let response: CoreResponse;
    let code: RequestLogEntry['code'];
    try {
      response = await route(req, facts);
    } catch (error) {
      if (error instanceof EndpointFailure) {
        code = error.code;
        response = errorResponse(error.status, error.code, error.message, error.headers);
      } else {
        code = 'internal-error';
        o.log({ level: 'error', event: 'internal-error', message: o.scrub(describeError(error)) });
        response = errorResponse(500, 'internal-error', 'Internal error.');
      }
    }
    if (o.cors) response = withCors(response, req, o.allowedReturnOrigins);
    if (o.logRequests) o.log(requestLogEntry(req, response, code, startedAt, facts));
    return response;
  }

  return { handle, matches: (pathname) => pathname.startsWith(prefix) };
}
