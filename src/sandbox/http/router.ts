/**
 * The sandbox's route table, anchored: a path names a page only when it is exactly the configured
 * base path followed by the page's path (`//evil/ncol/test/…` names nothing).
 */

/** Ogone's two environments; each page exists under both. */
export type Environment = 'test' | 'prod';

/** The pages the sandbox serves. */
export type PageName = 'feedback-log' | 'hosted-page' | 'hosted-page-latin1' | 'pay';

export interface RouteMatch {
  page: PageName;
  /** The environment of a platform page (`/ncol/test/…` or `/ncol/prod/…`). */
  environment: Environment;
}

/** Pages under `/ncol/{test,prod}/`, by lower-case name (Ogone's paths are case-insensitive). */
const PLATFORM_PAGES: Readonly<Record<string, PageName>> = {
  'orderstandard_utf8.asp': 'hosted-page',
  'orderstandard.asp': 'hosted-page-latin1',
  'sandbox/pay': 'pay',
};

/** The sandbox's own pages under `/ncol/sandbox/`. */
const SANDBOX_PAGES: Readonly<Record<string, PageName>> = {
  'feedback-log': 'feedback-log',
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
    return page === undefined ? undefined : { page, environment };
  }
  const own = SANDBOX_PATH.exec(path);
  const page = own ? SANDBOX_PAGES[own[1]!] : undefined;
  return page === undefined ? undefined : { page, environment: 'test' };
}

/** The absolute path of a platform page, built from the configuration (never from a request). */
export function platformPath(basePath: string, environment: Environment, page: string): string {
  return `${basePath}/ncol/${environment}/${page}`;
}
