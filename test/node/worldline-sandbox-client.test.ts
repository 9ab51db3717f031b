/**
 * The Worldline Direct client against the Worldline sandbox over real HTTP, for every operation
 * the provider will use; the shopper pays on the sandbox's page with plain form posts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyWebhookSignature } from '../../src/protocol/worldline/webhook.js';
import { parseWebhookEvents } from '../../src/protocol/worldline/webhook-event.js';
import { WorldlineError } from '../../src/server/providers/worldline-direct/errors.js';
import type { WorldlineDirectClient } from '../../src/server/providers/worldline-direct/client.js';
import type { HostedCheckoutInput } from '../../src/server/providers/worldline-direct/types.js';
import {
  openPage,
  payWithCard,
  submit,
  SECRETS,
  startReceiver,
  startWorldline,
  WEBHOOK_KEY_ID,
  WEBHOOK_SECRET,
  type RunningSandbox,
} from '../helpers/worldline-sandbox.js';

const LEGACY_ALIAS = 'OGONE_ALIAS_0042';
const REFUSED_ALIAS = 'OGONE_ALIAS_REFUSED';
const INSISTING_ALIAS = 'OGONE_ALIAS_3DS_REQUIRED';
const EXPIRED_ALIAS = 'OGONE_ALIAS_EXPIRED';
const RETURN = 'https://shop.example/wl/return?o=42';

let running: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let client: WorldlineDirectClient;

before(async () => {
  receiver = await startReceiver();
  running = await startWorldline({
    webhookUrl: receiver.url,
    legacyAlias: (token) =>
      // The shape of the Ogone sandbox's alias memory: masked number, ED, behaviour.
      token === LEGACY_ALIAS
        ? {
            masked: 'XXXXXXXXXXXX1111',
            brand: 'VISA',
            ed: '1230',
            cardholder: 'Legacy Holder',
            behaviour: 'success',
          }
        : token === REFUSED_ALIAS
          ? { masked: 'XXXXXXXXXXXX0002', ed: '1230', behaviour: 'refused' }
          : token === INSISTING_ALIAS
            ? { masked: 'XXXXXXXXXXXX3063', ed: '1230', behaviour: 'authentication-required' }
            : token === EXPIRED_ALIAS
              ? 'expired'
              : undefined,
  });
  client = running.client();
});

after(async () => {
  await running.close();
  await receiver.close();
});

let order = 0;
function checkout(extra: Partial<HostedCheckoutInput> = {}): HostedCheckoutInput {
  order++;
  return {
    amount: { minor: '4250', currency: 'EUR' },
    merchantReference: `order-${order}`,
    returnUrl: RETURN,
    authorizationMode: 'FINAL_AUTHORIZATION',
    language: 'en_GB',
    ...extra,
  };
}

/** Creates a checkout, pays it on the page, checks the return, reads the outcome server-side. */
async function paidCheckout(
  number = '4111 1111 1111 1111',
  extra: Partial<HostedCheckoutInput> = {},
  saveCard = false,
) {
  const created = await client.createHostedCheckout(checkout(extra));
  const back = await payWithCard(created.redirectUrl, number, { saveCard });
  assert.equal(`${back.origin}${back.pathname}`, 'https://shop.example/wl/return');
  assert.equal(back.searchParams.get('o'), '42', 'the shop’s own query is kept');
  assert.equal(back.searchParams.get('hostedCheckoutId'), created.hostedCheckoutId);
  assert.equal(back.searchParams.get('RETURNMAC'), created.returnMac);
  const session = await client.getHostedCheckout(created.hostedCheckoutId);
  return { created, session, payment: session.payment! };
}

