/**
 * The JSON bodies of the creating calls, built from this package's terms (× 100 amounts, Ogone
 * languages) and checked before anything is sent. Pure; a wrong input throws
 * `WorldlineError('invalid-request')` naming the field, never echoing a value.
 */
import { OgoneProtocolError } from '../../../protocol/errors.js';
import { currencyExponent, toWorldlineAmount } from '../../../protocol/worldline/amount.js';
import { toOgoneLanguage } from '../../../protocol/environment.js';
import { parseHttpUrl } from '../../../internal/url.js';
import { WorldlineError } from './errors.js';
import type {
  CancelInput,
  CaptureInput,
  CustomerInput,
  HostedCheckoutInput,
  Money,
  RefundInput,
  SaveCard,
  TokenPaymentInput,
} from './types.js';

/** Gap 7: OAS allows 40, Odoo truncates at 30; 30 is accepted by both readings. */
export const MAX_MERCHANT_REFERENCE = 30;
/** OAS `tokenIdInput` maxLength. */
export const MAX_TOKEN_LENGTH = 50;

const TOKENIZATION_MODE: Record<SaveCard, string> = {
  never: 'noTokenization',
  ask: 'createWithConsent',
  always: 'createAlways',
};

function bad(operation: string, field: string, why: string): WorldlineError {
  return new WorldlineError('invalid-request', `${operation}: ${field} ${why}.`, { operation });
}

function amountOf(operation: string, field: string, money: Money) {
  try {
    return { amount: toWorldlineAmount(money.minor, money.currency), currencyCode: money.currency };
  } catch (error) {
    if (error instanceof OgoneProtocolError)
      throw bad(operation, field, `is invalid (${error.message})`);
    throw error;
  }
}

function reference(operation: string, field: string, value: string, max: number): string {
  if (
    typeof value !== 'string' ||
    value === '' ||
    value.length > max ||
    /[\u0000-\u001f]/.test(value)
  ) {
    throw bad(operation, field, `must be 1-${max} characters without control characters`);
  }
  return value;
}

function url(operation: string, field: string, value: string): string {
  const parsed = typeof value === 'string' ? parseHttpUrl(value) : undefined;
  if (parsed === undefined || value.length > 200) {
    throw bad(operation, field, 'must be an absolute http(s) URL of at most 200 characters');
  }
  return value;
}

/** A token or legacy alias: 1-50 characters, none a control character, comma or space. */
export function checkToken(operation: string, token: string, field = 'token'): string {
  if (typeof token !== 'string' || !/^[^\s,\u0000-\u001f\u007f]{1,50}$/.test(token)) {
    throw bad(
      operation,
      field,
      `must be 1-${MAX_TOKEN_LENGTH} characters without spaces or commas`,
    );
  }
  return token;
}

/** `fr`, `fr-BE`, `nl_BE` → the platform's `locale` (`fr_FR`, `fr_BE`, `nl_BE`). */
export function localeOf(language: string | undefined): string {
  return toOgoneLanguage(language);
}

