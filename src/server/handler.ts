/**
 * `createOgoneHandler`: the companion endpoint as a web-standard `(Request) => Promise<Response>`,
 * built from the validated options, the route table and the core.
 */
import type { FetchHandler } from '../internal/node-bridge.js';
import { resolveOptions } from './config/resolve-options.js';
import { CORE } from './http/core.js';
import { createCore } from './http/core-handler.js';
import { fromRequest, toResponse } from './http/fetch-adapter.js';
import type { RouteTable } from './http/router.js';
import { feedbackRoute } from './routes/feedback.js';
import { signRoute } from './routes/sign.js';
import { verifyRoute } from './routes/verify.js';
import type { OgoneHandlerOptions } from './types.js';

export type { FetchHandler };

/**
 * Creates the companion endpoint: a web-standard `(Request) => Promise<Response>` answering
 * `POST <basePath>/sign`, `POST <basePath>/verify` and `GET|POST <basePath>/feedback`.
 * Options are validated now: a wrong one throws {@link OgoneConfigError} naming it.
 */
export function createOgoneHandler(options: OgoneHandlerOptions): FetchHandler {
  const resolved = resolveOptions(options);
  const routes: RouteTable = {
    sign: signRoute(resolved),
    verify: verifyRoute(resolved),
    feedback: feedbackRoute(resolved),
  };
  const core = createCore(resolved, routes);
  const handler: FetchHandler = async (request) =>
    toResponse(await core.handle(fromRequest(request)));
  Object.defineProperty(handler, CORE, { value: core });
  return handler;
}