describe('hosted checkout, end to end', () => {
  it('create → the shopper pays → return with hostedCheckoutId and RETURNMAC → GET → payment', async () => {
    const { created, session, payment } = await paidCheckout();
    assert.match(created.hostedCheckoutId, /^\d{10}$/);
    assert.ok(created.redirectUrl.startsWith(`${running.baseUrl}/hostedcheckout/`));
    assert.equal(session.state, 'payment-created');
    assert.equal(session.paymentStatusCategory, 'SUCCESSFUL');
    assert.equal(payment.id, `${created.hostedCheckoutId}_0`);
    assert.equal(payment.hostedCheckoutId, created.hostedCheckoutId);
    assert.equal(payment.status.legacyStatus, 5);
    assert.equal(payment.status.status, 'PENDING_CAPTURE');
    assert.deepEqual(payment.amount, { minor: '4250', currency: 'EUR' });
    assert.equal(payment.card?.number, '************1111');
    assert.equal(payment.token, undefined, 'no token without consent');
    const again = await client.getPayment(payment.id);
    assert.deepEqual(again.status, payment.status);
  });

  it('SALE is captured at once (9); a zero-decimal currency keeps its × 100 amount', async () => {
    const { payment } = await paidCheckout('4111111111111111', {
      authorizationMode: 'SALE',
      amount: { minor: '150000', currency: 'JPY' },
    });
    assert.equal(payment.status.legacyStatus, 9);
    assert.deepEqual(payment.amount, { minor: '150000', currency: 'JPY' });
    assert.equal(
      (payment.raw.paymentOutput as { amountOfMoney: { amount: number } }).amountOfMoney.amount,
      1500,
    );
  });

  it('save-card consent gives a token; the next checkout offers it and a token payment uses it', async () => {
    const { payment } = await paidCheckout('4111111111111111', { saveCard: 'ask' }, true);
    assert.match(payment.token ?? '', /^[0-9a-f-]{36}$/);
    const token = await client.getToken(payment.token!);
    assert.equal(token.cardAlias, '411111XXXXXX1111');
    assert.equal(token.expiryDate, '1234');
    const offered = await client.createHostedCheckout(
      checkout({ tokens: [payment.token!, 'gone-token'] }),
    );
    assert.deepEqual(offered.invalidTokens, ['gone-token']);
    const paid = await client.createTokenPayment({
      amount: { minor: '990', currency: 'EUR' },
      merchantReference: 'mit-1',
      token: payment.token!,
      authorizationMode: 'SALE',
      initiator: 'merchant',
    });
    assert.equal(paid.kind, 'done');
    assert.equal(paid.kind === 'done' && paid.payment.status.legacyStatus, 9);
    assert.equal(paid.kind === 'done' && paid.payment.token, payment.token);
  });

  it('refused, uncertain and cancelled checkouts read as the legacy STATUS says', async () => {
    const refused = await paidCheckout('4000 0000 0000 0002');
    assert.equal(refused.payment.status.legacyStatus, 2);
    assert.equal(refused.session.paymentStatusCategory, 'REJECTED');
    const uncertain = await paidCheckout('4000 0000 0000 0051');
    assert.equal(uncertain.payment.status.legacyStatus, 52);
    assert.equal(uncertain.payment.status.info.outcome, 'uncertain');
  });
});

