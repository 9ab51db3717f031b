/**
 * `<basePath>/admin…`: the payments page's routes. The page and its script, sign-in and
 * sign-out, and the JSON API; everything but the sign-in form and the script needs a session,
 * and every POST must come from the page itself with its CSRF token.
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import type { CoreRequest, CoreResponse } from '../http/core.js';
import { fail } from '../http/failure.js';
import type { Route } from '../http/router.js';
import { createAdminApi } from './api.js';
import { scriptResponse } from './asset.js';
import { CSRF_HEADER, csrfMatches, csrfToken, isCrossSite } from './csrf.js';
import { ADMIN_ACTIONS, type AdminAction, type AdminOperations } from './operations.js';
import type { ResolvedAdmin } from './options.js';
import { htmlResponse, shellPage } from './page.js';
import { parseCookies, readSession, SESSION_COOKIE, type Session } from './session.js';
import { createSignIn } from './sign-in.js';

function only(req: CoreRequest, method: 'GET' | 'POST', path: string): void {
  if (req.method !== method)
    fail('method-not-allowed', `Use ${method} for ${path}.`, { allow: method });
}

export function adminRoute(
  o: ResolvedOptions,
  admin: ResolvedAdmin,
  operations: AdminOperations | undefined,
): Route {
  const base = `${o.basePath}/admin`;
  const signIn = createSignIn(admin, base);
  const api = createAdminApi(o, admin, operations);

  const sessionOf = (req: CoreRequest): Session | undefined =>
    readSession(
      admin.sessionKey,
      parseCookies(req.header('cookie')).get(SESSION_COOKIE),
      new Date(),
    );

  /** A POST of a signed-in page: same origin and the session's CSRF token. */
  function checkPost(req: CoreRequest, session: Session): void {
    if (isCrossSite(req))
      fail('cross-site-request', 'This request must come from the payments page.');
    if (!csrfMatches(admin.sessionKey, session.nonce, 'session', req.header(CSRF_HEADER))) {
      fail('csrf-token-invalid', 'The page is out of date; reload it and try again.');
    }
  }

  async function apiRoute(req: CoreRequest, rest: readonly string[]): Promise<CoreResponse> {
    const session = sessionOf(req);
    if (session === undefined)
      fail('admin-sign-in-required', 'Sign in to the payments page first.');
    const [resource, id, action, ...more] = rest;
    if (resource !== 'payments' || more.length > 0) fail('not-found', 'No such page API.');
    if (id === undefined) {
      only(req, 'GET', `${base}/api/payments`);
      return api.list(req);
    }
    if (action === undefined) {
      only(req, 'GET', `${base}/api/payments/<id>`);
      return api.detail(id);
    }
    if (!ADMIN_ACTIONS.includes(action as AdminAction)) fail('not-found', 'No such action.');
    only(req, 'POST', `${base}/api/payments/<id>/${action}`);
    checkPost(req, session);
    return api.act(req, id, action as AdminAction);
  }

  async function run(req: CoreRequest, rest: readonly string[]): Promise<CoreResponse> {
    const [first, ...more] = rest;
    if (first === 'api') return apiRoute(req, more);
    if (more.length > 0) fail('not-found', 'No such page.');
    switch (first) {
      case undefined: {
        only(req, 'GET', base);
        const session = sessionOf(req);
        if (session === undefined) return signIn.form();
        return htmlResponse(
          200,
          shellPage(base, csrfToken(admin.sessionKey, session.nonce, 'session'), session.expiresAt),
        );
      }
      case 'app.js':
        only(req, 'GET', `${base}/app.js`);
        return scriptResponse(req.header('if-none-match'));
      case 'sign-in':
        if (req.method === 'GET') return { status: 303, headers: { location: base }, body: '' };
        only(req, 'POST', `${base}/sign-in`);
        return signIn.submit(req);
      case 'sign-out': {
        only(req, 'POST', `${base}/sign-out`);
        const session = sessionOf(req);
        if (session !== undefined) checkPost(req, session);
        return signIn.signOut();
      }
      default:
        return fail('not-found', 'No such page.');
    }
  }

  return {
    methods: ['GET', 'POST'],
    cors: false,
    // '', 'sign-in', 'api/payments/<id>/<action>'…: read by `run`.
    params: [0, 4],
    run: ({ req, rest }) => run(req, rest),
  };
}
