/**
 * The platform's answers read into the client's views: only the fields the provider needs are
 * typed, the rest stays in `raw`. Lenient where the API is (unknown fields, new statuses), strict
 * where a decision depends on it (an id must be there). Pure.
 */
import { fromWorldlineAmount } from '../../../protocol/worldline/amount.js';
import { hostedCheckoutState, readWorldlineStatus } from '../../../protocol/worldline/status.js';
import type { WorldlineError } from './errors.js';
import type {
  CardView,
  HostedCheckoutCreated,
  HostedCheckoutView,
  Money,
  PaymentDetailsView,
  PaymentView,
  TokenPaymentResult,
  TokenView,
} from './types.js';

type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

function text(value: unknown, max = 200): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;
}

function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

/** `amountOfMoney` as our Money; `undefined` when absent or not expressible × 100. */
export function moneyOf(value: unknown): Money | undefined {
  const money = record(value);
  const currency = text(money.currencyCode, 3);
  if (currency === undefined || typeof money.amount !== 'number') return undefined;
  try {
    return { minor: fromWorldlineAmount(money.amount, currency), currency };
  } catch {
    return undefined;
  }
}

/**
 * A card number as shown: the platform masks it; should a full number ever come back, only its
 * last four digits are kept, so no view, log or ledger row ever holds a PAN.
 */
export function maskedNumber(value: unknown): string | undefined {
  const number = text(value, 40);
  if (number === undefined) return undefined;
  const digits = number.replace(/\D/g, '');
  return digits.length >= 12 && digits.length === number.replace(/[\s-]/g, '').length
    ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
    : number;
}

/** The card-payment output of a payment (`paymentOutput.cardPaymentMethodSpecificOutput`). */
function cardOutput(paymentOutput: Json): Json {
  return record(paymentOutput.cardPaymentMethodSpecificOutput);
}

function cardOf(output: Json): CardView | undefined {
  if (!isRecord(output.card) && output.paymentProductId === undefined) return undefined;
  const card = record(output.card);
  return {
    number: maskedNumber(card.cardNumber),
    expiryDate: text(card.expiryDate, 4),
    bin: text(card.bin, 8),
    paymentProductId: integer(output.paymentProductId),
  };
}

/** A `paymentResponse`; `undefined` without an id. */
export function readPayment(value: unknown): PaymentView | undefined {
  if (!isRecord(value)) return undefined;
  const id = text(value.id, 100);
  if (id === undefined) return undefined;
  const output = record(value.paymentOutput);
  const card = cardOutput(output);
  const statusOutput = record(value.statusOutput);
  return {
    id,
    status: readWorldlineStatus(value),
    amount: moneyOf(output.amountOfMoney),
    merchantReference: text(record(output.references).merchantReference, 100),
    card: cardOf(card),
    token: text(card.token, 100),
    isCancellable: flag(statusOutput.isCancellable),
    isRefundable: flag(statusOutput.isRefundable),
    isAuthorized: flag(statusOutput.isAuthorized),
    hostedCheckoutId: text(record(value.hostedCheckoutSpecificOutput).hostedCheckoutId, 100),
    raw: value,
  };
}

/** A `createHostedCheckoutResponse`; `undefined` without its id, RETURNMAC or redirect URL. */
export function readCreatedCheckout(
  raw: Json,
): Omit<HostedCheckoutCreated, 'idempotence'> | undefined {
  const hostedCheckoutId = text(raw.hostedCheckoutId, 100);
  const returnMac = text(raw.RETURNMAC, 200);
  const redirectUrl = text(raw.redirectUrl, 2000);
  if (hostedCheckoutId === undefined || returnMac === undefined || redirectUrl === undefined) {
    return undefined;
  }
  const invalidTokens = Array.isArray(raw.invalidTokens)
    ? raw.invalidTokens.filter((token): token is string => typeof token === 'string')
    : [];
  return { hostedCheckoutId, returnMac, redirectUrl, invalidTokens };
}

/** A `getHostedCheckoutResponse`. */
export function readHostedCheckout(value: Json): HostedCheckoutView {
  const created = record(value.createdPaymentOutput);
  const status = typeof value.status === 'string' ? value.status : '';
  return {
    state: hostedCheckoutState(status),
    status,
    paymentStatusCategory: text(created.paymentStatusCategory, 40),
    payment: readPayment(created.payment),
    raw: value,
  };
}

/** A `tokenResponse`; `undefined` without an id. */
export function readToken(value: Json): TokenView | undefined {
  const id = text(value.id, 100);
  if (id === undefined) return undefined;
  const card = record(value.card);
  const data = record(record(card.data).cardWithoutCvv);
  return {
    id,
    paymentProductId: integer(value.paymentProductId),
    cardAlias: maskedNumber(card.alias),
    expiryDate: text(data.expiryDate, 4),
    isTemporary: flag(value.isTemporary),
    raw: value,
  };
}

/** `merchantAction` of a createPaymentResponse, when it asks for a redirect. */
export function redirectAction(
  value: Json,
): { redirectUrl: string; returnMac: string | undefined } | undefined {
  const action = record(value.merchantAction);
  if (action.actionType !== 'REDIRECT') return undefined;
  const data = record(action.redirectData);
  const redirectUrl = text(data.redirectURL, 2000);
  return redirectUrl === undefined
    ? undefined
    : { redirectUrl, returnMac: text(data.RETURNMAC, 200) };
}

/** The id and amount of a capture or refund answer (`captureOutput` / `refundOutput`). */
export function operationOf(value: Json, output: 'captureOutput' | 'refundOutput') {
  return {
    id: text(value.id, 100),
    status: readWorldlineStatus(value),
    amount: moneyOf(record(value[output]).amountOfMoney),
  };
}

/**
 * A `paymentDetailsResponse`: the payment and its `Operations` (capital O, as documented; the
 * authorisation, then each capture, cancellation and refund with its own id, amount and code).
 * `operations` is `undefined` when the answer has no such list.
 */
export function readPaymentDetails(value: Json): PaymentDetailsView | undefined {
  const payment = readPayment(value);
  if (payment === undefined) return undefined;
  const list = value.Operations ?? value.operations;
  const operations = Array.isArray(list)
    ? list.filter(isRecord).flatMap((operation) => {
        const id = text(operation.id, 100);
        return id === undefined
          ? []
          : [
              {
                id,
                status: readWorldlineStatus(operation),
                amount: moneyOf(operation.amountOfMoney),
              },
            ];
      })
    : undefined;
  return { payment, operations };
}

/** A token payment the platform declined (HTTP 402 with its `paymentResult`), as a result. */
export function declinedResult(
  error: WorldlineError,
): Extract<TokenPaymentResult, { kind: 'declined' }> {
  const result = record(error.paymentResult);
  return {
    kind: 'declined',
    payment: readPayment(result.payment),
    errorId: error.errorId,
    errorIds: error.errors.map((e) => e.id ?? e.errorCode ?? '').filter((id) => id !== ''),
    idempotence: { key: error.idempotenceKey ?? '', replayedFrom: undefined },
  };
}

export { text as boundedText };
