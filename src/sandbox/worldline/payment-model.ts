/**
 * A sandbox payment and how the platform shows it: `status`, `statusOutput` (statusCode = the
 * legacy Ogone STATUS) and the OAS `paymentResponse` JSON. Pure. Where the Statuses page could not
 * be read (Gap 1), the pairs follow Worldline's own stubs (PENDING_CAPTURE/5, CAPTURED/9,
 * REJECTED/2, CANCELLED/1 by the customer) and the legacy table (46 waiting authentication, 52/92
 * uncertain, 6 cancelled authorisation, 8 refunded); a partial refund leaves 9 (notes §2.8).
 */
import { apiErrorEntry, type ApiErrorName } from './api-errors.js';
import type { WorldlineCardBehaviour } from './cards.js';

export type AuthorizationMode = 'SALE' | 'FINAL_AUTHORIZATION' | 'PRE_AUTHORIZATION';

/** Where the checkout of a payment ended; after-sale amounts live beside it. */
export type Phase =
  'redirected' | 'rejected' | 'cancelled-by-customer' | 'uncertain' | 'waiting' | 'authorized';

/**
 * A card as the sandbox keeps it: never the full number (like the Ogone sandbox's alias memory),
 * only what the platform shows (BIN, last four digits) and the test behaviour it was entered with.
 */
export interface SandboxCard {
  /** The first six digits; `''` when unknown (a legacy alias only has its masked number). */
  bin: string;
  last4: string;
  /** Number of digits. */
  length: number;
  /** `MMYY`. */
  expiryDate: string;
  cardholderName: string;
  paymentProductId: number;
  behaviour: WorldlineCardBehaviour;
}

export interface OperationRecord {
  id: string;
  kind: 'authorization' | 'capture' | 'cancel' | 'refund';
  amount: number;
  status: string;
  statusCode: number;
  at: Date;
}

export interface SandboxPayment {
  /** `<base>_0`. */
  id: string;
  /** Ten digits; the hosted checkout id when the payment came from one. */
  base: string;
  hostedCheckoutId: string | undefined;
  amount: number;
  currency: string;
  merchantReference: string;
  mode: AuthorizationMode;
  card: SandboxCard | undefined;
  /** The token used or created (a legacy alias stays as it was). */
  token: string | undefined;
  phase: Phase;
  /** Why it was refused or cancelled (`statusOutput.errors`). */
  error: ApiErrorName | undefined;
  captured: number;
  refunded: number;
  /** Authorised amount released by cancels. */
  released: number;
  /** No further capture (`isFinal`, a full capture, or a cancel). */
  closed: boolean;
  operations: OperationRecord[];
  /** Where webhooks for this payment go besides the configured URL (`feedbacks.webhooksUrls`). */
  webhookUrls: string[];
  changedAt: Date;
}

export interface StatusView {
  status: string;
  statusCategory: string;
  statusCode: number;
  isCancellable: boolean;
  isAuthorized: boolean;
  isRefundable: boolean;
}

/** What is authorised and neither captured nor released. */
export function openAmount(payment: SandboxPayment): number {
  if (payment.phase !== 'authorized' || payment.closed) return 0;
  return Math.max(0, payment.amount - payment.captured - payment.released);
}

const view = (
  status: string,
  statusCategory: string,
  statusCode: number,
  flags: Partial<Pick<StatusView, 'isCancellable' | 'isAuthorized' | 'isRefundable'>> = {},
): StatusView => ({
  status,
  statusCategory,
  statusCode,
  isCancellable: flags.isCancellable ?? false,
  isAuthorized: flags.isAuthorized ?? false,
  isRefundable: flags.isRefundable ?? false,
});

