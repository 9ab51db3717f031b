/**
 * The 3-D Secure 2 browser data of a shopper-present DirectLink payment (`browserColorDepth`, …):
 * Ogone's ranges, and the fields they become. Isomorphic: the element may read the limits too.
 */
import { OgoneProtocolError } from './errors.js';
import type { Params } from './sign.js';

/** `browserColorDepth` values 3-D Secure 2 accepts (bits per pixel). */
export const BROWSER_COLOR_DEPTHS: readonly number[] = [1, 4, 8, 15, 16, 24, 32, 48];

/** Length and range limits of the browser fields (EMVCo 3-D Secure 2, as Ogone passes them on). */
export const BROWSER_LIMITS = {
  /** `browserLanguage`: a BCP 47 tag of at most 8 characters (`fr-BE`). */
  language: 8,
  /** `browserUserAgent` / `HTTP_USER_AGENT`. */
  userAgent: 2048,
  /** `browserAcceptHeader` / `HTTP_ACCEPT`. */
  acceptHeader: 2048,
  /** Screen sides in pixels (6 digits). */
  screen: 999_999,
  /** `browserTimeZone`: minutes, `getTimezoneOffset()` sign (UTC+14 is -840, UTC-12 is 720). */
  timeZoneMin: -840,
  timeZoneMax: 840,
} as const;

/** What the shopper's browser tells (collected by the element; the accept header by the server). */
export interface BrowserData {
  /** The request's `Accept` header. */
  acceptHeader: string;
  /** `screen.colorDepth`, one of {@link BROWSER_COLOR_DEPTHS}. */
  colorDepth: number;
  /** `navigator.javaEnabled()`: false on every modern browser. */
  javaEnabled: boolean;
  /** `navigator.language` (`fr-BE`). */
  language: string;
  screenHeight: number;
  screenWidth: number;
  /** `new Date().getTimezoneOffset()`. */
  timeZone: number;
  userAgent: string;
}

function wrong(field: string, why: string): OgoneProtocolError {
  return new OgoneProtocolError('invalid-parameter', `Browser field ${field} ${why}.`);
}

function text(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value === '') throw wrong(field, 'must be a non-empty string');
  if (value.length > max) throw wrong(field, `must be at most ${max} characters`);
  // Control characters have no place in a header value and would only be there to confuse.
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) throw wrong(field, 'must not hold control characters');
  }
  return value;
}

function integer(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw wrong(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * The DirectLink fields for the browser data, checked against Ogone's ranges. Throws
 * {@link OgoneProtocolError} (`invalid-parameter`) naming the field, never echoing its value.
 */
export function browserFields(browser: BrowserData): Params {
  if (typeof browser !== 'object' || browser === null) throw wrong('data', 'must be an object');
  if (!BROWSER_COLOR_DEPTHS.includes(browser.colorDepth)) {
    throw wrong('colorDepth', `must be one of ${BROWSER_COLOR_DEPTHS.join(', ')}`);
  }
  if (typeof browser.javaEnabled !== 'boolean') throw wrong('javaEnabled', 'must be a boolean');
  const acceptHeader = text('acceptHeader', browser.acceptHeader, BROWSER_LIMITS.acceptHeader);
  const userAgent = text('userAgent', browser.userAgent, BROWSER_LIMITS.userAgent);
  return {
    browserAcceptHeader: acceptHeader,
    browserColorDepth: String(browser.colorDepth),
    browserJavaEnabled: browser.javaEnabled ? 'true' : 'false',
    browserLanguage: text('language', browser.language, BROWSER_LIMITS.language),
    browserScreenHeight: String(
      integer('screenHeight', browser.screenHeight, 1, BROWSER_LIMITS.screen),
    ),
    browserScreenWidth: String(
      integer('screenWidth', browser.screenWidth, 1, BROWSER_LIMITS.screen),
    ),
    browserTimeZone: String(
      integer('timeZone', browser.timeZone, BROWSER_LIMITS.timeZoneMin, BROWSER_LIMITS.timeZoneMax),
    ),
    browserUserAgent: userAgent,
    HTTP_ACCEPT: acceptHeader,
    HTTP_USER_AGENT: userAgent,
  };
}
