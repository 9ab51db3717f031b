/**
 * The payment calls: `POST payments` with a token (201; 402 declined with its `paymentResult`;
 * 3-D Secure as `merchantAction` REDIRECT when the shopper is present), `GET payments/{id}` (and
 * `/details`, `/captures`, `/refunds`), and capture / cancel / refund (201 / 200 / 201).
 */
import { errorBody } from './api-errors.js';
import { cancel, capture, refund, type AfterSale } from './after-sale.js';
import { notify, type SandboxContext } from './context.js';
import {
  amountOfMoney,
  AUTHORIZATION_MODES,
  FieldError,
  merchantReference,
  objectAt,
  optionalEnum,
  optionalText,
  optionalUrl,
  webhookUrls,
  type Json,
} from './fields.js';
import type { ApiAnswer } from './http.js';
import { asksAuthentication, newPayment, settle, type CheckoutOutcome } from './payment-factory.js';
import {
  compactTime,
  paymentDetailsJson,
  paymentJson,
  type SandboxPayment,
} from './payment-model.js';

/** The path of a server-to-server 3-D Secure challenge page. */
export function challengePagePath(basePath: string, token: string): string {
  return `${basePath}/threedsecure/challenge/${token}`;
}

/** `POST payments`: this sandbox takes token payments (no card data server to server). */
export async function createPayment(
  context: SandboxContext,
  body: Json,
  origin: string,
): Promise<ApiAnswer> {
  const { config, state } = context;
  try {
    const order = objectAt(body, 'order', 'order');
    const money = amountOfMoney(order.amountOfMoney, 'order.amountOfMoney');
    const card = objectAt(body, 'cardPaymentMethodSpecificInput', 'cardPaymentMethodSpecificInput');
    const tokenId = optionalText(card.token, 'cardPaymentMethodSpecificInput.token', 50);
    if (tokenId === undefined || tokenId === '') {
      throw new FieldError(
        'cardPaymentMethodSpecificInput.token',
        'This sandbox takes token payments only: cardPaymentMethodSpecificInput.token is required.',
      );
    }
    const mode =
      optionalEnum(
        card.authorizationMode,
        'cardPaymentMethodSpecificInput.authorizationMode',
        AUTHORIZATION_MODES,
      ) ?? 'FINAL_AUTHORIZATION';
    const requestor = optionalEnum(
      card.unscheduledCardOnFileRequestor,
      'cardPaymentMethodSpecificInput.unscheduledCardOnFileRequestor',
      ['merchantInitiated', 'cardholderInitiated'] as const,
    );
    const threeDSecure = objectAt(
      card,
      'threeDSecure',
      'cardPaymentMethodSpecificInput.threeDSecure',
    );
    const redirection = objectAt(
      threeDSecure,
      'redirectionData',
      'cardPaymentMethodSpecificInput.threeDSecure.redirectionData',
    );
    const returnUrl = optionalUrl(
      redirection.returnUrl,
      'cardPaymentMethodSpecificInput.threeDSecure.redirectionData.returnUrl',
    );
    const reference = merchantReference(order);
    const urls = webhookUrls(body);
    const token = await state.token(tokenId);
    if (token === undefined) {
      return errorBody('unknown-token', { propertyName: 'cardPaymentMethodSpecificInput.token' });
    }
    const now = config.now();
    const payment = newPayment(
      {
        base: state.nextId(),
        hostedCheckoutId: undefined,
        amount: money.amount,
        currency: money.currency,
        merchantReference: reference,
        mode,
        card: token.card,
        token: tokenId,
        webhookUrls: urls,
      },
      now,
    );
    const { behaviour } = token.card;
    const challenge = asksAuthentication(behaviour) && requestor === 'cardholderInitiated';
    // Without the shopper, strong authentication is out of scope: a challenge card goes through,
    // an issuer that insists on 3-D Secure declines.
    const outcome: CheckoutOutcome = behaviour === 'challenge' ? 'success' : behaviour;
    if (challenge && returnUrl === undefined) {
      throw new FieldError(
        'cardPaymentMethodSpecificInput.threeDSecure.redirectionData.returnUrl',
        'The issuer asks for 3-D Secure: threeDSecure.redirectionData.returnUrl is required.',
      );
    }
    state.payments.set(payment.id, payment);
    if (challenge) {
      const pageToken = state.pageToken();
      const returnMac = globalThis.crypto.randomUUID();
      state.challenges.set(pageToken, {
        paymentId: payment.id,
        returnUrl: returnUrl!,
        returnMac,
        locale: 'en_GB',
      });
      void notify(context, payment);
      return {
        status: 201,
        body: {
          payment: paymentJson(payment),
          merchantAction: {
            actionType: 'REDIRECT',
            redirectData: {
              RETURNMAC: returnMac,
              redirectURL: `${origin}${challengePagePath(config.basePath, pageToken)}`,
            },
          },
        },
      };
    }
    settle(payment, outcome, now);
    void notify(context, payment);
    const result = { payment: paymentJson(payment) };
    if (outcome === 'refused' || outcome === 'authentication-required') {
      return errorBody(outcome === 'refused' ? 'declined' : 'authentication-required', undefined, {
        paymentResult: result,
      });
    }
    return {
      status: 201,
      body: {
        ...result,
        creationOutput: { isNewToken: false, token: tokenId, tokenizationSucceeded: false },
      },
    };
  } catch (error) {
    if (error instanceof FieldError) return error.answer;
    throw error;
  }
}

function found(context: SandboxContext, id: string): SandboxPayment | ApiAnswer {
  return context.state.payment(id) ?? errorBody('unknown-payment', { propertyName: 'paymentId' });
}

/** `GET payments/{id}[/details|/captures|/refunds]`. */
export function getPayment(
  context: SandboxContext,
  id: string,
  view: '' | 'details' | 'captures' | 'refunds',
): ApiAnswer {
  const payment = found(context, id);
  if (!('base' in payment)) return payment;
  if (view === 'details') return { status: 200, body: paymentDetailsJson(payment) };
  if (view === '') return { status: 200, body: paymentJson(payment) };
  const kind = view === 'captures' ? 'capture' : 'refund';
  const list = payment.operations
    .filter((operation) => operation.kind === kind)
    .map((operation) => ({
      id: operation.id,
      status: operation.status,
      statusOutput: {
        statusCode: operation.statusCode,
        statusCodeChangeDateTime: compactTime(operation.at),
      },
      [`${kind}Output`]: {
        amountOfMoney: { amount: operation.amount, currencyCode: payment.currency },
      },
    }));
  return { status: 200, body: { [view]: list } };
}

const OPERATIONS = { capture, cancel, refund } as const;

/** `POST payments/{id}/capture|cancel|refund`; a success is announced by a webhook. */
export async function afterSale(
  context: SandboxContext,
  id: string,
  name: keyof typeof OPERATIONS,
  body: Json,
): Promise<ApiAnswer> {
  const payment = found(context, id);
  if (!('base' in payment)) return payment;
  const outcome: AfterSale = OPERATIONS[name](payment, body, context.config.now());
  if (!outcome.ok) {
    const { error, message, propertyName } = outcome;
    return errorBody(error, {
      ...(message === undefined ? {} : { message }),
      ...(propertyName === undefined ? {} : { propertyName }),
    });
  }
  void notify(context, payment, outcome.event);
  return { status: outcome.status, body: outcome.body };
}
