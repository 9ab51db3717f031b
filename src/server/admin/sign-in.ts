/**
 * Signing in and out of the payments page: the form (bound to a pre-sign-in cookie by its CSRF
 * token), the token check with a brake on wrong attempts, and the session cookie.
 */
import { randomBytes } from 'node:crypto';
import { FORM_MEDIA_TYPE, mediaType } from '../../internal/media-type.js';
import type { CoreRequest, CoreResponse } from '../http/core.js';
import { bodyText } from '../http/door.js';
import { createAttemptLimiter, tokenMatches } from './auth.js';
import { csrfMatches, csrfToken, isCrossSite } from './csrf.js';
import type { ResolvedAdmin } from './options.js';
import { htmlResponse, signInPage } from './page.js';
import { cookie, createSession, parseCookies, SESSION_COOKIE, SIGN_IN_COOKIE } from './session.js';

const SIGN_IN_COOKIE_SECONDS = 60 * 60;
const NONCE = /^[\w-]{22}$/;

export interface SignIn {
  /** The form, with a fresh pre-sign-in cookie (`status` 200, or 401/403/429 with `error`). */
  form(status?: number, error?: string): CoreResponse;
  /** `POST <base>/sign-in`: 303 to the page with a session cookie, or the form again. */
  submit(req: CoreRequest): Promise<CoreResponse>;
  /** `POST <base>/sign-out`: clears the session cookie, 303 to the sign-in form. */
  signOut(): CoreResponse;
}

export function createSignIn(admin: ResolvedAdmin, base: string): SignIn {
  const limiter = createAttemptLimiter();
  const preKey = admin.sessionKey;

  function form(status = 200, error?: string): CoreResponse {
    const nonce = randomBytes(16).toString('base64url');
    return htmlResponse(
      status,
      signInPage({ action: `${base}/sign-in`, csrf: csrfToken(preKey, nonce, 'sign-in'), error }),
      { 'set-cookie': cookie(SIGN_IN_COOKIE, nonce, base, SIGN_IN_COOKIE_SECONDS) },
    );
  }

  async function submit(req: CoreRequest): Promise<CoreResponse> {
    if (isCrossSite(req)) {
      return form(403, 'This form can only be sent from the payments page itself.');
    }
    const client = req.info.clientAddress ?? 'unknown';
    const now = Date.now();
    if (!limiter.allowed(client, now)) {
      return form(429, 'Too many attempts. Wait a few minutes, then try again.');
    }
    if (mediaType(req.header('content-type')) !== FORM_MEDIA_TYPE) {
      return form(400, 'Sign in with the form below.');
    }
    const fields = new URLSearchParams(await bodyText(req, 'invalid-request'));
    const nonce = parseCookies(req.header('cookie')).get(SIGN_IN_COOKIE);
    if (
      nonce === undefined ||
      !NONCE.test(nonce) ||
      !csrfMatches(preKey, nonce, 'sign-in', fields.get('csrf'))
    ) {
      return form(403, 'The sign-in form had expired. Please sign in again.');
    }
    if (!tokenMatches(admin.token, fields.get('token'))) {
      limiter.failed(client, now);
      return form(401, 'Sign-in failed. Check the token and try again.');
    }
    limiter.succeeded(client);
    const session = createSession(admin.sessionKey, new Date(now), admin.sessionMs);
    return {
      status: 303,
      headers: {
        location: base,
        'cache-control': 'no-store',
        'set-cookie': cookie(
          SESSION_COOKIE,
          session.value,
          base,
          Math.floor(admin.sessionMs / 1000),
        ),
      },
      body: '',
    };
  }

  function signOut(): CoreResponse {
    return {
      status: 303,
      headers: {
        location: base,
        'cache-control': 'no-store',
        'set-cookie': cookie(SESSION_COOKIE, '', base, 0),
      },
      body: '',
    };
  }

  return { form, submit, signOut };
}
