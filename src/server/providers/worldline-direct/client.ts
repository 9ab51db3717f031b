/**
 * `createWorldlineDirectClient`: a small hand-written client for the Worldline Direct v2 API
 * ("Online Payments"), for the `worldline-direct` provider.
 *
 * - Requests are signed with v1HMAC exactly as the official SDKs do (`protocol/worldline/v1hmac`),
 *   with an RFC 1123 `Date` from the injectable clock; JSON over the injectable `fetch`.
 * - Every creating call (hosted checkout, payment, capture, cancel, refund) carries an
 *   `X-GCS-Idempotence-Key` (given, or generated and handed back): resend a lost call with the same
 *   key and the platform answers as it did the first time.
 * - Each call has a timeout covering the answer; answers are read up to 1 MiB.
 * - Failures are one `WorldlineError` with a stable code (`errors.ts`), the platform's `errorId` and
 *   `errors[]`; neither secret ever appears in an error, a log line or a returned value.
 * - Not exported from the package yet: the provider interface wires it (see the design notes).
 */
import { WorldlineError } from './errors.js';
import {
  createCaller,
  invalidAnswer,
  secretScrubber,
  segment,
  systemClock,
  type Answer,
} from './call.js';
import { defaultHmac } from './hmac.js';
import {
  DEFAULT_TIMEOUT_MS,
  resolveClientRuntime,
  resolveWorldlineSettings,
  type WorldlineClientOptions,
} from './options.js';
import {
  cancelBody,
  captureBody,
  checkToken,
  hostedCheckoutBody,
  refundBody,
  tokenPaymentBody,
} from './requests.js';
import {
  boundedText,
  declinedResult,
  operationOf,
  readHostedCheckout,
  readCreatedCheckout,
  readPayment,
  readPaymentDetails,
  readToken,
  redirectAction,
} from './responses.js';
import type { TransportConfig } from './transport.js';
import type {
  CallOptions,
  CancelInput,
  CancelView,
  CaptureInput,
  HostedCheckoutCreated,
  HostedCheckoutInput,
  HostedCheckoutView,
  Idempotence,
  OperationView,
  PaymentDetailsView,
  PaymentView,
  RefundInput,
  TokenPaymentInput,
  TokenPaymentResult,
  TokenView,
} from './types.js';

export interface WorldlineDirectClient {
  readonly merchantId: string;
  readonly baseUrl: string;
  createHostedCheckout(
    input: HostedCheckoutInput,
    call?: CallOptions,
  ): Promise<HostedCheckoutCreated>;
  /** The session and, once there is one, its payment ("sessions have a maximum life span of 3 hours"). */
  getHostedCheckout(hostedCheckoutId: string, call?: CallOptions): Promise<HostedCheckoutView>;
  getPayment(paymentId: string, call?: CallOptions): Promise<PaymentView>;
  /** The payment and its `Operations`, each with its own id, status and amount. */
  getPaymentDetails(paymentId: string, call?: CallOptions): Promise<PaymentDetailsView>;
  createTokenPayment(input: TokenPaymentInput, call?: CallOptions): Promise<TokenPaymentResult>;
  capturePayment(
    paymentId: string,
    input?: CaptureInput,
    call?: CallOptions,
  ): Promise<OperationView>;
  cancelPayment(paymentId: string, input?: CancelInput, call?: CallOptions): Promise<CancelView>;
  refundPayment(paymentId: string, input: RefundInput, call?: CallOptions): Promise<OperationView>;
  getToken(tokenId: string, call?: CallOptions): Promise<TokenView>;
  /** `deleted: false` when the platform no longer knew the token (404): it is gone either way. */
  deleteToken(tokenId: string, call?: CallOptions): Promise<{ deleted: boolean }>;
  /** `GET services/testconnection`: checks the key, the secret and the merchant id. */
  testConnection(call?: CallOptions): Promise<{ result: string }>;
}