function customerBlock(operation: string, customer: CustomerInput | undefined) {
  if (customer === undefined) return undefined;
  const out: Record<string, unknown> = {};
  if (customer.merchantCustomerId !== undefined) {
    out.merchantCustomerId = reference(
      operation,
      'customer.merchantCustomerId',
      customer.merchantCustomerId,
      50,
    );
  }
  if (customer.email !== undefined) {
    if (!/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(customer.email)) {
      throw bad(operation, 'customer.email', 'must be an e-mail address');
    }
    out.contactDetails = { emailAddress: customer.email };
  }
  if (customer.countryCode !== undefined) {
    if (!/^[A-Z]{2}$/.test(customer.countryCode)) {
      throw bad(operation, 'customer.countryCode', 'must be an ISO 3166-1 alpha-2 code');
    }
    out.billingAddress = { countryCode: customer.countryCode };
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** `POST hostedcheckouts` (notes §2.3). */
export function hostedCheckoutBody(input: HostedCheckoutInput): Record<string, unknown> {
  const op = 'createHostedCheckout';
  const tokens = (input.tokens ?? []).map((token, i) => checkToken(op, token, `tokens.${i}`));
  const specific: Record<string, unknown> = {
    returnUrl: url(op, 'returnUrl', input.returnUrl),
    locale: localeOf(input.language),
    // Straight back to the shop: the outcome is read server-side, never shown by the platform.
    showResultPage: false,
    cardPaymentMethodSpecificInput: {
      tokenizationMode: TOKENIZATION_MODE[input.saveCard ?? 'never'],
    },
  };
  if (tokens.length > 0) specific.tokens = tokens.join(',');
  if (input.sessionTimeoutMinutes !== undefined) {
    const minutes = input.sessionTimeoutMinutes;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      throw bad(op, 'sessionTimeoutMinutes', 'must be a whole number from 1 to 1440');
    }
    specific.sessionTimeout = minutes;
  }
  if (input.variant !== undefined) specific.variant = reference(op, 'variant', input.variant, 100);
  const references: Record<string, unknown> = {
    merchantReference: reference(
      op,
      'merchantReference',
      input.merchantReference,
      MAX_MERCHANT_REFERENCE,
    ),
  };
  if (input.merchantParameters !== undefined) {
    references.merchantParameters = reference(
      op,
      'merchantParameters',
      input.merchantParameters,
      1000,
    );
  }
  const customer = customerBlock(op, input.customer);
  const body: Record<string, unknown> = {
    order: {
      amountOfMoney: amountOf(op, 'amount', input.amount),
      references,
      ...(customer === undefined ? {} : { customer }),
    },
    hostedCheckoutSpecificInput: specific,
    cardPaymentMethodSpecificInput: { authorizationMode: input.authorizationMode },
  };
  if (input.webhookUrl !== undefined) {
    body.feedbacks = { webhooksUrls: [url(op, 'webhookUrl', input.webhookUrl)] };
  }
  return body;
}

/** `POST payments` with a token (notes §2.7; Odoo sends the same MIT markers). */
export function tokenPaymentBody(input: TokenPaymentInput): Record<string, unknown> {
  const op = 'createTokenPayment';
  const card: Record<string, unknown> = {
    authorizationMode: input.authorizationMode,
    token: checkToken(op, input.token),
    transactionChannel: 'ECOMMERCE',
    unscheduledCardOnFileSequenceIndicator: 'subsequent',
  };
  if (input.initiator === 'merchant') {
    card.unscheduledCardOnFileRequestor = 'merchantInitiated';
  } else {
    if (input.returnUrl === undefined) {
      throw bad(op, 'returnUrl', 'is required when the shopper is present (3-D Secure)');
    }
    card.unscheduledCardOnFileRequestor = 'cardholderInitiated';
    card.threeDSecure = {
      challengeIndicator: 'no-preference',
      redirectionData: { returnUrl: url(op, 'returnUrl', input.returnUrl) },
    };
  }
  const customer = customerBlock(op, input.customer) ?? {};
  if (input.language !== undefined) customer.locale = localeOf(input.language);
  return {
    cardPaymentMethodSpecificInput: card,
    order: {
      amountOfMoney: amountOf(op, 'amount', input.amount),
      references: {
        merchantReference: reference(
          op,
          'merchantReference',
          input.merchantReference,
          MAX_MERCHANT_REFERENCE,
        ),
      },
      ...(Object.keys(customer).length === 0 ? {} : { customer }),
    },
  };
}

/**
 * `POST payments/{id}/capture`. Gap 8: OAS says the capture amount is "in cents, where single
 * digit currencies are presumed to have 2 digits", which reads two ways for currencies without two
 * decimals; a partial capture in one of them is refused here rather than risk a 100× error (a
 * full capture, with no amount, is unambiguous).
 */
export function captureBody(input: CaptureInput): Record<string, unknown> {
  const op = 'capturePayment';
  const body: Record<string, unknown> = {};
  if (input.amount !== undefined) {
    if (currencyExponent(input.amount.currency) !== 2) {
      throw bad(
        op,
        'amount',
        'cannot be partial in a currency without two decimals (the API is ambiguous there)',
      );
    }
    body.amount = amountOf(op, 'amount', input.amount).amount;
    body.isFinal = input.isFinal ?? false;
  } else {
    body.isFinal = true;
  }
  if (input.reference !== undefined) {
    body.operationReferences = {
      merchantReference: reference(op, 'reference', input.reference, 50),
    };
  }
  return body;
}

/** `POST payments/{id}/cancel` (the body is optional; `{}` cancels the whole authorisation). */
export function cancelBody(input: CancelInput = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.amount !== undefined)
    body.amountOfMoney = amountOf('cancelPayment', 'amount', input.amount);
  if (input.isFinal !== undefined) body.isFinal = input.isFinal;
  return body;
}

/** `POST payments/{id}/refund`. */
export function refundBody(input: RefundInput): Record<string, unknown> {
  const op = 'refundPayment';
  const body: Record<string, unknown> = { amountOfMoney: amountOf(op, 'amount', input.amount) };
  if (input.reason !== undefined) body.reason = reference(op, 'reason', input.reason, 100);
  if (input.reference !== undefined) {
    body.operationReferences = {
      merchantReference: reference(op, 'reference', input.reference, 50),
    };
  }
  return body;
}
