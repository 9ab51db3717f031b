/**
 * The client's one way to make a call: validate the idempotence key (or make one), send, write one
 * log line (scrubbed, never throwing), and turn a failure into a `WorldlineError`. Every method of
 * the client goes through {@link createCaller}.
 */
import { redactor } from '../../../internal/redact.js';
import { WorldlineError } from './errors.js';
import { isIdempotenceKey, newIdempotenceKey } from './idempotence.js';
import { send, type Call, type TransportConfig } from './transport.js';
import type { CallOptions, Clock, Idempotence, WorldlineLogEntry } from './types.js';

/** A successful call: the JSON body (absent on 204) and what idempotence said. */
export interface Answer {
  httpStatus: number;
  body: Record<string, unknown> | undefined;
  idempotence: Idempotence | undefined;
}

export type Caller = (
  call: Omit<Call, 'idempotenceKey' | 'timeoutMs' | 'signal'> & { creating: boolean },
  options: CallOptions | undefined,
) => Promise<Answer>;

/** A scrubber for both secrets (and their URL-encoded forms). */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  return redactor(secrets);
}

function safeLogger(
  log: ((entry: WorldlineLogEntry) => void) | undefined,
  scrub: (text: string) => string,
): (entry: WorldlineLogEntry) => void {
  return (entry) => {
    if (log === undefined) return;
    try {
      log(JSON.parse(scrub(JSON.stringify(entry))) as WorldlineLogEntry);
    } catch {
      // A failing logger never changes a payment.
    }
  };
}

/** A parsed JSON value with every secret replaced (`undefined` if that breaks it). */
function scrubbedJson(value: unknown, scrub: (text: string) => string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(scrub(JSON.stringify(value)));
  } catch {
    return undefined;
  }
}

/** Builds the caller of a client. */
export function createCaller(
  config: TransportConfig,
  log: ((entry: WorldlineLogEntry) => void) | undefined,
): Caller {
  const write = safeLogger(log, config.scrub);
  return async (call, options) => {
    let idempotenceKey: string | undefined;
    if (call.creating) {
      idempotenceKey = options?.idempotenceKey ?? newIdempotenceKey();
      if (!isIdempotenceKey(idempotenceKey)) {
        throw new WorldlineError(
          'invalid-request',
          `${call.operation}: idempotenceKey must be 1-40 printable ASCII characters without spaces.`,
          { operation: call.operation },
        );
      }
    }
    const sent = await send(config, {
      ...call,
      idempotenceKey,
      timeoutMs: options?.timeoutMs,
      signal: options?.signal,
    });
    const { exchange } = sent;
    const entry: WorldlineLogEntry = {
      level: 'info',
      event: 'worldline-direct',
      operation: call.operation,
      method: call.method,
      path: sent.path,
      httpStatus: exchange.httpStatus,
      durationMs: sent.durationMs,
      idempotenceKey,
      replayed: sent.replayedFrom === undefined ? undefined : true,
    };
    if (exchange.kind === 'answer') {
      write(entry);
      return {
        httpStatus: exchange.httpStatus,
        body: exchange.body,
        idempotence:
          idempotenceKey === undefined
            ? undefined
            : { key: idempotenceKey, replayedFrom: sent.replayedFrom },
      };
    }
    const effectIsRefusal = ['not-found', 'rejected', 'declined', 'not-allowed'].includes(
      exchange.code,
    );
    write({
      ...entry,
      level: effectIsRefusal ? 'warn' : 'error',
      code: exchange.code,
      errorId: exchange.errorId,
    });
    throw new WorldlineError(
      exchange.code,
      config.scrub(`Worldline Direct ${call.operation}: ${exchange.message.replace(/\.+$/, '')}.`),
      {
        operation: call.operation,
        httpStatus: exchange.httpStatus,
        errorId: exchange.errorId,
        errors: exchange.errors,
        idempotenceKey,
        paymentResult: scrubbedJson(exchange.paymentResult, config.scrub),
      },
    );
  };
}

export /** The real clock. */
const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** An id for a path: 1-100 characters, no control characters, percent-encoded. */
export function segment(operation: string, field: string, id: string): string {
  if (typeof id !== 'string' || !/^[^\u0000-\u001f\u007f]{1,100}$/.test(id)) {
    throw new WorldlineError(
      'invalid-request',
      `${operation}: ${field} must be 1-100 characters.`,
      {
        operation,
      },
    );
  }
  return encodeURIComponent(id);
}

export function invalidAnswer(operation: string, what: string, answer: Answer): WorldlineError {
  return new WorldlineError(
    'invalid-answer',
    `Worldline Direct ${operation}: the answer has no ${what}.`,
    {
      operation,
      httpStatus: answer.httpStatus,
      idempotenceKey: answer.idempotence?.key,
    },
  );
}