describe('token payments', () => {
  it('a legacy Ogone alias is accepted verbatim as a token', async () => {
    const result = await client.createTokenPayment({
      amount: { minor: '1200', currency: 'EUR' },
      merchantReference: 'legacy-1',
      token: LEGACY_ALIAS,
      authorizationMode: 'FINAL_AUTHORIZATION',
      initiator: 'merchant',
    });
    assert.equal(result.kind, 'done');
    if (result.kind !== 'done') return;
    assert.equal(result.payment.status.legacyStatus, 5);
    assert.equal(result.payment.token, LEGACY_ALIAS);
    const token = await client.getToken(LEGACY_ALIAS);
    assert.equal(token.cardAlias, 'XXXXXXXXXXXX1111', 'only what the alias memory knows');
    assert.equal(token.expiryDate, '1230');
    await assert.rejects(
      client.getToken(EXPIRED_ALIAS),
      (error: unknown) => error instanceof WorldlineError && error.code === 'not-found',
    );
  });

  it('3-D Secure: the shopper is sent to the challenge (merchantAction REDIRECT), then back', async () => {
    const created = await client.createHostedCheckout(
      checkout({ saveCard: 'always', authorizationMode: 'SALE' }),
    );
    const back = await payWithCard(created.redirectUrl, '4874 9706 8667 2022', {
      challenge: 'complete',
    });
    assert.equal(back.searchParams.get('RETURNMAC'), created.returnMac);
    const { payment } = await client.getHostedCheckout(created.hostedCheckoutId);
    assert.equal(payment?.status.legacyStatus, 9);
    const token = payment!.token!;

    const result = await client.createTokenPayment({
      amount: { minor: '700', currency: 'EUR' },
      merchantReference: 'cit-1',
      token,
      authorizationMode: 'SALE',
      initiator: 'customer',
      returnUrl: 'https://shop.example/wl/3ds',
    });
    assert.equal(result.kind, 'redirect');
    if (result.kind !== 'redirect') return;
    assert.equal(result.payment?.status.legacyStatus, 46, 'waiting authentication');
    const page = await fetch(result.redirectUrl);
    const html = await page.text();
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, result.redirectUrl).href;
    const done = await fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=complete',
      redirect: 'manual',
    });
    const location = new URL(done.headers.get('location')!);
    assert.equal(location.searchParams.get('paymentId'), result.payment!.id);
    assert.equal(location.searchParams.get('RETURNMAC'), result.returnMac);
    assert.equal((await client.getPayment(result.payment!.id)).status.legacyStatus, 9);

    const mit = await client.createTokenPayment({
      amount: { minor: '700', currency: 'EUR' },
      merchantReference: 'mit-2',
      token,
      authorizationMode: 'SALE',
      initiator: 'merchant',
    });
    assert.equal(mit.kind, 'done', 'a merchant-initiated payment is not challenged');
  });

  it('the shopper picks a saved card (a legacy alias) on the hosted page', async () => {
    const created = await client.createHostedCheckout(checkout({ tokens: [LEGACY_ALIAS] }));
    const page = await openPage(created.redirectUrl);
    assert.ok(
      page.text.includes('************1111 · expires 12/30'),
      'the saved card is offered, masked',
    );
    const answer = await submit(page.forms[0]!, { token: LEGACY_ALIAS, action: 'pay-token' });
    assert.equal(answer.status, 303);
    const { payment } = await client.getHostedCheckout(created.hostedCheckoutId);
    assert.equal(payment?.status.legacyStatus, 5);
    assert.equal(payment?.token, LEGACY_ALIAS);
  });

  it('an issuer that insists on 3-D Secure: declined without the shopper, challenged with them', async () => {
    const base = {
      amount: { minor: '500', currency: 'EUR' },
      token: INSISTING_ALIAS,
      authorizationMode: 'SALE',
    } as const;
    const mit = await client.createTokenPayment({
      ...base,
      merchantReference: 'insist-1',
      initiator: 'merchant',
    });
    assert.equal(mit.kind, 'declined');
    assert.deepEqual(mit.kind === 'declined' && mit.errorIds, ['AUTHENTICATION_REQUIRED']);
    const cit = await client.createTokenPayment({
      ...base,
      merchantReference: 'insist-2',
      initiator: 'customer',
      returnUrl: 'https://shop.example/wl/3ds',
    });
    assert.equal(cit.kind, 'redirect');
  });

  it('a waiting card on the page reads 41 (pending)', async () => {
    const { payment } = await paidCheckout('4000 0000 0000 0041');
    assert.equal(payment.status.legacyStatus, 41);
    assert.equal(payment.status.info.outcome, 'pending');
  });

  it('a refused card comes back declined; an unknown token is not found', async () => {
    const declined = await client.createTokenPayment({
      amount: { minor: '100', currency: 'EUR' },
      merchantReference: 'declined-1',
      token: REFUSED_ALIAS,
      authorizationMode: 'SALE',
      initiator: 'merchant',
    });
    assert.equal(declined.kind, 'declined');
    if (declined.kind !== 'declined') return;
    assert.equal(declined.payment?.status.legacyStatus, 2);
    assert.deepEqual(declined.errorIds, ['AUTHORIZATION_REFUSED']);
    assert.ok(declined.errorId);
    assert.ok(declined.idempotence.key);
    const saved = await paidCheckout('4000 0000 0000 0002', { saveCard: 'always' });
    assert.equal(saved.payment.token, undefined, 'no token for a refused card');
    await assert.rejects(
      client.createTokenPayment({
        amount: { minor: '100', currency: 'EUR' },
        merchantReference: 'x',
        token: 'no-such-token',
        authorizationMode: 'SALE',
        initiator: 'merchant',
      }),
      (error: unknown) => error instanceof WorldlineError && error.code === 'not-found',
    );
  });
});

