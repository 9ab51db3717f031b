/**
 * The sandbox accepts what Worldline's official Node SDK sends (`onlinepayments-sdk-nodejs`, a
 * devDependency only): its signatures (Content-Type sent on GET but signed empty, X-GCS headers,
 * chunked bodies), its idempotence context, and the SDK reads the sandbox's answers; its webhook
 * helper verifies the sandbox's webhooks. If the SDK is not installed, the test is skipped, said.
 */
import assert from 'node:assert/strict';
import type * as OfficialSdk from 'onlinepayments-sdk-nodejs';
import { after, before, describe, it } from 'node:test';
import {
  API_KEY_ID,
  API_SECRET,
  MERCHANT,
  payWithCard,
  startReceiver,
  startWorldline,
  WEBHOOK_KEY_ID,
  WEBHOOK_SECRET,
  type RunningSandbox,
} from '../helpers/worldline-sandbox.js';

type Sdk = typeof OfficialSdk;
let sdk: Sdk | undefined;
try {
  sdk = await import('onlinepayments-sdk-nodejs');
} catch {
  sdk = undefined;
}
const skip =
  sdk === undefined
    ? 'onlinepayments-sdk-nodejs is not installed (devDependency): official-SDK test skipped'
    : false;
if (skip) console.log(`# NOTE ${skip}`);

describe('the official Worldline SDK against the sandbox', { skip }, () => {
  let running: RunningSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let client: ReturnType<Sdk['init']>;

  before(async () => {
    receiver = await startReceiver();
    // The SDK cannot add a path prefix: the sandbox is mounted at the root here.
    running = await startWorldline({ basePath: '', webhookUrl: receiver.url });
    const { port } = new URL(running.origin);
    client = sdk!.init({
      host: '127.0.0.1',
      scheme: 'http',
      port: Number(port),
      integrator: 'test',
      apiKeyId: API_KEY_ID,
      secretApiKey: API_SECRET,
      enableLogging: false,
    });
  });

  after(async () => {
    await running?.close();
    await receiver?.close();
  });

  it('test connection, hosted checkout, payment, capture, refund, cancel and tokens all verify', async () => {
    const connection = await client.services.testConnection(MERCHANT);
    assert.equal(connection.status, 200, JSON.stringify(connection.body));
    assert.equal(connection.isSuccess && connection.body.result, 'OK');

    const created = await client.hostedCheckout.createHostedCheckout(
      MERCHANT,
      {
        order: {
          amountOfMoney: { amount: 2345, currencyCode: 'EUR' },
          references: { merchantReference: 'sdk-order-1' },
          customer: { merchantCustomerId: '1234', billingAddress: { countryCode: 'BE' } },
        },
        hostedCheckoutSpecificInput: {
          returnUrl: 'https://shop.example/sdk/return',
          locale: 'en_GB',
          showResultPage: false,
        },
        // The deprecated switch: SDK 6.2.0's closed schema refuses the current tokenizationMode.
        cardPaymentMethodSpecificInput: {
          authorizationMode: 'FINAL_AUTHORIZATION',
          tokenize: true,
        },
      },
      { idempotence: { key: 'sdk-hc-1' } },
    );
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.ok(created.isSuccess);
    const { hostedCheckoutId, RETURNMAC, redirectUrl } = created.body;
    const back = await payWithCard(redirectUrl!, '4111 1111 1111 1111');
    assert.equal(back.searchParams.get('RETURNMAC'), RETURNMAC);

    const replayContext = { idempotence: { key: 'sdk-hc-1' } } as {
      idempotence: { key: string; requestTimestamp?: number };
    };
    const replay = await client.hostedCheckout.createHostedCheckout(
      MERCHANT,
      { order: { amountOfMoney: { amount: 1, currencyCode: 'EUR' } } },
      replayContext,
    );
    assert.ok(replay.isSuccess && replay.body.hostedCheckoutId === hostedCheckoutId);
    assert.ok(
      replayContext.idempotence.requestTimestamp,
      'the SDK read X-GCS-Idempotence-Request-Timestamp',
    );

    const session = await client.hostedCheckout.getHostedCheckout(MERCHANT, hostedCheckoutId!);
    assert.ok(session.isSuccess, JSON.stringify(session.body));
    assert.equal(session.body.status, 'PAYMENT_CREATED');
    const payment = session.body.createdPaymentOutput!.payment!;
    assert.equal(payment.statusOutput!.statusCode, 5);
    const token = payment.paymentOutput!.cardPaymentMethodSpecificOutput!.token!;
    assert.ok(token);

    const capture = await client.payments.capturePayment(
      MERCHANT,
      payment.id!,
      { amount: 1000, isFinal: false },
      { idempotence: { key: 'sdk-cap-1' } },
    );
    assert.equal(capture.status, 201, JSON.stringify(capture.body));
    const refund = await client.payments.refundPayment(MERCHANT, payment.id!, {
      amountOfMoney: { amount: 400, currencyCode: 'EUR' },
    });
    assert.equal(refund.status, 201, JSON.stringify(refund.body));
    const over = await client.payments.refundPayment(MERCHANT, payment.id!, {
      amountOfMoney: { amount: 700, currencyCode: 'EUR' },
    });
    assert.equal(over.status, 400);
    const cancel = await client.payments.cancelPayment(MERCHANT, payment.id!, {});
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
    const read = await client.payments.getPayment(MERCHANT, payment.id!);
    assert.ok(read.isSuccess);
    assert.equal(read.body.statusOutput!.statusCode, 9);

    const tokenPayment = await client.payments.createPayment(MERCHANT, {
      order: {
        amountOfMoney: { amount: 500, currencyCode: 'EUR' },
        references: { merchantReference: 'sdk-mit-1' },
      },
      cardPaymentMethodSpecificInput: {
        authorizationMode: 'SALE',
        token,
        unscheduledCardOnFileRequestor: 'merchantInitiated',
        unscheduledCardOnFileSequenceIndicator: 'subsequent',
      },
    });
    assert.equal(tokenPayment.status, 201, JSON.stringify(tokenPayment.body));

    const readToken = await client.tokens.getToken(MERCHANT, token);
    assert.equal(readToken.status, 200);
    const deleted = await client.tokens.deleteToken(MERCHANT, token);
    assert.equal(deleted.status, 204, 'DELETE signs application/json and is accepted');
    assert.equal((await client.tokens.getToken(MERCHANT, token)).status, 404);
  });

  it('a wrong secret is refused with 403, which the SDK reads as an error response', async () => {
    const { port } = new URL(running.origin);
    const wrong = sdk!.init({
      host: '127.0.0.1',
      scheme: 'http',
      port: Number(port),
      integrator: 'test',
      apiKeyId: API_KEY_ID,
      secretApiKey: 'wrong',
      enableLogging: false,
    });
    const answer = await wrong.services.testConnection(MERCHANT);
    assert.equal(answer.status, 403);
    assert.equal(answer.isSuccess, false);
  });

  it('the SDK webhook helper verifies the sandbox webhooks', async () => {
    await running.sandbox.idle();
    assert.ok(receiver.received.length > 0);
    const helper = sdk!.webhooks.init({
      getSecretKey: async (keyId: string) => {
        if (keyId !== WEBHOOK_KEY_ID) throw new Error('unknown key');
        return WEBHOOK_SECRET;
      },
    });
    for (const hook of receiver.received) {
      const headers = Object.fromEntries(
        Object.entries(hook.headers).map(([k, v]) => [k, String(v)]),
      );
      const event = await helper.unmarshal(hook.body, headers);
      assert.match(String(event.type), /^payment\./);
    }
  });
});
