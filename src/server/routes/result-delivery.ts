/**
 * How verified results reach `onPaymentResult` when a ledger records them: the outbox payload
 * (the result and the feedback's method and URL), the worker that delivers it, and its log lines.
 */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { OutboxWorker, type WorkerReport } from '../ledger/outbox-worker.js';
import type { FeedbackResult, OgoneRequest } from '../types.js';

/** What the outbox stores for one delivery. */
export interface DeliveryPayload {
  result: FeedbackResult;
  /** The feedback request's method and URL without its query (which carried the result). */
  request: { method: string; url: string };
}

const NO_HEADERS = { get: (): null => null };

export function deliveryPayload(result: FeedbackResult, info: OgoneRequest): DeliveryPayload {
  let url = '';
  try {
    const parsed = new URL(info.url);
    url = `${parsed.origin}${parsed.pathname}`;
  } catch {
    url = '';
  }
  return { result, request: { method: info.method, url } };
}

function report(o: ResolvedOptions, r: WorkerReport): void {
  if (r.kind === 'ledger-failed') {
    o.log({
      level: 'error',
      event: 'ledger-failed',
      message: `The outbox worker cannot reach the ledger: ${o.scrub(r.error)}`.slice(0, 600),
    });
    return;
  }
  const key = r.claimed.idempotencyKey;
  o.log({
    level: r.kind === 'dead' ? 'error' : 'warn',
    event: r.kind === 'dead' ? 'delivery-dead' : 'delivery-retry',
    hook: 'onPaymentResult',
    idempotencyKey: key,
    attempt: r.claimed.attempt,
    message:
      r.kind === 'dead'
        ? `Gave up delivering ${key} after ${r.claimed.attempt} attempts (dead letter): ${o.scrub(r.error)}`.slice(
            0,
            600,
          )
        : `Delivering ${key} failed (attempt ${r.claimed.attempt}); retrying in ${Math.round(r.retryInMs / 1000)} s: ${o.scrub(r.error)}`.slice(
            0,
            600,
          ),
  });
}

/** The outbox worker of a handler with a ledger (`undefined` without one). */
export function createWorker(o: ResolvedOptions): OutboxWorker | undefined {
  if (o.ledger === undefined) return undefined;
  const deliver = async (payload: unknown) => {
    const { result, request } = payload as DeliveryPayload;
    const info: OgoneRequest = { method: request.method, url: request.url, headers: NO_HEADERS };
    await o.onPaymentResult(result, info);
  };
  return new OutboxWorker(o.ledger, o.outbox, deliver, (r) => report(o, r));
}
