/**
 * What the Worldline Direct API said, in the shape of a DirectLink answer (for
 * `directlink-adapter.ts`): `STATUS` the legacy statusCode, `PAYIDSUB` the operation's index, a
 * refusal `STATUS` 0 with the platform's error code as `NCERROR`; other failures as the
 * `DirectLinkError` they amount to (a lost answer: `answer-lost`, resolved by a status query).
 */
import type { DirectLinkAnswer } from '../../../protocol/directlink-answer.js';
import { fromOgoneAmount } from '../../../protocol/amount.js';
import { describeStatus } from '../../../protocol/status.js';
import { DirectLinkError, type DirectLinkErrorCode } from '../../directlink/errors.js';
import type { DirectLinkResult } from '../../directlink/types.js';
import { WorldlineError } from './errors.js';
import type { Money, PaymentView } from './types.js';

export type Page = 'orderdirect' | 'maintenancedirect' | 'querydirect';

/** `<id>_N` → N (the operation's step); the payment's own id is step 0. */
export function operationStep(operationId: string, paymentId: string): number {
  if (operationId === paymentId) return 0;
  const match = /_(\d{1,9})$/.exec(operationId);
  return match === null ? 0 : Number(match[1]);
}

export interface AnswerFields {
  orderId?: string | undefined;
  payId?: string | undefined;
  payIdSub?: number | undefined;
  status?: number | undefined;
  ncError?: string | undefined;
  money?: Money | undefined;
  payment?: PaymentView | undefined;
}

/** A DirectLink-shaped answer from what the platform said. */
export function answerOf(f: AnswerFields): DirectLinkResult {
  const card = f.payment?.card;
  const attributes: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') attributes[name] = value;
  };
  set('ORDERID', f.orderId);
  set('PAYID', f.payId);
  set('PAYIDSUB', f.payIdSub === undefined ? undefined : String(f.payIdSub));
  set('STATUS', f.status === undefined ? undefined : String(f.status));
  set('NCERROR', f.ncError ?? '0');
  set('CURRENCY', f.money?.currency);
  set('AMOUNT', f.money === undefined ? undefined : fromOgoneAmount(f.money.minor));
  set('CARDNO', card?.number);
  set('ALIAS', f.payment?.token);
  const answer: DirectLinkAnswer = {
    orderId: f.orderId,
    payId: f.payId,
    payIdSub: f.payIdSub === undefined ? undefined : String(f.payIdSub),
    status: f.status,
    statusInfo: describeStatus(f.status ?? -1),
    ncError: f.ncError ?? '0',
    ncStatus: (f.ncError ?? '0').slice(0, 1),
    ncErrorPlus: undefined,
    acceptance: undefined,
    amount: attributes['AMOUNT'],
    minorAmount: f.money?.minor,
    currency: f.money?.currency,
    paymentMethod: 'CreditCard',
    brand: undefined,
    alias: f.payment?.token,
    cardNumber: card?.number,
    eci: undefined,
    ip: undefined,
    complus: undefined,
    htmlAnswer: undefined,
    attributes,
  };
  return { answer, source: 'direct', sends: 1 };
}

/** A refused call as a DirectLink refusal; anything else as the DirectLink error it amounts to. */
export function mapError(error: unknown, page: Page, payId: string | undefined): DirectLinkResult {
  if (!(error instanceof WorldlineError)) throw error;
  if (error.effect === 'refused' && error.code !== 'authentication-failed') {
    const code = error.errors[0]?.errorCode;
    return answerOf({
      payId,
      status: 0,
      ncError: code !== undefined && /^\d+$/.test(code) ? code : '50001000',
    });
  }
  const codes: Record<string, DirectLinkErrorCode> = {
    'invalid-request': 'invalid-request',
    unreachable: 'unreachable',
    'authentication-failed': 'refused-credentials',
  };
  const code = codes[error.code] ?? 'answer-lost';
  throw new DirectLinkError(code, `Worldline Direct ${error.operation}: ${error.code}.`, {
    page,
    payId,
    httpStatus: error.httpStatus,
  });
}
