/**
 * The Ogone sandbox: a web-standard handler that plays the platform with the real protocol — the
 * hosted payment page (SHA-IN in, SHA-OUT back, redirect rules, online-then-deferred feedback),
 * DirectLink (orderdirect, maintenancedirect, querydirect) and 3-D Secure. This file only wires
 * the state and the routes together.
 */
import type { FetchHandler } from '../internal/node-bridge.js';
import type { SandboxContext } from './context.js';
import { serveDirectLink } from './directlink/pages.js';
import { FeedbackSender, type FeedbackDelivery } from './feedback.js';
import { openHostedPage } from './hosted-page/open-page.js';
import { submitPayment } from './hosted-page/pay.js';
import { errorResponse, jsonResponse } from './http/responses.js';
import { matchRoute } from './http/router.js';
import { resolveSandboxOptions, type SandboxOptions } from './options.js';
import { answerControls, sandboxControls, type SandboxControls } from './sandbox-pages/controls.js';
import { AliasStore } from './state/aliases.js';
import type { LegacyCard } from './worldline/options.js';
import { ChallengeStore } from './state/challenges.js';
import { Controls } from './state/controls.js';
import { PaidOrders } from './state/paid-orders.js';
import { PayIds } from './state/pay-ids.js';
import { PaymentStore } from './state/payments.js';
import { Scheduler } from './state/scheduler.js';
import { SessionStore } from './state/sessions.js';
import { answerChallenge } from './three-ds/challenge-page.js';

export type { FetchHandler };

/** A running sandbox. */
export interface Sandbox {
  /** Serves the platform's pages under `/ncol/{test,prod}/` and its own under `/ncol/sandbox/`. */
  handler: FetchHandler;
  /**
   * `fetch` for code in the same process (e.g. a DirectLink client under test): the handler,
   * with a lost answer (`controls.dropNextAnswer`) rejected as a network error and `init.signal`
   * honoured, as `globalThis.fetch` would.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Test controls: hold payments uncertain, lose DirectLink answers. */
  controls: SandboxControls;
  /**
   * Resolves when no feedback delivery, pending after-sale step or timed hold is waiting (a hold
   * without `untilMs` waits for `releaseUncertain`, not for this).
   */
  idle(): Promise<void>;
  /** Cancels pending feedback retries, after-sale steps and holds (the handler keeps answering). */
  close(): void;
  /** Feedback attempts so far, oldest first (what `GET /ncol/sandbox/feedback-log` answers). */
  feedbackLog(): readonly FeedbackDelivery[];
  /**
   * The card behind an alias this sandbox saved for its PSPID (`expired` past its ED month,
   * `undefined` if unknown): what the Worldline Direct sandbox's `legacyAlias` takes, so aliases
   * saved here pay there as legacy tokens.
   */
  aliasCard(alias: string): LegacyCard | 'expired' | undefined;
}

function notFound(): Promise<Response> {
  return errorResponse(
    {
      errorText: 'page not found',
      hint: 'The hosted payment page is /ncol/test/orderstandard_utf8.asp.',
    },
    404,
  );
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
  const context: SandboxContext = {
    config,
    sessions: new SessionStore(config.maxEntries, config.now),
    challenges: new ChallengeStore(config.maxEntries, config.now),
    paidOrders: new PaidOrders(config.maxEntries),
    payIds: new PayIds(),
    payments: new PaymentStore(config.maxEntries),
    aliases: new AliasStore(config.maxEntries),
    scheduler: new Scheduler(),
    controls: new Controls(),
    feedback,
  };
  const feedbackLog = (): readonly FeedbackDelivery[] => feedback?.log ?? [];

  async function route(request: Request): Promise<Response> {
    const match = matchRoute(new URL(request.url).pathname, config.basePath);
    if (match === undefined) return notFound();
    const { page, environment, encoding } = match;
    switch (page) {
      case 'feedback-log':
        if (request.method !== 'GET')
          return errorResponse({ errorText: 'method not allowed' }, 405);
        return jsonResponse({ feedbackUrl: config.feedbackUrl ?? null, deliveries: feedbackLog() });
      case 'controls':
        return answerControls(request, context.controls);
      case 'pay':
        return submitPayment(request, context);
      case 'three-ds':
        return answerChallenge(request, context);
      case 'orderdirect':
      case 'maintenancedirect':
      case 'querydirect':
        return serveDirectLink(request, context, page, environment, encoding);
      case 'hosted-page':
        if (request.method !== 'GET' && request.method !== 'POST') {
          return errorResponse({ errorText: 'method not allowed' }, 405);
        }
        if (encoding !== 'utf-8') {
          return errorResponse({
            errorText: 'page not available in this sandbox',
            hint: 'Use the UTF-8 page orderstandard_utf8.asp: non-ASCII names would be mangled otherwise.',
          });
        }
        return openHostedPage(request, context, environment);
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

  async function inProcessFetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> {
    const request = new Request(input, init);
    const signal = request.signal;
    signal.throwIfAborted();
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
    );
    const response = await Promise.race([handler(request), aborted]);
    if (response.type === 'error') throw new TypeError('fetch failed: the connection was reset');
    return response;
  }

  async function idle(): Promise<void> {
    // A settled step sends a feedback, whose retries may outlive it: wait until both are quiet.
    while (context.scheduler.busy || feedback?.busy === true) {
      await context.scheduler.idle();
      await feedback?.idle();
    }
  }

  return {
    handler,
    fetch: inProcessFetch,
    controls: sandboxControls(context.controls),
    idle,
    close: () => {
      context.scheduler.close();
      context.controls.close();
      feedback?.close();
    },
    feedbackLog,
    aliasCard: (alias) => context.aliases.card(config.pspid, alias, config.now()),
  };
}
