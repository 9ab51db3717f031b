/**
 * The sandbox's route table, anchored: a path names a page only when it is exactly the configured
 * base path followed by the page's path (`//evil/ncol/test/…` names nothing).
 */
import type { PageEncoding } from '../directlink/encoding.js';

/** Ogone's two environments; each page exists under both. */
export type Environment = 'test' | 'prod';

/** The pages the sandbox serves. */
export type PageName =
  | 'hosted-page'
  | 'pay'
  | 'three-ds'
  | 'orderdirect'
  | 'maintenancedirect'
  | 'querydirect'
  | 'feedback-log'
  | 'controls';

export interface RouteMatch {
  page: PageName;
  /** The environment of a platform page (`/ncol/test/…` or `/ncol/prod/…`). */
  environment: Environment;
  /** `_utf8.asp` pages read UTF-8, the plain `.asp` ones windows-1252. */
  encoding: PageEncoding;
}

type Page = Pick<RouteMatch, 'page' | 'encoding'>;

/** Pages under `/ncol/{test,prod}/`, by lower-case name (Ogone's paths are case-insensitive). */
const PLATFORM_PAGES: Readonly<Record<string, Page>> = {
  'orderstandard_utf8.asp': { page: 'hosted-page', encoding: 'utf-8' },
  'orderstandard.asp': { page: 'hosted-page', encoding: 'windows-1252' },
  'orderdirect_utf8.asp': { page: 'orderdirect', encoding: 'utf-8' },
  'orderdirect.asp': { page: 'orderdirect', encoding: 'windows-1252' },
  'maintenancedirect_utf8.asp': { page: 'maintenancedirect', encoding: 'utf-8' },
  'maintenancedirect.asp': { page: 'maintenancedirect', encoding: 'windows-1252' },
  'querydirect_utf8.asp': { page: 'querydirect', encoding: 'utf-8' },
  'querydirect.asp': { page: 'querydirect', encoding: 'windows-1252' },
  'sandbox/pay': { page: 'pay', encoding: 'utf-8' },
  'sandbox/3ds': { page: 'three-ds', encoding: 'utf-8' },
};

/** The sandbox's own pages under `/ncol/sandbox/`. */
const SANDBOX_PAGES: Readonly<Record<string, Page>> = {
  'feedback-log': { page: 'feedback-log', encoding: 'utf-8' },
  controls: { page: 'controls', encoding: 'utf-8' },
};

const PLATFORM_PATH = /^\/ncol\/(test|prod)\/([a-z0-9_]+(?:\/[a-z0-9_]+)?(?:\.asp)?)$/i;
const SANDBOX_PATH = /^\/ncol\/sandbox\/([a-z0-9-]+)$/;

/** The page of a path under `basePath` (`''` or `/prefix`), or `undefined` (404). */
export function matchRoute(pathname: string, basePath: string): RouteMatch | undefined {
  if (!pathname.startsWith(`${basePath}/`)) return undefined;
  const path = pathname.slice(basePath.length);
  const platform = PLATFORM_PATH.exec(path);
  if (platform) {
    const page = PLATFORM_PAGES[platform[2]!.toLowerCase()];
    const environment = platform[1]!.toLowerCase() as Environment;
    return page === undefined ? undefined : { ...page, environment };
  }
  const own = SANDBOX_PATH.exec(path);
  const page = own ? SANDBOX_PAGES[own[1]!] : undefined;
  return page === undefined ? undefined : { ...page, environment: 'test' };
}

/** The absolute path of a platform page, built from the configuration (never from a request). */
export function platformPath(basePath: string, environment: Environment, page: string): string {
  return `${basePath}/ncol/${environment}/${page}`;
}
