/**
 * What one Worldline Direct exchange came to, decided from the HTTP status and the body: a JSON
 * answer, or a failure with its stable code (notes §2.2 documented codes, §2.11 error shape).
 * Pure: the transport hands it what fetch gave.
 */
import { surelyNotSent } from '../../../internal/network-error.js';
import type { WorldlineApiError, WorldlineErrorCode } from './errors.js';

export type Exchange =
  | { kind: 'answer'; httpStatus: number; body: Record<string, unknown> | undefined }
  | {
      kind: 'failure';
      code: WorldlineErrorCode;
      httpStatus: number | undefined;
      message: string;
      errorId: string | undefined;
      errors: WorldlineApiError[];
      paymentResult: unknown;
    };

type Failure = Extract<Exchange, { kind: 'failure' }>;

const MAX_ERRORS = 10;

/**
 * `errors[].id` values that name the payment's state, so a 409 carrying one is a refusal rather
 * than an idempotent request still in progress. `ACTION_NOT_ALLOWED_ON_TRANSACTION` (50001127) is
 * from a third-party measurement against preprod; the OAS text for CancelPayment's 409 is
 * "Cancellation is not allowed because payment is closed".
 */
const STATE_ERROR = /NOT_ALLOWED|CLOSED|ALREADY|INVALID_STATUS|STATUS_NOT/i;
const STATE_MESSAGE = /not allowed|is closed|already/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, scrub: (text: string) => string, max = 200): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? scrub(value).slice(0, max) : undefined;
}

/** The platform's `errors[]`, bounded and scrubbed. */
export function readApiErrors(
  value: unknown,
  scrub: (text: string) => string,
): WorldlineApiError[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_ERRORS)
    .filter(isRecord)
    .map((entry) => ({
      errorCode: text(entry.errorCode ?? entry.code, scrub, 20),
      id: text(entry.id, scrub, 100),
      category: text(entry.category, scrub, 40),
      httpStatusCode:
        typeof entry.httpStatusCode === 'number' && Number.isInteger(entry.httpStatusCode)
          ? entry.httpStatusCode
          : undefined,
      message: text(entry.message, scrub),
      propertyName: text(entry.propertyName, scrub, 100),
      retriable: typeof entry.retriable === 'boolean' ? entry.retriable : undefined,
    }));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** A fetch that threw (or whose body broke): surely not sent, timed out, or lost on the way. */
export function classifyFetchFailure(error: unknown, timedOut: boolean): Failure {
  const base = { kind: 'failure' as const, httpStatus: undefined, errorId: undefined, errors: [] };
  if (timedOut) {
    return { ...base, code: 'timeout', message: 'no answer in time', paymentResult: undefined };
  }
  if (surelyNotSent(error)) {
    return { ...base, code: 'unreachable', message: 'could not connect', paymentResult: undefined };
  }
  return {
    ...base,
    code: 'connection-lost',
    message: 'the connection broke',
    paymentResult: undefined,
  };
}

function failureCode(
  httpStatus: number,
  errors: WorldlineApiError[],
  paymentResult: unknown,
  keyed: boolean,
): WorldlineErrorCode {
  if (
    httpStatus === 402 ||
    (httpStatus >= 400 && httpStatus < 500 && paymentResult !== undefined)
  ) {
    return 'declined';
  }
  if (httpStatus === 401 || httpStatus === 403) return 'authentication-failed';
  if (httpStatus === 404) return 'not-found';
  if (httpStatus === 409) {
    const namesState = errors.some(
      (e) => STATE_ERROR.test(e.id ?? '') || STATE_MESSAGE.test(e.message ?? ''),
    );
    // Anything else is taken as "in progress": never report a refusal the platform did not make.
    if (namesState) return 'not-allowed';
    return keyed ? 'idempotence-in-progress' : 'invalid-answer';
  }
  if (httpStatus >= 400 && httpStatus < 500) return 'rejected';
  if (httpStatus >= 500) return 'platform-error';
  return 'invalid-answer';
}

/**
 * An HTTP answer. `body` is the text, `undefined` when it was larger than the bound. `keyed`: the
 * request carried an idempotence key (a 409 then means "in progress" unless it names a state).
 */
export function classifyResponse(
  httpStatus: number,
  body: string | undefined,
  keyed: boolean,
  scrub: (text: string) => string,
): Exchange {
  if (httpStatus >= 200 && httpStatus < 300) {
    if (body === undefined) {
      return failure('invalid-answer', httpStatus, 'the answer is too large');
    }
    if (body.trim() === '') return { kind: 'answer', httpStatus, body: undefined };
    const parsed = parseJson(body);
    if (!isRecord(parsed))
      return failure('invalid-answer', httpStatus, 'the answer is not a JSON object');
    return { kind: 'answer', httpStatus, body: parsed };
  }
  const parsed = body === undefined ? undefined : parseJson(body);
  const record = isRecord(parsed) ? parsed : {};
  const errors = readApiErrors(record.errors, scrub);
  const paymentResult = isRecord(record.paymentResult) ? record.paymentResult : undefined;
  const code = failureCode(httpStatus, errors, paymentResult, keyed);
  const first = errors[0];
  const why =
    first === undefined ? '' : `: ${first.id ?? first.errorCode ?? ''} ${first.message ?? ''}`;
  return {
    kind: 'failure',
    code,
    httpStatus,
    message: `HTTP ${httpStatus}${why.trimEnd()}`,
    errorId: text(record.errorId, scrub, 100),
    errors,
    paymentResult,
  };
}

function failure(code: WorldlineErrorCode, httpStatus: number, message: string): Failure {
  return {
    kind: 'failure',
    code,
    httpStatus,
    message,
    errorId: undefined,
    errors: [],
    paymentResult: undefined,
  };
}