/** The payment's status as GET payments/{id} shows it. */
export function statusOf(payment: SandboxPayment): StatusView {
  switch (payment.phase) {
    case 'redirected':
      return view('REDIRECTED', 'PENDING_PAYMENT', 46);
    case 'rejected':
      return view('REJECTED', 'UNSUCCESSFUL', 2);
    case 'cancelled-by-customer':
      return view('CANCELLED', 'UNSUCCESSFUL', 1);
    case 'waiting':
      return view('PENDING_PAYMENT', 'PENDING_PAYMENT', 41);
    case 'uncertain':
      return payment.mode === 'SALE'
        ? view('CAPTURE_REQUESTED', 'PENDING_CONNECT_OR_3RD_PARTY', 92)
        : view('AUTHORIZATION_REQUESTED', 'PENDING_CONNECT_OR_3RD_PARTY', 52);
    case 'authorized':
      break;
  }
  const open = openAmount(payment);
  if (payment.captured > 0 && payment.refunded >= payment.captured) {
    return view('REFUNDED', 'REFUNDED', 8);
  }
  if (payment.captured > 0) {
    return view('CAPTURED', 'COMPLETED', 9, {
      isCancellable: open > 0,
      isAuthorized: open > 0,
      isRefundable: payment.refunded < payment.captured,
    });
  }
  if (open === 0) return view('CANCELLED', 'UNSUCCESSFUL', 6);
  return view('PENDING_CAPTURE', 'PENDING_MERCHANT', 5, {
    isCancellable: true,
    isAuthorized: true,
  });
}

/** `SUCCESSFUL`, `REJECTED` or `STATUS_UNKNOWN` (hosted checkout `paymentStatusCategory`). */
export function paymentStatusCategory(payment: SandboxPayment): string {
  if (payment.phase === 'authorized') return 'SUCCESSFUL';
  if (payment.phase === 'rejected' || payment.phase === 'cancelled-by-customer') return 'REJECTED';
  return 'STATUS_UNKNOWN';
}

/** `yyyyMMddHHmmss` in UTC, as `statusCodeChangeDateTime`. */
export function compactTime(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

/** `************1111`. */
export function maskedCardNumber(card: SandboxCard): string {
  return `${'*'.repeat(Math.max(0, card.length - 4))}${card.last4}`;
}

/** What is kept of a card number typed on the page (the number itself is not). */
export function keptCard(
  digits: string,
  rest: Omit<SandboxCard, 'bin' | 'last4' | 'length'>,
): SandboxCard {
  return { bin: digits.slice(0, 6), last4: digits.slice(-4), length: digits.length, ...rest };
}

function money(amount: number, currency: string) {
  return { amount, currencyCode: currency };
}

/** The OAS `paymentResponse` of a payment. */
export function paymentJson(payment: SandboxPayment): Record<string, unknown> {
  const status = statusOf(payment);
  const card = payment.card;
  const cardOutput: Record<string, unknown> = { paymentProductId: card?.paymentProductId ?? 1 };
  if (card !== undefined) {
    cardOutput.card = {
      cardNumber: maskedCardNumber(card),
      expiryDate: card.expiryDate,
      ...(card.bin === '' ? {} : { bin: card.bin }),
      countryCode: '99',
    };
  }
  if (payment.phase === 'authorized') cardOutput.authorisationCode = 'test123';
  if (payment.token !== undefined) cardOutput.token = payment.token;
  const statusOutput: Record<string, unknown> = {
    isCancellable: status.isCancellable,
    statusCategory: status.statusCategory,
    statusCode: status.statusCode,
    statusCodeChangeDateTime: compactTime(payment.changedAt),
    isAuthorized: status.isAuthorized,
    isRefundable: status.isRefundable,
  };
  if (payment.error !== undefined) statusOutput.errors = [apiErrorEntry(payment.error)];
  return {
    id: payment.id,
    ...(payment.hostedCheckoutId === undefined
      ? {}
      : { hostedCheckoutSpecificOutput: { hostedCheckoutId: payment.hostedCheckoutId } }),
    paymentOutput: {
      amountOfMoney: money(payment.amount, payment.currency),
      acquiredAmount: money(payment.captured, payment.currency),
      references: { merchantReference: payment.merchantReference },
      paymentMethod: 'card',
      cardPaymentMethodSpecificOutput: cardOutput,
    },
    status: status.status,
    statusOutput,
  };
}

/** OAS `paymentDetailsResponse`: the payment plus its `Operations` (capital O, as documented). */
export function paymentDetailsJson(payment: SandboxPayment): Record<string, unknown> {
  return {
    ...paymentJson(payment),
    Operations: payment.operations.map((operation) => ({
      id: operation.id,
      amountOfMoney: money(operation.amount, payment.currency),
      status: operation.status,
      statusOutput: {
        statusCode: operation.statusCode,
        statusCodeChangeDateTime: compactTime(operation.at),
      },
      paymentMethod: 'card',
      references: { merchantReference: payment.merchantReference },
    })),
  };
}
