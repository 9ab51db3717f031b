/**
 * `createWorldlineSandbox`: a local stand-in for Worldline Direct (the v2 "Online Payments" API)
 * as one web-standard handler, to mount beside the Ogone sandbox under its own base path.
 *
 * - `/v2/{merchantId}/…`: the API, every request's v1HMAC signature verified (raw and decoded path
 *   forms, Content-Type ignored on GET, a `Date` skew window, chunked bodies); hosted checkouts,
 *   payments with a token (legacy Ogone aliases accepted through `legacyAlias`), capture, cancel,
 *   refund, tokens, test connection, with the documented HTTP codes and error shapes;
 *   idempotence keys honoured.
 * - `/hostedcheckout/…`: the shopper's page (its own look; the test cards of the Ogone sandbox plus
 *   a 3-D Secure challenge card; save-card consent; cancel), back to `returnUrl` with
 *   `hostedCheckoutId` and `RETURNMAC`. `/threedsecure/…`: the token payments' challenge.
 * - Signed webhooks (`X-GCS-Signature`, `X-GCS-KeyId`) to `webhookUrl` and each payment's
 *   `feedbacks.webhooksUrls`, retried; `GET /sandbox/webhook-log` shows the attempts.
 * - Bounded memory everywhere (`maxEntries`). Not exported from the package yet.
 */
import type { FetchHandler } from '../../internal/node-bridge.js';
import { errorBody } from './api-errors.js';
import { handleApi } from './api-router.js';
import type { SandboxContext } from './context.js';
import { handleCheckoutPage } from './hosted-page.js';
import { jsonResponse } from './http.js';
import { IdempotenceStore } from './idempotence.js';
import { resolveWorldlineSandboxOptions, type WorldlineSandboxOptions } from './options.js';
import { SandboxState } from './state.js';
import { handleTokenChallenge } from './token-challenge.js';
import { WebhookSender, type WebhookDelivery } from './webhooks.js';

export interface WorldlineSandbox {
  handler: FetchHandler;
  /** Resolves when no webhook is in flight or waiting for a retry. */
  idle(): Promise<void>;
  /** Cancels pending webhook retries (the handler keeps answering). */
  close(): void;
  /** Webhook attempts so far, oldest first (bounded). */
  webhookLog(): readonly WebhookDelivery[];
}

const CHECKOUT_PAGE =
  /^\/hostedcheckout\/PaymentMethods\/Selection\/([A-Za-z0-9_-]{1,64})(\/challenge)?$/;
const TOKEN_CHALLENGE = /^\/threedsecure\/challenge\/([A-Za-z0-9_-]{1,64})$/;

/** Creates the sandbox. Throws `SandboxOptionsError` naming a wrong option. */
export function createWorldlineSandbox(options: WorldlineSandboxOptions): WorldlineSandbox {
  const config = resolveWorldlineSandboxOptions(options);
  const context: SandboxContext = {
    config,
    state: new SandboxState(config.maxEntries, config.legacyAlias),
    idempotence: new IdempotenceStore(config.maxEntries, () => config.now().getTime()),
    webhooks: new WebhookSender({
      keyId: config.webhookKeyId,
      secret: config.webhookSecret,
      fetch: config.fetch,
      retryDelaysMs: config.webhookRetryDelaysMs,
      timeoutMs: config.webhookTimeoutMs,
      maxLogEntries: config.maxEntries,
      now: config.now,
    }),
  };

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const { basePath } = config;
    if (basePath !== '' && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
      return jsonResponse(errorBody('not-found'));
    }
    const path = url.pathname.slice(basePath.length) || '/';
    if (path.startsWith('/v2/')) return handleApi(context, request, path, url.origin);
    const checkout = CHECKOUT_PAGE.exec(path);
    const challenge = TOKEN_CHALLENGE.exec(path);
    if (checkout !== null || challenge !== null) {
      if (request.method !== 'GET' && request.method !== 'POST') {
        return new Response(null, { status: 405, headers: { allow: 'GET, POST' } });
      }
      return checkout !== null
        ? handleCheckoutPage(context, request, checkout[1]!, checkout[2] !== undefined)
        : handleTokenChallenge(context, request, challenge![1]!);
    }
    if (path === '/sandbox/webhook-log' && request.method === 'GET') {
      return jsonResponse({
        status: 200,
        body: { webhookUrl: config.webhookUrl ?? null, deliveries: context.webhooks.log },
      });
    }
    return jsonResponse(errorBody('not-found'));
  }

  const handler: FetchHandler = async (request) => {
    try {
      return await route(request);
    } catch {
      return jsonResponse(errorBody('internal-error'));
    }
  };

  return {
    handler,
    idle: () => context.webhooks.idle(),
    close: () => context.webhooks.close(),
    webhookLog: () => context.webhooks.log,
  };
}
