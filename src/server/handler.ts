/**
 * `createOgoneHandler`: the companion endpoint as a web-standard `(Request) => Promise<Response>`,
 * built from the validated options, the route table and the core; with a ledger, it also runs
 * the outbox worker until `close()`.
 */
import type { FetchHandler } from '../internal/node-bridge.js';
import { resolveOptions } from './config/resolve-options.js';
import { CORE } from './http/core.js';
import { createCore } from './http/core-handler.js';
import { fromRequest, toResponse } from './http/fetch-adapter.js';
import type { RouteTable } from './http/router.js';
import { cardsRoute } from './routes/cards.js';
import { challengeRoute } from './routes/challenge.js';
import { feedbackRoute } from './routes/feedback.js';
import { ordersRoute } from './routes/orders.js';
import { payRoute } from './routes/pay.js';
import { createWorker } from './routes/result-delivery.js';
import { signRoute } from './routes/sign.js';
import { verifyRoute } from './routes/verify.js';
import { operationsFor } from './operations/bind.js';
import type { OgoneOperations } from './operations/types.js';
import { adminRoute } from './admin/routes.js';
import { resolveAdmin } from './admin/options.js';
import type { OgoneHandlerOptions } from './types.js';

export type { FetchHandler };

/** The endpoint: a web-standard handler that can be closed (stops its outbox worker). */
export interface OgoneHandler extends FetchHandler {
  /**
   * Stops the outbox worker (waiting a few seconds for deliveries in flight). Does not close the
   * ledger, which you opened. Resolves at once without a ledger.
   */
  close(): Promise<void>;
  /**
   * Capture, cancel, refund, status and reconcile on this endpoint's ledger with its API user
   * (see `createOgoneOperations`); their results reach `onPaymentResult` through this handler's
   * outbox. Without a ledger or API user each call rejects with a typed `OgoneOperationError`.
   */
  readonly operations: OgoneOperations;
}

/**
 * Creates the companion endpoint: a web-standard `(Request) => Promise<Response>` answering
 * `POST <basePath>/sign`, `POST <basePath>/verify`, `GET|POST <basePath>/feedback`,
 * `GET <basePath>/cards`, `DELETE <basePath>/cards/<id>`, `POST <basePath>/pay` and, with a
 * ledger, `GET <basePath>/orders/<orderRef>` and `GET <basePath>/challenge/<id>`. Options are
 * validated now: a wrong one throws {@link OgoneConfigError} naming it.
 */
export function createOgoneHandler(options: OgoneHandlerOptions): OgoneHandler {
  const resolved = resolveOptions(options);
  const admin = resolveAdmin(options.admin, resolved.ledger !== undefined);
  const worker = createWorker(resolved);
  const operations = operationsFor(resolved, () => worker?.wake());
  const routes: RouteTable = {
    sign: signRoute(resolved),
    verify: verifyRoute(resolved, worker),
    feedback: feedbackRoute(resolved, worker),
    ...(resolved.ledger !== undefined ? { orders: ordersRoute(resolved) } : {}),
    // Saved cards: always answered, so a shop without an API user or ledger says why they are off.
    cards: cardsRoute(resolved),
    pay: payRoute(resolved, worker),
    ...(resolved.ledger !== undefined ? { challenge: challengeRoute(resolved) } : {}),
    // The page offers Capture, Cancel and Refund only with an API user (else it says why not).
    ...(admin !== undefined
      ? { admin: adminRoute(resolved, admin, resolved.directLink ? operations : undefined) }
      : {}),
  };
  const core = createCore(resolved, routes);
  const handler = (async (request: Request) =>
    toResponse(await core.handle(fromRequest(request)))) as OgoneHandler;
  Object.defineProperty(handler, CORE, { value: core });
  Object.defineProperty(handler, 'operations', {
    value: operations,
    enumerable: true,
  });
  handler.close = async () => {
    await worker?.close();
  };
  if (resolved.outbox.worker) worker?.start();
  return handler;
}
