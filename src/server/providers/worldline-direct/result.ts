/**
 * A Worldline Direct payment, read server-side with a signed GET, as this package's verified
 * result: `statusOutput.statusCode` is the legacy STATUS (OAS), so the ledger's state machine and
 * the element apply unchanged. Pure. The "signed parameters" are what was read from the platform
 * (names in the Ogone style where one exists: `STATUS`, `PAYID`, `ED`, `CARDNO`, `ALIAS`).
 */
import type { PaymentResult } from '../../../contract/types.js';
import { fromOgoneAmount } from '../../../protocol/amount.js';
import { describeStatus } from '../../../protocol/status.js';
import { fail } from '../../http/failure.js';
import type { CheckoutRecord } from '../../ledger/checkouts.js';
import type { VerifiedResult } from '../../rules/verified-result.js';
import { operationStep } from './directlink-answers.js';
import type { PaymentDetailsView, PaymentOperationView, PaymentView } from './types.js';

/** Worldline `paymentProductId` → the brand Ogone would have shown (the common card products). */
const BRANDS: Readonly<Record<number, string>> = {
  1: 'VISA',
  2: 'American Express',
  3: 'MasterCard',
  117: 'Maestro',
  125: 'JCB',
  128: 'Discover',
  130: 'CB',
  132: 'Diners Club',
};

/** The attempt a payment belongs to, from the ledger's checkout record. */
export type CheckoutOfPayment = Pick<
  CheckoutRecord,
  'orderRef' | 'orderId' | 'amountMinor' | 'currency'
>;

function errorCodeOf(raw: Readonly<Record<string, unknown>>): string {
  const output = raw.statusOutput;
  if (typeof output !== 'object' || output === null) return '0';
  const errors = (output as { errors?: unknown }).errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const code =
    typeof first === 'object' && first !== null
      ? (first as { errorCode?: unknown }).errorCode
      : undefined;
  return typeof code === 'string' && /^\d{1,12}$/.test(code) ? code : '0';
}

/**
 * The verified result of a payment read from the platform. A payment without a usable
 * `statusCode` is not a result yet: 503 `platform-unavailable` (the platform retries its webhook,
 * the shopper's page asks again). A payment whose `merchantReference` is another attempt's is
 * refused (`invalid-request`): it does not belong to this checkout.
 */
export function resultFromPayment(
  payment: PaymentView,
  checkout: CheckoutOfPayment,
  hostedCheckoutId?: string,
): VerifiedResult {
  return resultOf(payment, checkout, undefined, hostedCheckoutId);
}

/**
 * The results of a payment's `Operations` (from `GET payments/{id}/details`): the authorisation
 * is the checkout's own result (key step `0`, as the return's read); each later one
 * (capture, cancellation, refund) has its own amount and its id in the key, so two partial refunds
 * are two results, and the provider's own capture or refund call (same key) is not counted twice.
 * Without a list, the payment's own status stands for it.
 */
export function resultsFromDetails(details: PaymentDetailsView, checkout: CheckoutOfPayment) {
  const { payment, operations } = details;
  if (operations === undefined || operations.length === 0) {
    return [resultFromPayment(payment, checkout)];
  }
  // The authorisation carries the payment's own id (`<id>_0`); should the list not hold it (the
  // real list's first entry is not documented here), the payment's own status stands for it.
  const own = operations.some((operation) => operation.id === payment.id);
  const results = operations.map((operation) => resultOf(payment, checkout, operation));
  return own ? results : [resultFromPayment(payment, checkout), ...results];
}

function resultOf(
  payment: PaymentView,
  checkout: CheckoutOfPayment,
  operation: PaymentOperationView | undefined,
  hostedCheckoutId?: string,
): VerifiedResult {
  const code = (operation ?? payment).status.legacyStatus;
  if (code === undefined) {
    return fail('platform-unavailable', 'The payment has no status yet; ask again shortly.');
  }
  if (payment.merchantReference !== undefined && payment.merchantReference !== checkout.orderId) {
    return fail('invalid-request', 'The payment read belongs to another attempt.');
  }
  const status = describeStatus(code);
  const money = operation?.amount ?? payment.amount;
  const minor = money?.minor ?? checkout.amountMinor;
  const currency = money?.currency ?? checkout.currency;
  // The operation's index (`<id>_N`), as the DirectLink-shaped answers give PAYIDSUB.
  const step = operation === undefined ? 0 : operationStep(operation.id, payment.id);
  const result: PaymentResult = {
    outcome: status.outcome,
    status: status.code,
    statusName: status.name,
    final: status.final,
    orderRef: checkout.orderRef,
    orderId: checkout.orderId,
    payId: payment.id,
    amount: fromOgoneAmount(minor),
    currency,
    ncError: errorCodeOf(payment.raw),
    idempotencyKey: `${checkout.orderId}:${payment.id}:${step}:${code}`,
  };
  const brand =
    payment.card?.paymentProductId === undefined
      ? undefined
      : BRANDS[payment.card.paymentProductId];
  if (payment.token !== undefined) result.alias = payment.token;
  if (payment.card?.number !== undefined) result.cardNumber = payment.card.number;
  if (brand !== undefined) result.brand = brand;
  const params: Record<string, string> = {
    PROVIDER: 'worldline-direct',
    ORDERID: checkout.orderId,
    PAYID: payment.id,
    STATUS: String(code),
    WL_STATUS: payment.status.status,
    WL_STATUS_CATEGORY: payment.status.statusCategory,
    AMOUNT: result.amount,
    CURRENCY: currency,
  };
  const hosted = hostedCheckoutId ?? payment.hostedCheckoutId;
  if (hosted !== undefined) params['HOSTED_CHECKOUT_ID'] = hosted;
  if (result.alias !== undefined) params['ALIAS'] = result.alias;
  if (result.cardNumber !== undefined) params['CARDNO'] = result.cardNumber;
  if (brand !== undefined) params['BRAND'] = brand;
  if (payment.card?.expiryDate !== undefined) params['ED'] = payment.card.expiryDate;
  if (result.ncError !== '0') params['NCERROR'] = result.ncError;
  if (operation !== undefined && step !== 0) params['OPERATION_ID'] = operation.id;
  for (const name of Object.keys(params)) if (params[name] === '') delete params[name];
  return { result, signedParams: params, step };
}
