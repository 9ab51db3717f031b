import { OgoneProtocolError } from './errors.js';

/** Where the hosted payment page lives. */
export type OgoneEnvironment = 'test' | 'prod' | { baseUrl: string };

/** Default base URLs (everything before the page name). */
export const OGONE_BASE_URLS = {
  test: 'https://ogone.test.v-psp.com/ncol/test',
  prod: 'https://secure.ogone.com/ncol/prod',
} as const;

/** Hosts of the Ogone platform and its white labels; the element accepts these by default. */
export const KNOWN_OGONE_HOSTS: readonly string[] = [
  'ogone.test.v-psp.com',
  'secure.ogone.com',
  'e-payment.postfinance.ch',
  'secure.payengine.de',
  'mdepayments.epdq.co.uk',
  'payments.epdq.co.uk',
  'viveum.v-psp.com',
  'secure.paypage.be',
];

/** Everything before the page name, without a trailing slash. */
function baseUrlOf(environment: OgoneEnvironment): string {
  const base = typeof environment === 'string' ? OGONE_BASE_URLS[environment] : environment.baseUrl;
  return base.replace(/\/+$/, '');
}

/** The UTF-8 hosted payment page for an environment. */
export function hostedPaymentPageUrl(environment: OgoneEnvironment): string {
  return `${baseUrlOf(environment)}/orderstandard_utf8.asp`;
}

/**
 * The three DirectLink pages of the API user: pay with a saved card (`orderdirect`), capture,
 * cancel and refund (`maintenancedirect`), ask a payment's status (`querydirect`).
 */
export type DirectLinkPage = 'orderdirect' | 'maintenancedirect' | 'querydirect';

export const DIRECTLINK_PAGES: readonly DirectLinkPage[] = [
  'orderdirect',
  'maintenancedirect',
  'querydirect',
];

/**
 * The UTF-8 DirectLink page of an environment: the hosted page's base with the page name swapped
 * (`…/ncol/prod/orderdirect_utf8.asp`); white labels and the sandbox alike.
 */
export function directLinkUrl(environment: OgoneEnvironment, page: DirectLinkPage): string {
  if (!DIRECTLINK_PAGES.includes(page)) {
    throw new OgoneProtocolError(
      'invalid-parameter',
      `Unknown DirectLink page ${JSON.stringify(String(page).slice(0, 40))}: use ${DIRECTLINK_PAGES.join(', ')}.`,
    );
  }
  return `${baseUrlOf(environment)}/${page}_utf8.asp`;
}

/** Ogone `LANGUAGE` values this package maps to. */
export const OGONE_LANGUAGES: readonly string[] = [
  'en_US',
  'en_GB',
  'fr_FR',
  'fr_BE',
  'fr_CH',
  'nl_NL',
  'nl_BE',
  'de_DE',
  'de_AT',
  'de_CH',
  'it_IT',
  'es_ES',
];

const DEFAULT_FOR_BASE: Record<string, string> = {
  en: 'en_US',
  fr: 'fr_FR',
  nl: 'nl_NL',
  de: 'de_DE',
  it: 'it_IT',
  es: 'es_ES',
};

/**
 * Maps a language tag (`fr`, `fr-BE`, `nl_BE`, `DE`) to Ogone's `LANGUAGE` (`fr_FR`, `fr_BE`,
 * `nl_BE`, `de_DE`); anything unknown gives `en_US`.
 */
export function toOgoneLanguage(tag: string | null | undefined): string {
  if (!tag) return 'en_US';
  const [base = '', region = ''] = tag.trim().replace('-', '_').split('_');
  const candidate = `${base.toLowerCase()}_${region.toUpperCase()}`;
  if (OGONE_LANGUAGES.includes(candidate)) return candidate;
  return DEFAULT_FOR_BASE[base.toLowerCase()] ?? 'en_US';
}
