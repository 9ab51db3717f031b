/**
 * The payments page's session: a cookie `<expiry>.<nonce>.<mac>` whose MAC is an HMAC under a key
 * derived from the admin token, so every instance that has the token accepts it and changing the
 * token ends every session. No server memory, no table.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ogone_admin_session';
/** The pre-sign-in cookie that the sign-in form's CSRF token is bound to. */
export const SIGN_IN_COOKIE = 'ogone_admin_signin';

/** A key for one purpose, derived from the admin token (the token itself is never a key). */
export function deriveKey(token: string, purpose: string): Buffer {
  return createHmac('sha256', token).update(`ogone-checkout admin ${purpose} v1`).digest();
}

export function mac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** Constant-time comparison of two texts (through their digests: lengths never leak). */
export function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHmac('sha256', 'compare').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export interface Session {
  nonce: string;
  expiresAt: Date;
}

/** A new session valid for `ttlMs`, and its cookie value. */
export function createSession(key: Buffer, now: Date, ttlMs: number): Session & { value: string } {
  const expiry = Math.floor((now.getTime() + ttlMs) / 1000);
  const nonce = randomBytes(16).toString('base64url');
  const body = `${expiry}.${nonce}`;
  return { nonce, expiresAt: new Date(expiry * 1000), value: `${body}.${mac(key, `s.${body}`)}` };
}

/** The session of a cookie value, or `undefined` when forged, malformed or expired. */
export function readSession(
  key: Buffer,
  value: string | undefined,
  now: Date,
): Session | undefined {
  const match = value === undefined ? null : /^(\d{1,12})\.([\w-]{22})\.([\w-]{43})$/.exec(value);
  if (match === null) return undefined;
  const [, expiry, nonce, signature] = match as unknown as [string, string, string, string];
  if (!sameText(signature, mac(key, `s.${expiry}.${nonce}`))) return undefined;
  const expiresAt = new Date(Number(expiry) * 1000);
  return expiresAt.getTime() > now.getTime() ? { nonce, expiresAt } : undefined;
}

/** Cookie values by name from a `cookie` header (the first of a repeated name wins). */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (name !== '' && !cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

/** A `set-cookie` value: HttpOnly, Secure, SameSite=Strict, scoped to the page's path. */
export function cookie(name: string, value: string, path: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}