describe('after-sale operations', () => {
  it('capture partial, then final; no capture after that (409)', async () => {
    const { payment } = await paidCheckout();
    const first = await client.capturePayment(payment.id, {
      amount: { minor: '1000', currency: 'EUR' },
    });
    assert.equal(first.id, `${payment.id.split('_')[0]}_1`);
    assert.equal(first.status.legacyStatus, 9);
    assert.deepEqual(first.amount, { minor: '1000', currency: 'EUR' });
    const afterFirst = await client.getPayment(payment.id);
    assert.equal(afterFirst.status.legacyStatus, 9);
    assert.equal(afterFirst.isCancellable, true, 'the rest may still be released');
    await assert.rejects(
      client.capturePayment(payment.id, { amount: { minor: '4000', currency: 'EUR' } }),
      (error: unknown) => error instanceof WorldlineError && error.code === 'rejected',
      'more than what remains',
    );
    const final = await client.capturePayment(payment.id, {
      amount: { minor: '2000', currency: 'EUR' },
      isFinal: true,
    });
    assert.equal(final.id, `${payment.id.split('_')[0]}_2`);
    const closed = await client.getPayment(payment.id);
    assert.equal(closed.isCancellable, false);
    assert.deepEqual((closed.raw.paymentOutput as { acquiredAmount: unknown }).acquiredAmount, {
      amount: 3000,
      currencyCode: 'EUR',
    });
    await assert.rejects(
      client.capturePayment(payment.id),
      (error: unknown) => error instanceof WorldlineError && error.code === 'not-allowed',
    );
  });

  it('refund partial; an over-refund is refused; a full refund reads 8', async () => {
    const { payment } = await paidCheckout('4111111111111111', { authorizationMode: 'SALE' });
    const partial = await client.refundPayment(payment.id, {
      amount: { minor: '1250', currency: 'EUR' },
      reason: 'one item back',
    });
    assert.equal(partial.status.legacyStatus, 8);
    assert.equal(
      (await client.getPayment(payment.id)).status.legacyStatus,
      9,
      'a partial refund leaves 9',
    );
    const over = await client
      .refundPayment(payment.id, { amount: { minor: '3001', currency: 'EUR' } })
      .catch((error: unknown) => error);
    assert.ok(over instanceof WorldlineError);
    assert.equal(over.code, 'rejected');
    assert.equal(over.httpStatus, 400);
    assert.equal(over.errors[0]?.propertyName, 'amountOfMoney.amount');
    assert.ok(over.errorId);
    await client.refundPayment(payment.id, { amount: { minor: '3000', currency: 'EUR' } });
    const refunded = await client.getPayment(payment.id);
    assert.equal(refunded.status.legacyStatus, 8);
    assert.equal(refunded.status.info.outcome, 'refunded');
  });

  it('refund before capture is refused; cancel releases the authorisation (6), twice is 409', async () => {
    const { payment } = await paidCheckout();
    await assert.rejects(
      client.refundPayment(payment.id, { amount: { minor: '100', currency: 'EUR' } }),
      (error: unknown) => error instanceof WorldlineError && error.code === 'rejected',
    );
    const cancelled = await client.cancelPayment(payment.id);
    assert.equal(cancelled.payment?.status.legacyStatus, 6);
    assert.equal(cancelled.payment?.status.info.outcome, 'voided');
    await assert.rejects(
      client.cancelPayment(payment.id),
      (error: unknown) => error instanceof WorldlineError && error.code === 'not-allowed',
    );
  });

  it('tokens: delete is 204, then the token is gone (404), a legacy alias included', async () => {
    const { payment } = await paidCheckout('4111111111111111', { saveCard: 'always' });
    assert.deepEqual(await client.deleteToken(payment.token!), { deleted: true });
    assert.deepEqual(await client.deleteToken(payment.token!), { deleted: false });
    await assert.rejects(
      client.getToken(payment.token!),
      (error: unknown) => error instanceof WorldlineError && error.code === 'not-found',
    );
    const separate = await startWorldline({
      legacyAlias: () => ({ masked: 'XXXXXXXXXXXX1111', ed: '1230', behaviour: 'success' }),
    });
    try {
      const other = separate.client();
      assert.deepEqual(await other.deleteToken('ALIAS-X'), { deleted: true });
      await assert.rejects(
        other.getToken('ALIAS-X'),
        (error: unknown) => error instanceof WorldlineError && error.code === 'not-found',
      );
    } finally {
      await separate.close();
    }
  });

  it('test connection checks the credentials (403 for a wrong secret)', async () => {
    assert.deepEqual(await client.testConnection(), { result: 'OK' });
    const wrong = running.client({ apiSecret: 'not-the-secret' });
    const error = await wrong.testConnection().catch((e: unknown) => e);
    assert.ok(error instanceof WorldlineError);
    assert.equal(error.code, 'authentication-failed');
    assert.equal(error.httpStatus, 403);
    assert.equal(error.errors[0]?.id, 'AUTHENTICATION_FAILURE');
  });
});

