/**
 * The lost-answer rules, as pure decisions: after each exchange, return the answer, ask
 * querydirect, send again (only once querydirect showed the call was not processed) or give up
 * with a typed error. A payment is never charged twice, a capture or refund never applied twice.
 */
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import { isUnknownToQuery, NCERROR } from '../../protocol/directlink-ncerror.js';
import type { DirectLinkErrorCode, LossReason } from './errors.js';
import type {
  MaintenanceOperation,
  MaintenanceRequest,
  OrderDirectRequest,
  QueryRequest,
} from './types.js';

/**
 * What one exchange gave, as far as recovery cares: an answer, or none (lost, or — for a query
 * inside a recovery — refused).
 */
export type Sent =
  | { kind: 'answer'; answer: DirectLinkAnswer }
  | { kind: 'lost'; reason: LossReason | DirectLinkErrorCode };

/** What to do next. */
export type Next =
  | { do: 'return'; answer: DirectLinkAnswer; source: 'direct' | 'query' }
  | { do: 'query'; query: QueryRequest }
  | { do: 'resend' }
  | { do: 'fail'; code: 'answer-lost' | 'not-processed'; why: string };

/** A call is sent at most twice: the second time only after querydirect proved the first failed. */
export const MAX_SENDS = 2;

/** `STATUS="88"`: the query itself failed. */
const QUERY_FAILED = 88;

function notProcessed(sends: number, why: string): Next {
  return sends < MAX_SENDS
    ? { do: 'resend' }
    : { do: 'fail', code: 'not-processed', why: `${why}; not sent a third time` };
}

function lostQuery(reason: string): Next {
  return {
    do: 'fail',
    code: 'answer-lost',
    why: `querydirect could not say what happened (${reason})`,
  };
}

function unusableQuery(answer: DirectLinkAnswer): boolean {
  return answer.status === undefined || answer.status === QUERY_FAILED;
}

/**
 * `orderdirect`, after a send. `50001113` (the ORDERID was already processed: nothing charged
 * again) and a lost answer are both resolved by querydirect, by PAYID when Ogone gave one.
 */
export function afterOrderSend(request: OrderDirectRequest, sent: Sent): Next {
  if (sent.kind === 'lost') return { do: 'query', query: { orderId: request.orderId } };
  const { answer } = sent;
  if (answer.ncError !== NCERROR.alreadyProcessed) {
    return { do: 'return', answer, source: 'direct' };
  }
  const payId = answer.payId !== undefined && answer.payId !== '0' ? answer.payId : undefined;
  return { do: 'query', query: payId ? { payId } : { orderId: request.orderId } };
}

/**
 * `orderdirect`, after querydirect. Ogone refuses a second payment for one ORDERID
 * (`50001113`), so sending the same ORDERID again after "unknown order" cannot charge twice.
 */
export function afterOrderQuery(request: OrderDirectRequest, queried: Sent, sends: number): Next {
  if (queried.kind === 'lost') return lostQuery(queried.reason);
  const { answer } = queried;
  if (isUnknownToQuery(answer)) {
    return notProcessed(sends, 'querydirect does not know the order: it was not processed');
  }
  if (unusableQuery(answer)) return lostQuery('the query failed');
  if (answer.orderId !== undefined && answer.orderId !== request.orderId) {
    return { do: 'fail', code: 'answer-lost', why: 'querydirect answered about another order' };
  }
  return { do: 'return', answer, source: 'query' };
}

/** The STATUS codes an operation's own step may carry: pending, final, uncertain or refused. */
const STEP_STATUSES: Record<MaintenanceOperation, ReadonlySet<number>> = {
  SAL: new Set([9, 91, 92, 93, 95]),
  SAS: new Set([9, 91, 92, 93, 95]),
  DES: new Set([6, 61, 62, 63, 64]),
  DEL: new Set([6, 61, 62, 63, 64]),
  // A refund on a payment not yet settled becomes a payment deletion (7x).
  RFD: new Set([8, 81, 82, 83, 84, 85, 94, 7, 71, 72, 73, 74]),
  RFS: new Set([8, 81, 82, 83, 84, 85, 94, 7, 71, 72, 73, 74]),
};

/** The step this operation becomes in the payment's history. */
export function expectedStep(request: MaintenanceRequest): number {
  return request.lastPayIdSub + 1;
}

/**
 * `maintenancedirect`, after a send. Maintenance has no idempotency key: a lost answer is checked
 * at its own step (PAYID + PAYIDSUB) before anything is sent again.
 */
export function afterMaintenanceSend(request: MaintenanceRequest, sent: Sent): Next {
  if (sent.kind === 'answer') return { do: 'return', answer: sent.answer, source: 'direct' };
  return { do: 'query', query: { payId: request.payId, payIdSub: expectedStep(request) } };
}

/**
 * `maintenancedirect`, after querydirect at the expected step. Sent again only when Ogone shows
 * the step does not exist (unknown, or the payment's latest step is below it); the step exists
 * and is this operation's (status of its kind, same amount): it went through. Anything else —
 * another kind, another amount, a later step, no step number — cannot be told apart from "it went
 * through", so it is never sent again.
 */
export function afterMaintenanceQuery(
  request: MaintenanceRequest,
  queried: Sent,
  sends: number,
): Next {
  if (queried.kind === 'lost') return lostQuery(queried.reason);
  const { answer } = queried;
  const step = expectedStep(request);
  if (isUnknownToQuery(answer)) {
    return notProcessed(sends, `querydirect does not know step ${step}: it was not applied`);
  }
  if (unusableQuery(answer)) return lostQuery('the query failed');
  const answered = answer.payIdSub === undefined ? Number.NaN : Number(answer.payIdSub);
  if (!Number.isInteger(answered)) {
    return { do: 'fail', code: 'answer-lost', why: 'querydirect gave no step (PAYIDSUB)' };
  }
  if (answered < step) {
    return notProcessed(sends, `the payment's latest step is ${answered}: it was not applied`);
  }
  if (answered > step) {
    return { do: 'fail', code: 'answer-lost', why: `the payment is already at step ${answered}` };
  }
  if (!STEP_STATUSES[request.operation].has(answer.status!)) {
    return { do: 'fail', code: 'answer-lost', why: `step ${step} is another kind of operation` };
  }
  if (answer.minorAmount !== undefined && answer.minorAmount !== request.minorAmount) {
    return { do: 'fail', code: 'answer-lost', why: `step ${step} has another amount` };
  }
  return { do: 'return', answer, source: 'query' };
}
