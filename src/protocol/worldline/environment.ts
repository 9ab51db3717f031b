/**
 * Where Worldline Direct lives: the v2 API base URLs (notes §2.1, "Generic European endpoint") and
 * the hosts a hosted checkout page is served from, which the element's redirect check will learn.
 */

/** `test`, `prod`, or a base URL of your own (a local sandbox, a proxy). */
export type WorldlineEnvironment = 'test' | 'prod' | { baseUrl: string };

/** Base URLs, without the `/v2/{merchantId}` path that every call adds. */
export const WORLDLINE_BASE_URLS = {
  test: 'https://payment.preprod.direct.worldline-solutions.com',
  prod: 'https://payment.direct.worldline-solutions.com',
} as const;

/**
 * Hosts of the platform's API and hosted pages. The older Ingenico-era hosts "remain available
 * until further notice" (notes §2.1); datacenter-specific production hosts exist but are not listed
 * in any text reachable here (Gap 9), so a merchant on one passes `{ baseUrl }`.
 */
export const KNOWN_WORLDLINE_HOSTS: readonly string[] = [
  'payment.preprod.direct.worldline-solutions.com',
  'payment.direct.worldline-solutions.com',
  'payment.preprod.direct.ingenico.com',
  'payment.direct.ingenico.com',
];

/** The base URL of an environment, without a trailing slash. */
export function worldlineBaseUrl(environment: WorldlineEnvironment): string {
  const base =
    typeof environment === 'string' ? WORLDLINE_BASE_URLS[environment] : environment.baseUrl;
  return base.replace(/\/+$/, '');
}