/** Creates the client. Throws `OgoneConfigError` naming a wrong option; never echoes a secret. */
export function createWorldlineDirectClient(
  options: WorldlineClientOptions,
): WorldlineDirectClient {
  const settings = resolveWorldlineSettings(options);
  resolveClientRuntime(options);
  const config: TransportConfig = {
    baseUrl: settings.baseUrl,
    merchantId: settings.merchantId,
    apiKeyId: settings.apiKeyId,
    apiSecret: settings.apiSecret,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock: options.clock ?? systemClock,
    hmac: options.hmac ?? defaultHmac,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    scrub: secretScrubber([settings.apiSecret, settings.webhookSecret]),
  };
  const call = createCaller(config, options.log);
  const idempotence = (answer: Answer): Idempotence => answer.idempotence!;

  async function payment(
    operation: string,
    path: string,
    options?: CallOptions,
  ): Promise<PaymentView> {
    const answer = await call({ operation, method: 'GET', path, creating: false }, options);
    const view = readPayment(answer.body);
    if (view === undefined) throw invalidAnswer(operation, 'payment id', answer);
    return view;
  }

  async function operation(
    name: 'capturePayment' | 'refundPayment',
    paymentId: string,
    body: Record<string, unknown>,
    options: CallOptions | undefined,
  ): Promise<OperationView> {
    const verb = name === 'capturePayment' ? 'capture' : 'refund';
    const path = `/payments/${segment(name, 'paymentId', paymentId)}/${verb}`;
    const answer = await call(
      { operation: name, method: 'POST', path, body, creating: true },
      options,
    );
    const raw = answer.body ?? {};
    const read = operationOf(raw, name === 'capturePayment' ? 'captureOutput' : 'refundOutput');
    if (read.id === undefined) throw invalidAnswer(name, `${verb} id`, answer);
    return { ...read, id: read.id, raw, idempotence: idempotence(answer) };
  }

  return {
    merchantId: settings.merchantId,
    baseUrl: settings.baseUrl,

    async createHostedCheckout(input, options) {
      const body = hostedCheckoutBody(input);
      const operation = 'createHostedCheckout';
      const answer = await call(
        { operation, method: 'POST', path: '/hostedcheckouts', body, creating: true },
        options,
      );
      const created = readCreatedCheckout(answer.body ?? {});
      if (created === undefined) {
        throw invalidAnswer(operation, 'hostedCheckoutId, RETURNMAC or redirectUrl', answer);
      }
      return { ...created, idempotence: idempotence(answer) };
    },

    async getHostedCheckout(hostedCheckoutId, options) {
      const operation = 'getHostedCheckout';
      const path = `/hostedcheckouts/${segment(operation, 'hostedCheckoutId', hostedCheckoutId)}`;
      const answer = await call({ operation, method: 'GET', path, creating: false }, options);
      return readHostedCheckout(answer.body ?? {});
    },

    async getPayment(paymentId, options) {
      const path = `/payments/${segment('getPayment', 'paymentId', paymentId)}`;
      return payment('getPayment', path, options);
    },

    async getPaymentDetails(paymentId, options) {
      const operation = 'getPaymentDetails';
      const path = `/payments/${segment(operation, 'paymentId', paymentId)}/details`;
      const answer = await call({ operation, method: 'GET', path, creating: false }, options);
      const view = readPaymentDetails(answer.body ?? {});
      if (view === undefined) throw invalidAnswer(operation, 'payment id', answer);
      return view;
    },

    async createTokenPayment(input, options) {
      const body = tokenPaymentBody(input);
      const operation = 'createTokenPayment';
      try {
        const answer = await call(
          { operation, method: 'POST', path: '/payments', body, creating: true },
          options,
        );
        const raw = answer.body ?? {};
        const view = readPayment(raw.payment);
        const redirect = redirectAction(raw);
        if (redirect !== undefined) {
          return { kind: 'redirect', payment: view, ...redirect, idempotence: idempotence(answer) };
        }
        if (view === undefined) throw invalidAnswer(operation, 'payment', answer);
        return { kind: 'done', payment: view, idempotence: idempotence(answer) };
      } catch (error) {
        // A declined card is an outcome, not a failure: the payment (REJECTED) comes back.
        if (!(error instanceof WorldlineError) || error.code !== 'declined') throw error;
        return declinedResult(error);
      }
    },

    async capturePayment(paymentId, input = {}, options) {
      return operation('capturePayment', paymentId, captureBody(input), options);
    },

    async refundPayment(paymentId, input, options) {
      return operation('refundPayment', paymentId, refundBody(input), options);
    },

    async cancelPayment(paymentId, input = {}, options) {
      const operation = 'cancelPayment';
      const path = `/payments/${segment(operation, 'paymentId', paymentId)}/cancel`;
      const body = cancelBody(input);
      const answer = await call({ operation, method: 'POST', path, body, creating: true }, options);
      const raw = answer.body ?? {};
      return { payment: readPayment(raw.payment), raw, idempotence: idempotence(answer) };
    },

    async getToken(tokenId, options) {
      const operation = 'getToken';
      const path = `/tokens/${segment(operation, 'tokenId', checkToken(operation, tokenId, 'tokenId'))}`;
      const answer = await call({ operation, method: 'GET', path, creating: false }, options);
      const view = readToken(answer.body ?? {});
      if (view === undefined) throw invalidAnswer(operation, 'token id', answer);
      return view;
    },

    async deleteToken(tokenId, options) {
      const operation = 'deleteToken';
      const path = `/tokens/${segment(operation, 'tokenId', checkToken(operation, tokenId, 'tokenId'))}`;
      try {
        await call({ operation, method: 'DELETE', path, creating: false }, options);
        return { deleted: true };
      } catch (error) {
        if (error instanceof WorldlineError && error.code === 'not-found')
          return { deleted: false };
        throw error;
      }
    },

    async testConnection(options) {
      const operation = 'testConnection';
      const answer = await call(
        { operation, method: 'GET', path: '/services/testconnection', creating: false },
        options,
      );
      return { result: boundedText(answer.body?.result, 100) ?? '' };
    },
  };
}
