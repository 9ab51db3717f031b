/**
 * The Ogone sandbox: a web-standard handler that plays Ogone's hosted payment page with the real
 * protocol (SHA-IN in, SHA-OUT back, redirect rules, online-then-deferred feedback). This file
 * only wires the state and the routes together.
 */
import type { FetchHandler } from '../internal/node-bridge.js';
import { FeedbackSender, type FeedbackDelivery } from './feedback.js';
import type { HostedPageContext } from './hosted-page/context.js';
import { openHostedPage } from './hosted-page/open-page.js';
import { submitPayment } from './hosted-page/pay.js';
import { errorResponse, jsonResponse } from './http/responses.js';
import { matchRoute } from './http/router.js';
import { resolveSandboxOptions, type SandboxOptions } from './options.js';
import { PaidOrders } from './state/paid-orders.js';
import { PayIds } from './state/pay-ids.js';
import { SessionStore } from './state/sessions.js';

export type { FetchHandler };

/** A running sandbox. */
export interface Sandbox {
  /** Serves `/ncol/{test,prod}/orderstandard_utf8.asp`, the payment form and the feedback log. */
  handler: FetchHandler;
  /** Resolves when no feedback delivery is in flight or waiting for a retry. */
  idle(): Promise<void>;
  /** Cancels pending feedback retries (the handler keeps answering). */
  close(): void;
  /** Feedback attempts so far, oldest first (what `GET /ncol/sandbox/feedback-log` answers). */
  feedbackLog(): readonly FeedbackDelivery[];
}

/** Creates a sandbox. Throws `SandboxOptionsError` for a wrong option. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const config = resolveSandboxOptions(options);
  const feedback =
    config.feedbackUrl === undefined
      ? undefined
      : new FeedbackSender({
          url: config.feedbackUrl,
          fetch: config.fetch,
          retryDelaysMs: config.feedbackRetryDelaysMs,
          timeoutMs: config.feedbackTimeoutMs,
          maxLogEntries: config.maxEntries,
          now: config.now,
        });
  const context: HostedPageContext = {
    config,
    sessions: new SessionStore(config.maxEntries, config.now),
    paidOrders: new PaidOrders(config.maxEntries),
    payIds: new PayIds(),
    feedback,
  };
  const feedbackLog = (): readonly FeedbackDelivery[] => feedback?.log ?? [];

  async function route(request: Request): Promise<Response> {
    const match = matchRoute(new URL(request.url).pathname, config.basePath);
    const method = request.method;
    if (match === undefined) {
      return errorResponse(
        {
          errorText: 'page not found',
          hint: 'The hosted payment page is /ncol/test/orderstandard_utf8.asp.',
        },
        404,
      );
    }
    switch (match.page) {
      case 'feedback-log':
        if (method !== 'GET') return errorResponse({ errorText: 'method not allowed' }, 405);
        return jsonResponse({ feedbackUrl: config.feedbackUrl ?? null, deliveries: feedbackLog() });
      case 'pay':
        return submitPayment(request, context);
      case 'hosted-page-latin1':
      case 'hosted-page':
        if (method !== 'GET' && method !== 'POST') {
          return errorResponse({ errorText: 'method not allowed' }, 405);
        }
        if (match.page === 'hosted-page-latin1') {
          return errorResponse({
            errorText: 'page not available in this sandbox',
            hint: 'Use the UTF-8 page orderstandard_utf8.asp: non-ASCII names would be mangled otherwise.',
          });
        }
        return openHostedPage(request, context, match.environment);
    }
  }

  const handler: FetchHandler = async (request) => {
    try {
      return await route(request);
    } catch {
      return errorResponse(
        { errorText: 'internal error', hint: 'The sandbox could not handle this request.' },
        500,
      );
    }
  };

  return {
    handler,
    idle: () => feedback?.idle() ?? Promise.resolve(),
    close: () => feedback?.close(),
    feedbackLog,
  };
}
