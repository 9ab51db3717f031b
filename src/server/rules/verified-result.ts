/**
 * The one "verified parameters -> PaymentResult" function, used by /verify and /feedback alike.
 * Call it only after the SHA-OUT signature was checked: it reads signed parameters only.
 */
import { CURRENCY_PATTERN, ORDER_REF_PATTERN } from '../../contract/schemas.js';
import type { PaymentResult } from '../../contract/types.js';
import { getParam, normalizeReturnParams, type IncomingParams } from '../../protocol/params.js';
import { SHA_OUT_PARAMETERS } from '../../protocol/sha-out-parameters.js';
import { describeStatus } from '../../protocol/status.js';
import { fail } from '../http/failure.js';

/** A verified result and every signed parameter it came with (upper-case names). */
export interface VerifiedResult {
  result: PaymentResult;
  signedParams: Record<string, string>;
  /** PAYIDSUB as a number (0 when absent): the step of this message in the payment's history. */
  step: number;
}

/**
 * PAYIDSUB, the step of a maintenance operation in the payment's history (`0` for the payment
 * itself, and when absent). Only digits count; anything else is step 0.
 */
function payIdSub(params: IncomingParams): string {
  const raw = (getParam(params, 'PAYIDSUB') ?? '').trim();
  return /^\d{1,9}$/.test(raw) ? String(Number(raw)) : '0';
}

/** Every non-empty SHA-OUT parameter, names upper-cased: what the signature covers. */
export function signedParameters(params: IncomingParams): Record<string, string> {
  const signed: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    const value = params[name]!;
    const upper = name.toUpperCase();
    if (value !== '' && SHA_OUT_PARAMETERS.has(upper)) signed[upper] = value;
  }
  return signed;
}

/** The normalised result; `invalid-request` when a field the result needs is missing. */
export function resultFromVerified(params: IncomingParams): VerifiedResult {
  const view = normalizeReturnParams(params);
  const orderRef = view.complus;
  if (orderRef === undefined || !ORDER_REF_PATTERN.test(orderRef)) {
    fail('invalid-request', 'The result carries no order reference (COMPLUS) from this endpoint.');
  }
  if (view.orderId === undefined) fail('invalid-request', 'The result carries no orderID.');
  if (view.status === undefined) fail('invalid-request', 'The result carries no STATUS.');
  if (view.amount === undefined) fail('invalid-request', 'The result carries no valid amount.');
  const currency = (view.currency ?? '').toUpperCase();
  if (!CURRENCY_PATTERN.test(currency)) fail('invalid-request', 'The result carries no currency.');

  const status = describeStatus(view.status);
  const payId = view.payId ?? '';
  // Two partial captures or refunds of one payment differ only by PAYIDSUB: it is in the key.
  const sub = payIdSub(params);
  const result: PaymentResult = {
    outcome: status.outcome,
    status: status.code,
    statusName: status.name,
    final: status.final,
    orderRef,
    orderId: view.orderId,
    payId,
    amount: view.amount,
    currency,
    ncError: view.ncError ?? '0',
    idempotencyKey: `${view.orderId}:${payId}:${sub}:${view.status.trim()}`,
  };
  if (view.alias !== undefined) result.alias = view.alias;
  if (view.cardNumber !== undefined) result.cardNumber = view.cardNumber;
  if (view.brand !== undefined) result.brand = view.brand;
  if (view.trxDate !== undefined) result.trxDate = view.trxDate;
  return { result, signedParams: signedParameters(params), step: Number(sub) };
}
