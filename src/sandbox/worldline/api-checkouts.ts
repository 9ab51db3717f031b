/**
 * `POST hostedcheckouts` (200 `createHostedCheckoutResponse`) and `GET hostedcheckouts/{id}`
 * (200 `getHostedCheckoutResponse`, 404 after the session's 3-hour read life), notes §2.3-2.5.
 */
import { errorBody } from './api-errors.js';
import type { SandboxContext } from './context.js';
import {
  amountOfMoney,
  AUTHORIZATION_MODES,
  FieldError,
  merchantReference,
  objectAt,
  optionalBoolean,
  optionalEnum,
  optionalText,
  optionalUrl,
  webhookUrls,
  type Json,
} from './fields.js';
import type { ApiAnswer } from './http.js';
import { paymentJson, paymentStatusCategory } from './payment-model.js';
import { SESSION_READ_LIFE_MS, type CheckoutSession, type Tokenization } from './state.js';

const TOKENIZATION_MODES = [
  'createWithConsent',
  'createAlways',
  'useExplicitly',
  'noTokenization',
] as const;

/** The path of a session's page under the sandbox (the real one reads `/hostedcheckout/…`). */
export function checkoutPagePath(basePath: string, pageToken: string): string {
  return `${basePath}/hostedcheckout/PaymentMethods/Selection/${pageToken}`;
}

function tokenizationOf(body: Json, specific: Json): Tokenization {
  const hostedCard = objectAt(
    specific,
    'cardPaymentMethodSpecificInput',
    'hostedCheckoutSpecificInput.cardPaymentMethodSpecificInput',
  );
  const card = objectAt(body, 'cardPaymentMethodSpecificInput', 'cardPaymentMethodSpecificInput');
  const mode = optionalEnum(
    hostedCard.tokenizationMode,
    'hostedCheckoutSpecificInput.cardPaymentMethodSpecificInput.tokenizationMode',
    TOKENIZATION_MODES,
  );
  const tokenize = optionalBoolean(card.tokenize, 'cardPaymentMethodSpecificInput.tokenize');
  if (mode !== undefined && tokenize !== undefined) {
    throw new FieldError(
      'hostedCheckoutSpecificInput.cardPaymentMethodSpecificInput.tokenizationMode',
      'tokenizationMode is not allowed when cardPaymentMethodSpecificInput.tokenize is specified.',
    );
  }
  if (mode === 'createWithConsent') return 'ask';
  if (mode === 'createAlways' || tokenize === true) return 'always';
  return 'none';
}

/** Creates a session; the caller has checked the signature and the idempotence key. */
export async function createHostedCheckout(
  context: SandboxContext,
  body: Json,
  origin: string,
): Promise<ApiAnswer> {
  const { config, state } = context;
  try {
    const order = objectAt(body, 'order', 'order');
    const money = amountOfMoney(order.amountOfMoney, 'order.amountOfMoney');
    const specific = objectAt(body, 'hostedCheckoutSpecificInput', 'hostedCheckoutSpecificInput');
    const card = objectAt(body, 'cardPaymentMethodSpecificInput', 'cardPaymentMethodSpecificInput');
    const timeout = specific.sessionTimeout ?? 180;
    if (
      typeof timeout !== 'number' ||
      !Number.isInteger(timeout) ||
      timeout < 1 ||
      timeout > 1440
    ) {
      throw new FieldError(
        'hostedCheckoutSpecificInput.sessionTimeout',
        'sessionTimeout must be 1-1440 minutes.',
      );
    }
    const tokenList = optionalText(specific.tokens, 'hostedCheckoutSpecificInput.tokens', 2000);
    const offered = tokenList === undefined || tokenList === '' ? [] : tokenList.split(',');
    const usable: string[] = [];
    const invalidTokens: string[] = [];
    for (const token of offered.slice(0, 20)) {
      if ((await state.token(token)) !== undefined) usable.push(token);
      else invalidTokens.push(token);
    }
    const now = config.now().getTime();
    const hostedCheckoutId = state.nextId();
    const session: CheckoutSession = {
      hostedCheckoutId,
      pageToken: state.pageToken(),
      returnMac: globalThis.crypto.randomUUID(),
      createdAt: now,
      expiresAt: now + timeout * 60_000,
      amount: money.amount,
      currency: money.currency,
      merchantReference: merchantReference(order),
      locale: optionalText(specific.locale, 'hostedCheckoutSpecificInput.locale', 6) ?? 'en_GB',
      // DOCS: "If undefined, our platform processes transactions as authorisations by default".
      mode:
        optionalEnum(
          card.authorizationMode,
          'cardPaymentMethodSpecificInput.authorizationMode',
          AUTHORIZATION_MODES,
        ) ?? 'FINAL_AUTHORIZATION',
      returnUrl: optionalUrl(specific.returnUrl, 'hostedCheckoutSpecificInput.returnUrl'),
      showResultPage:
        optionalBoolean(specific.showResultPage, 'hostedCheckoutSpecificInput.showResultPage') ??
        true,
      tokenization: tokenizationOf(body, specific),
      tokens: usable,
      webhookUrls: webhookUrls(body),
      cancelled: false,
    };
    state.checkouts.set(hostedCheckoutId, session);
    state.pages.set(session.pageToken, hostedCheckoutId);
    const partialRedirectUrl = checkoutPagePath(config.basePath, session.pageToken);
    return {
      status: 200,
      body: {
        RETURNMAC: session.returnMac,
        hostedCheckoutId,
        merchantReference: session.merchantReference,
        partialRedirectUrl: partialRedirectUrl.replace(/^\//, ''),
        redirectUrl: `${origin}${partialRedirectUrl}`,
        ...(invalidTokens.length === 0 ? {} : { invalidTokens }),
      },
    };
  } catch (error) {
    if (error instanceof FieldError) return error.answer;
    throw error;
  }
}

/** The session's status: `IN_PROGRESS`, `PAYMENT_CREATED` or `CANCELLED_BY_CONSUMER`. */
export function hostedCheckoutStatus(context: SandboxContext, session: CheckoutSession): string {
  const payment =
    session.paymentId === undefined ? undefined : context.state.payments.get(session.paymentId);
  if (session.cancelled) return 'CANCELLED_BY_CONSUMER';
  if (payment !== undefined && payment.phase !== 'redirected') return 'PAYMENT_CREATED';
  // A session that timed out counts as cancelled "by the customer or by expiration".
  if (context.config.now().getTime() > session.expiresAt) return 'CANCELLED_BY_CONSUMER';
  return 'IN_PROGRESS';
}

export function getHostedCheckout(context: SandboxContext, id: string): ApiAnswer {
  const session = context.state.checkouts.get(id);
  if (
    session === undefined ||
    context.config.now().getTime() - session.createdAt > SESSION_READ_LIFE_MS
  ) {
    return errorBody('unknown-hosted-checkout', { propertyName: 'hostedCheckoutId' });
  }
  const status = hostedCheckoutStatus(context, session);
  const payment =
    session.paymentId === undefined ? undefined : context.state.payments.get(session.paymentId);
  return {
    status: 200,
    body: {
      status,
      ...(payment === undefined || payment.phase === 'redirected'
        ? {}
        : {
            createdPaymentOutput: {
              payment: paymentJson(payment),
              paymentStatusCategory: paymentStatusCategory(payment),
            },
          }),
    },
  };
}
