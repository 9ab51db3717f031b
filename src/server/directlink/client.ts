/**
 * `createDirectLinkClient`: the API user's client for orderdirect, maintenancedirect and
 * querydirect — fields checked, exchanges logged without values, lost answers recovered by the
 * rules of `recovery.ts`, secrets scrubbed from everything that leaves it.
 */
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import type { DirectLinkPage } from '../../protocol/environment.js';
import type { Params } from '../../protocol/sign.js';
import { defaultDigest } from '../digest.js';
import type { Exchange } from './classify.js';
import { DirectLinkError, type DirectLinkErrorCode, type LossReason } from './errors.js';
import { maintenanceFields, orderDirectFields, queryFields } from './fields.js';
import {
  afterMaintenanceQuery,
  afterMaintenanceSend,
  afterOrderQuery,
  afterOrderSend,
  type Next,
  type Sent,
} from './recovery.js';
import { createScrubber } from './scrub.js';
import { resolveTimeouts } from './timeouts.js';
import { exchange, type TransportConfig } from './transport.js';
import type {
  Clock,
  DirectLinkClient,
  DirectLinkClientOptions,
  DirectLinkResult,
  QueryRequest,
} from './types.js';

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Which recovery rules a page follows (querydirect itself is never resent). */
interface Rules {
  afterSend(sent: Sent): Next;
  afterQuery(queried: Sent, sends: number): Next;
}

/** One exchange of the page itself: an answer or a lost one. */
type Sending = { kind: 'answer'; answer: DirectLinkAnswer } | { kind: 'lost'; reason: LossReason };

/** A query is never resent nor recovered: its lost answer is an error to retry later. */
const QUERY_LOSS_CODES: Record<LossReason, DirectLinkErrorCode> = {
  timeout: 'timeout',
  'connection-reset': 'unreachable',
  'server-error': 'invalid-answer',
  'not-xml': 'invalid-answer',
};

/** Who a call is about, for errors and log lines. */
interface Subject {
  orderId?: string | undefined;
  payId?: string | undefined;
}

