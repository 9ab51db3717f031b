/**
 * The route table: which routes live under the base path, which methods each answers, and the
 * texts of "unknown route" and "method not allowed" derived from it.
 */
import type { CoreRequest, CoreResponse } from './core.js';
import { fail } from './failure.js';
import type { Facts } from './request-log.js';

/** What a route receives for one request. */
export interface RouteContext {
  readonly req: CoreRequest;
  /** Filled by the route for the request's log line. */
  readonly facts: Facts;
  /** Path segments after the route's name (`orders/SO-1` → `['SO-1']`), decoded. */
  readonly rest: readonly string[];
}

export interface Route {
  /** Methods answered, e.g. `['POST']` (`HEAD` is never implied). */
  readonly methods: readonly string[];
  /** Browser-facing: answers a CORS preflight when the handler has `cors` on. */
  readonly cors: boolean;
  /**
   * How many segments may follow the name (0 for `/sign`, 1 for `/orders/<ref>`), or the least
   * and most (`[0, 1]` for `/cards` and `/cards/<id>`).
   */
  readonly params?: number | readonly [min: number, max: number];
  run(ctx: RouteContext): Promise<CoreResponse>;
}

export type RouteTable = Readonly<Record<string, Route>>;

/** A matched route and its path segments. */
export interface Match {
  name: string;
  route: Route;
  rest: string[];
}

/** The least and most segments a route takes after its name. */
function paramRange(route: Route): readonly [number, number] {
  const params = route.params ?? 0;
  return typeof params === 'number' ? [params, params] : params;
}

/** `POST /ogone/sign, POST /ogone/verify and GET|POST /ogone/feedback`. */
export function describeRoutes(routes: RouteTable, basePath: string): string {
  const list = Object.entries(routes).map(([name, route]) => {
    const [min, max] = paramRange(route);
    const tail = '/…'.repeat(min) + (max > min ? '[/…]'.repeat(max - min) : '');
    return `${route.methods.join('|')} ${basePath}/${name}${tail}`;
  });
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}` : list.join('');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return fail('invalid-request', 'The path is not valid percent-encoded UTF-8.');
  }
}

/** Finds the route of `pathname`, or throws `not-found` listing what the endpoint answers. */
export function matchRoute(routes: RouteTable, basePath: string, pathname: string): Match {
  const prefix = `${basePath}/`;
  const tail = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
  const [name = '', ...rest] = tail.split('/');
  const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
  const [min, max] = route === undefined ? [0, 0] : paramRange(route);
  if (route === undefined || rest.length < min || rest.length > max || rest.some((s) => s === '')) {
    fail('not-found', `Unknown route; this endpoint answers ${describeRoutes(routes, basePath)}.`);
  }
  return { name, route, rest: rest.map(decodeSegment) };
}

/** The `allow` header of a route. */
export function allowHeader(route: Route, cors: boolean): string {
  return [...route.methods, ...(cors && route.cors ? ['OPTIONS'] : [])].join(', ');
}

/** Throws `method-not-allowed` ("Use GET or POST for /ogone/feedback.") with its `allow` header. */
export function refuseMethod(route: Route, name: string, basePath: string, cors: boolean): never {
  const methods = route.methods;
  const list =
    methods.length > 1 ? `${methods.slice(0, -1).join(', ')} or ${methods.at(-1)!}` : methods[0];
  return fail('method-not-allowed', `Use ${list} for ${basePath}/${name}.`, {
    allow: allowHeader(route, cors),
  });
}
