/** The sandbox's route table: which page a path names. */

/** The pages the sandbox serves. */
export type PageName = 'feedback-log' | 'orderstandard_utf8.asp' | 'orderstandard.asp' | 'pay';

export interface RouteMatch {
  page: PageName;
}

const ROUTES: readonly [RegExp, (match: RegExpExecArray) => PageName][] = [
  [/\/ncol\/sandbox\/feedback-log$/, () => 'feedback-log'],
  [
    /\/ncol\/(?:test|prod)\/(orderstandard_utf8\.asp|orderstandard\.asp|sandbox\/pay)$/i,
    (match) => {
      const page = match[1]!.toLowerCase();
      return page === 'sandbox/pay' ? 'pay' : (page as PageName);
    },
  ],
];

/** The page of a path, or `undefined` (404). */
export function matchRoute(pathname: string): RouteMatch | undefined {
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return { page: page(match) };
  }
  return undefined;
}