describe('idempotence', () => {
  it('the same key gives the same answer, marked with the first request time', async () => {
    const input = checkout();
    const first = await client.createHostedCheckout(input, { idempotenceKey: `hc-${order}-a` });
    const second = await client.createHostedCheckout(
      { ...input, amount: { minor: '1', currency: 'EUR' } },
      { idempotenceKey: `hc-${order}-a` },
    );
    assert.equal(first.idempotence.replayedFrom, undefined);
    assert.equal(second.hostedCheckoutId, first.hostedCheckoutId, '"even with different payloads"');
    assert.equal(second.returnMac, first.returnMac);
    assert.equal(typeof second.idempotence.replayedFrom, 'number');
    const { payment } = await paidCheckout();
    const capture = await client.capturePayment(
      payment.id,
      { amount: { minor: '100', currency: 'EUR' } },
      { idempotenceKey: 'cap-once' },
    );
    const replay = await client.capturePayment(
      payment.id,
      { amount: { minor: '100', currency: 'EUR' } },
      { idempotenceKey: 'cap-once' },
    );
    assert.equal(replay.id, capture.id);
    assert.ok(replay.idempotence.replayedFrom);
    const read = await client.getPayment(payment.id);
    assert.deepEqual(
      (read.raw.paymentOutput as { acquiredAmount: unknown }).acquiredAmount,
      { amount: 100, currencyCode: 'EUR' },
      'captured once',
    );
  });

  it('a request still in progress answers 409 (idempotence-in-progress), then the replay', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = await startWorldline({ beforeProcessing: () => gate });
    try {
      const heldClient = held.client();
      const first = heldClient.createHostedCheckout(checkout(), { idempotenceKey: 'busy-1' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const busy = await heldClient
        .createHostedCheckout(checkout(), { idempotenceKey: 'busy-1' })
        .catch((e: unknown) => e);
      assert.ok(busy instanceof WorldlineError);
      assert.equal(busy.code, 'idempotence-in-progress');
      assert.equal(busy.httpStatus, 409);
      assert.equal(busy.effect, 'unknown');
      release();
      const done = await first;
      const replay = await heldClient.createHostedCheckout(checkout(), {
        idempotenceKey: 'busy-1',
      });
      assert.equal(replay.hostedCheckoutId, done.hostedCheckoutId);
    } finally {
      release();
      await held.close();
    }
  });
});

describe('webhooks', () => {
  it('every status change is sent signed; the protocol module verifies it byte for byte', async () => {
    const before = receiver.received.length;
    const { payment } = await paidCheckout();
    await client.capturePayment(payment.id);
    await running.sandbox.idle();
    const mine = receiver.received.slice(before);
    const events = [];
    for (const hook of mine) {
      const { keyId } = await verifyWebhookSignature(hook.body, hook.headers, (id) =>
        id === WEBHOOK_KEY_ID ? WEBHOOK_SECRET : undefined,
      );
      assert.equal(keyId, WEBHOOK_KEY_ID);
      events.push(...parseWebhookEvents(hook.body));
    }
    const forPayment = events.filter((event) => event.subject.id === payment.id);
    assert.deepEqual(
      forPayment.map((event) => event.type),
      ['payment.pending_capture', 'payment.captured'],
    );
    assert.equal(new Set(forPayment.map((event) => event.id)).size, 2);
    const tampered = Buffer.from(mine[0]!.body);
    tampered[10] = tampered[10]! ^ 1;
    await assert.rejects(
      verifyWebhookSignature(tampered, mine[0]!.headers, () => WEBHOOK_SECRET),
      /failed to validate signature/,
    );
  });

  it('a failing endpoint is retried, and the per-payment webhooksUrls receive it too', async () => {
    const flaky = await startReceiver([500, 503]);
    const extra = await startReceiver();
    const local = await startWorldline({ webhookUrl: flaky.url });
    try {
      const localClient = local.client();
      const created = await localClient.createHostedCheckout(checkout({ webhookUrl: extra.url }));
      await payWithCard(created.redirectUrl, '4111111111111111');
      await local.sandbox.idle();
      assert.equal(flaky.received.length, 3, 'two failures, then delivered');
      assert.equal(extra.received.length, 1);
      const log = local.sandbox.webhookLog().filter((entry) => entry.url === flaky.url);
      assert.deepEqual(
        log.map((entry) => [entry.attempt, entry.ok, entry.httpStatus]),
        [
          [1, false, 500],
          [2, false, 503],
          [3, true, 200],
        ],
      );
      assert.deepEqual(
        flaky.received[0]!.body,
        flaky.received[2]!.body,
        'the same bytes each time',
      );
    } finally {
      await local.close();
      await flaky.close();
      await extra.close();
    }
  });
});

describe('secrets', () => {
  it('no answer, error or log line of the whole suite holds either secret', async () => {
    // A call that fails with the platform's error shape, to have errors in the logs too.
    await client.getPayment('0000000000_0').catch(() => undefined);
    const everything = [
      ...running.seen.map((seen) => `${seen.url}\n${seen.status}\n${seen.headers}\n${seen.body}`),
      ...running.logs.map((entry) => JSON.stringify(entry)),
      ...receiver.received.map(
        (hook) => `${JSON.stringify(hook.headers)}\n${hook.body.toString()}`,
      ),
    ].join('\n');
    assert.ok(running.seen.length > 40, `${running.seen.length} answers scanned`);
    for (const secret of SECRETS) {
      for (const form of [secret, encodeURIComponent(secret)]) {
        assert.ok(!everything.includes(form), 'a secret leaked');
      }
    }
  });
});
