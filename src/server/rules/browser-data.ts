/**
 * The 3-D Secure 2 browser data of `/pay`: what the element collected (`BrowserInfo`) and the
 * request's own headers, brought within DirectLink's ranges (a shopper cannot change their
 * screen, so values are fitted, not refused). Pure.
 */
import type { BrowserInfo } from '../../contract/types.js';
import { BROWSER_COLOR_DEPTHS, BROWSER_LIMITS } from '../../protocol/directlink-browser.js';
import type { BrowserData } from '../directlink/types.js';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Control characters removed, trimmed, at most `max` characters. */
function clean(text: string | null | undefined, max: number): string {
  let out = '';
  for (const char of text ?? '') {
    const code = char.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) out += char;
  }
  return out.trim().slice(0, max);
}

/** The largest colour depth 3-D Secure 2 accepts that is not above the screen's. */
export function fitColorDepth(depth: number): number {
  let best = BROWSER_COLOR_DEPTHS[0]!;
  for (const allowed of BROWSER_COLOR_DEPTHS) if (allowed <= depth) best = allowed;
  return best;
}

/** A BCP 47 tag of at most 8 characters: whole subtags kept while they fit (`zh-Hans-CN` → `zh-Hans`). */
export function fitLanguage(tag: string): string {
  const parts = clean(tag, 35)
    .split(/[-_]/)
    .filter((part) => /^[A-Za-z0-9]{1,8}$/.test(part));
  let out = '';
  for (const part of parts) {
    const next = out === '' ? part : `${out}-${part}`;
    if (next.length > BROWSER_LIMITS.language) break;
    out = next;
  }
  return out === '' ? 'en' : out;
}

/** The request headers the browser data also needs. */
export interface BrowserHeaders {
  accept: string | null;
  userAgent: string | null;
}

export function browserData(info: BrowserInfo, headers: BrowserHeaders): BrowserData {
  const userAgent =
    clean(info.userAgent, BROWSER_LIMITS.userAgent) ||
    clean(headers.userAgent, BROWSER_LIMITS.userAgent) ||
    'unknown';
  return {
    acceptHeader: clean(headers.accept, BROWSER_LIMITS.acceptHeader) || '*/*',
    colorDepth: fitColorDepth(info.colorDepth),
    javaEnabled: info.javaEnabled,
    language: fitLanguage(info.language),
    screenHeight: clamp(info.screenHeight, 1, BROWSER_LIMITS.screen),
    screenWidth: clamp(info.screenWidth, 1, BROWSER_LIMITS.screen),
    timeZone: clamp(info.timeZoneOffset, BROWSER_LIMITS.timeZoneMin, BROWSER_LIMITS.timeZoneMax),
    userAgent,
  };
}

/** `REMOTE_ADDR`: the peer's address when the runtime knows it and it looks like one, else `NONE`. */
export function remoteAddress(clientAddress: string | undefined): string {
  return clientAddress !== undefined && /^[0-9A-Fa-f:.]{2,45}$/.test(clientAddress)
    ? clientAddress
    : 'NONE';
}