/** Creates the client. Throws `OgoneConfigError` for timeouts out of range. */
export function createDirectLinkClient(options: DirectLinkClientOptions): DirectLinkClient {
  const timeouts = resolveTimeouts(options.requestTimeoutSeconds, options.clientTimeoutMs);
  const clock = options.clock ?? systemClock;
  const config: TransportConfig = {
    pspid: options.pspid,
    userId: options.userId,
    password: options.password,
    shaIn: options.shaIn,
    hashAlgorithm: options.hashAlgorithm,
    environment: options.environment,
    ...timeouts,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    clock,
    digest: options.digest ?? defaultDigest,
  };
  const scrub = createScrubber([options.password, options.shaIn, ...(options.secrets ?? [])]);
  const log = scrub.logger(options.log);

  const fail = (
    code: DirectLinkErrorCode,
    message: string,
    page: DirectLinkPage,
    subject: Subject,
    extra: { httpStatus?: number | undefined; lostBecause?: LossReason | undefined } = {},
  ) => new DirectLinkError(code, scrub.text(message), { page, ...subject, ...extra });

  /** One exchange, logged; refusals and unreachable hosts thrown, the rest handed to the rules. */
  async function send(page: DirectLinkPage, fields: Params, subject: Subject): Promise<Sending> {
    const started = clock.now();
    let result: Exchange;
    try {
      result = await exchange(config, page, fields);
    } catch {
      throw fail(
        'invalid-request',
        `DirectLink ${page}: the request could not be signed.`,
        page,
        subject,
      );
    }
    const durationMs = clock.now() - started;
    if (result.kind === 'answer') {
      const { answer } = result;
      log({
        level: 'info',
        event: 'directlink',
        page,
        step: 'sent',
        orderId: answer.orderId ?? subject.orderId,
        payId: answer.payId ?? subject.payId,
        payIdSub: answer.payIdSub,
        status: answer.status,
        ncError: answer.ncError,
        durationMs,
      });
      return { kind: 'answer', answer: scrub.answer(answer) };
    }
    const problem = result.kind === 'lost' ? result.reason : result.code;
    log({
      level: result.kind === 'lost' ? 'warn' : 'error',
      event: 'directlink',
      page,
      step: 'sent',
      ...subject,
      problem,
      durationMs,
    });
    if (result.kind === 'lost') return { kind: 'lost', reason: result.reason };
    throw fail(result.code, `DirectLink ${page}: ${result.detail}.`, page, subject, {
      httpStatus: result.httpStatus,
    });
  }

  /** A querydirect exchange inside a recovery: its refusals count as "could not say". */
  async function recoveryQuery(query: QueryRequest, subject: Subject): Promise<Sent> {
    try {
      return await send('querydirect', queryFields(query), subject);
    } catch (error) {
      if (error instanceof DirectLinkError && error.code !== 'invalid-request') {
        return { kind: 'lost', reason: error.code };
      }
      throw error;
    }
  }

  /** Sends, and follows the rules until they return or fail. */
  async function run(
    page: DirectLinkPage,
    fields: Params,
    subject: Subject,
    rules: Rules,
  ): Promise<DirectLinkResult> {
    let sends = 1;
    let sent = await send(page, fields, subject);
    const firstLoss = sent.kind === 'lost' ? sent.reason : undefined;
    let next = rules.afterSend(sent);
    for (;;) {
      switch (next.do) {
        case 'return':
          if (sends > 1 || next.source === 'query') {
            log({ level: 'warn', event: 'directlink', page, step: 'resolved', ...subject });
          }
          return { answer: next.answer, source: next.source, sends };
        case 'query': {
          log({ level: 'warn', event: 'directlink', page, step: 'query', ...subject });
          const queried = await recoveryQuery(next.query, subject);
          next = rules.afterQuery(queried, sends);
          break;
        }
        case 'resend':
          log({ level: 'warn', event: 'directlink', page, step: 'resend', ...subject });
          sends++;
          sent = await send(page, fields, subject);
          next = rules.afterSend(sent);
          break;
        case 'fail':
          log({
            level: 'error',
            event: 'directlink',
            page,
            step: 'failed',
            ...subject,
            problem: next.code,
          });
          throw fail(next.code, `DirectLink ${page}: ${next.why}.`, page, subject, {
            lostBecause: firstLoss,
          });
      }
    }
  }

  return {
    userId: options.userId,

    async orderDirect(request) {
      const fields = orderDirectFields(request);
      const fixed = { ...request };
      return run(
        'orderdirect',
        fields,
        { orderId: fixed.orderId },
        {
          afterSend: (sent) => afterOrderSend(fixed, sent),
          afterQuery: (queried, sends) => afterOrderQuery(fixed, queried, sends),
        },
      );
    },

    async maintenanceDirect(request) {
      const fields = maintenanceFields(request);
      const fixed = { ...request };
      return run(
        'maintenancedirect',
        fields,
        { payId: fixed.payId },
        {
          afterSend: (sent) => afterMaintenanceSend(fixed, sent),
          afterQuery: (queried, sends) => afterMaintenanceQuery(fixed, queried, sends),
        },
      );
    },

    async queryDirect(request) {
      const fields = queryFields(request);
      const subject = 'payId' in request ? { payId: request.payId } : { orderId: request.orderId };
      const sent = await send('querydirect', fields, subject);
      if (sent.kind === 'answer') return { answer: sent.answer, source: 'direct', sends: 1 };
      throw fail(
        QUERY_LOSS_CODES[sent.reason],
        `DirectLink querydirect: no usable answer (${sent.reason}).`,
        'querydirect',
        subject,
        { lostBecause: sent.reason },
      );
    },
  };
}
