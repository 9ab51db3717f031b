/**
 * Hand-written type guards for the endpoint answers the browser reads, so `<ogone-checkout>` needs
 * no zod at run time. The zod schemas of `schemas.ts` stay the source of truth: a property test
 * (`test/node/contract-guards.test.ts`) holds each guard to accept exactly the JSON values its
 * schema accepts. Both take their value rules from `rules.ts`.
 */
import {
  isConsistentPaymentResult,
  isConsistentSignedPayload,
  isOrderState,
  isOutcome,
  isStringRecord,
} from './rules.js';
import type {
  EndpointError,
  OrderStatus,
  PayAnswer,
  PaymentResult,
  SavedCard,
  SavedCards,
  SignedPayload,
} from './types.js';

type Fields = Record<string, unknown>;

/** What `z.object` accepts as an object: not null, not an array. */
function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Same as `SignedPayloadSchema`. */
export function isSignedPayload(value: unknown): value is SignedPayload {
  return (
    isObject(value) &&
    isString(value['action']) &&
    (value['method'] === 'POST' || value['method'] === 'GET') &&
    isStringRecord(value['fields']) &&
    isString(value['orderId']) &&
    isConsistentSignedPayload(value as unknown as SignedPayload)
  );
}

const RESULT_STRINGS = [
  'statusName',
  'orderRef',
  'orderId',
  'payId',
  'amount',
  'currency',
  'ncError',
  'idempotencyKey',
] as const;
const RESULT_OPTIONAL_STRINGS = ['alias', 'cardNumber', 'brand', 'trxDate'] as const;

/** Same as `PaymentResultSchema`. */
export function isPaymentResult(value: unknown): value is PaymentResult {
  return (
    isObject(value) &&
    isOutcome(value['outcome']) &&
    Number.isInteger(value['status']) &&
    typeof value['final'] === 'boolean' &&
    RESULT_STRINGS.every((name) => isString(value[name])) &&
    RESULT_OPTIONAL_STRINGS.every((name) => isOptionalString(value[name])) &&
    isConsistentPaymentResult(value as unknown as PaymentResult)
  );
}

/** Same as `EndpointErrorSchema`. */
export function isEndpointError(value: unknown): value is EndpointError {
  if (!isObject(value)) return false;
  const error = value['error'];
  return isObject(error) && isString(error['code']) && isString(error['message']);
}

/** Same as `OrderStatusSchema`. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return (
    isObject(value) &&
    isString(value['orderRef']) &&
    isOrderState(value['state']) &&
    (value['result'] === null || isPaymentResult(value['result'])) &&
    value['orderRef'] !== ''
  );
}

const CARD_STRINGS = ['id', 'brand', 'last4', 'expiry'] as const;

function isSavedCard(value: unknown): value is SavedCard {
  return (
    isObject(value) &&
    CARD_STRINGS.every((name) => isString(value[name])) &&
    typeof value['expired'] === 'boolean' &&
    (value['lastUsedAt'] === null || isString(value['lastUsedAt']))
  );
}

/** Same as `SavedCardsSchema`. */
export function isSavedCards(value: unknown): value is SavedCards {
  return (
    isObject(value) &&
    typeof value['enabled'] === 'boolean' &&
    Array.isArray(value['cards']) &&
    value['cards'].every(isSavedCard) &&
    (value['selectedCardId'] === null || isString(value['selectedCardId'])) &&
    isOptionalString(value['reason'])
  );
}

/** Same as `PayAnswerSchema`. */
export function isPayAnswer(value: unknown): value is PayAnswer {
  if (!isObject(value)) return false;
  const kind = value['kind'];
  return kind === 'result'
    ? isPaymentResult(value['result']) && isOptionalString(value['reason'])
    : kind === 'challenge'
      ? isString(value['url'])
      : kind === 'redirect' && isSignedPayload(value['payload']);
}
