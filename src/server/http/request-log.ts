/** One log entry per request: method, path (never the query), status, code, time, references. */
import type { RequestLogEntry } from '../types.js';
import type { CoreRequest, CoreResponse } from './core.js';

/** What a route learnt about a request, for its log line. */
export interface Facts {
  orderRef?: string;
  orderId?: string;
  idempotencyKey?: string;
  /** The path to log instead of the real one (a one-time secret in the path stays out of logs). */
  logPath?: string;
}

export function requestLogEntry(
  req: CoreRequest,
  response: CoreResponse,
  code: RequestLogEntry['code'],
  startedAt: number,
  facts: Facts,
): RequestLogEntry {
  return {
    level: response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'info',
    event: 'request',
    method: req.method.slice(0, 16),
    path: (facts.logPath ?? req.pathname).slice(0, 200),
    status: response.status,
    code,
    durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
    orderRef: facts.orderRef,
    orderId: facts.orderId,
    idempotencyKey: facts.idempotencyKey,
  };
}
