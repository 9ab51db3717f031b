/** The sandbox's test controls: payments held uncertain, DirectLink answers lost. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOgoneParams, verifyShaOut } from '../../src/protocol/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import {
  aliasOrder,
  call,
  directBody,
  directSandbox,
  pageUrl,
  savedAlias,
} from '../helpers/directlink.js';
import { baseFields, checkout, HOST, SHA_OUT, URLS } from '../helpers/sandbox.js';

function recording(options = {}): { sandbox: Sandbox; feedbacks: Record<string, string>[] } {
  const feedbacks: Record<string, string>[] = [];
  const sandbox = directSandbox({
    feedbackUrl: 'https://shop.example/ogone/feedback',
    fetch: async (_url, init) => {
      feedbacks.push(parseOgoneParams(String(init.body)));
      return new Response('OK');
    },
    ...options,
  });
  return { sandbox, feedbacks };
}

async function status(sandbox: Sandbox, orderId: string): Promise<string | undefined> {
  return (await call(sandbox, 'querydirect', { ORDERID: orderId })).attrs['STATUS'];
}

describe('holdUncertain', () => {
  it('keeps a DirectLink payment at 92 until released, then sends the signed 9', async () => {
    const { sandbox, feedbacks } = recording();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias);
    sandbox.controls.holdUncertain(fields['ORDERID']!);
    const answer = await call(sandbox, 'orderdirect', fields);
    assert.equal(answer.attrs['STATUS'], '92');
    assert.equal(answer.attrs['NCERROR'], '20002001');
    assert.equal(await status(sandbox, fields['ORDERID']!), '92');
    assert.deepEqual(sandbox.controls.state().held, [
      { orderId: fields['ORDERID'], untilMs: null },
    ]);
    await sandbox.idle(); // a hold without a moment is not waited for
    const before = feedbacks.length;
    assert.equal(await sandbox.controls.releaseUncertain(fields['ORDERID']!), true);
    assert.equal(await status(sandbox, fields['ORDERID']!), '9');
    const change = feedbacks.slice(before);
    assert.deepEqual(
      change.map((f) => [f['PAYID'], f['STATUS']]),
      [[answer.attrs['PAYID'], '9']],
    );
    assert.equal(await verifyShaOut(change[0]!, SHA_OUT, 'sha512'), true);
    assert.equal(await sandbox.controls.releaseUncertain(fields['ORDERID']!), false);
    assert.deepEqual(sandbox.controls.state().held, []);
  });

  it('resolves by itself at the chosen moment (52 for an authorisation)', async () => {
    const { sandbox } = recording({ now: () => new Date() });
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias, { OPERATION: 'RES' });
    sandbox.controls.holdUncertain(fields['ORDERID']!, Date.now() + 60);
    assert.equal((await call(sandbox, 'orderdirect', fields)).attrs['STATUS'], '52');
    await sandbox.idle();
    assert.equal(await status(sandbox, fields['ORDERID']!), '5');
  });

  it('holds a refused card at 92 and frees its ORDERID once it turns 2', async () => {
    const { sandbox } = recording();
    const alias = await savedAlias(sandbox);
    const fields: Record<string, string> = {
      ...aliasOrder(alias),
      CARDNO: '4000000000000002',
      ED: '12/34',
    };
    const orderId = fields['ORDERID']!;
    sandbox.controls.holdUncertain(orderId);
    assert.equal((await call(sandbox, 'orderdirect', fields)).attrs['STATUS'], '92');
    assert.equal(
      (await call(sandbox, 'orderdirect', { ...aliasOrder(alias), ORDERID: orderId })).attrs[
        'NCERROR'
      ],
      '50001113',
    );
    await sandbox.controls.releaseUncertain(orderId);
    assert.equal(await status(sandbox, orderId), '2');
    const retry = await call(sandbox, 'orderdirect', {
      ...aliasOrder(alias),
      ORDERID: orderId,
    });
    assert.equal(retry.attrs['STATUS'], '9');
  });

  it('holds a capture at 92 (and a refund at 82) instead of 91 / 81', async () => {
    const { sandbox } = recording();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias, { OPERATION: 'RES' });
    const payId = (await call(sandbox, 'orderdirect', fields)).attrs['PAYID']!;
    sandbox.controls.holdUncertain(fields['ORDERID']!);
    const capture = await call(sandbox, 'maintenancedirect', { PAYID: payId, OPERATION: 'SAS' });
    assert.equal(capture.attrs['STATUS'], '92');
    await sandbox.idle();
    assert.equal(await status(sandbox, fields['ORDERID']!), '92');
    await sandbox.controls.releaseUncertain(fields['ORDERID']!);
    assert.equal(await status(sandbox, fields['ORDERID']!), '9');
    sandbox.controls.holdUncertain(fields['ORDERID']!);
    const refund = await call(sandbox, 'maintenancedirect', {
      PAYID: payId,
      OPERATION: 'RFD',
      AMOUNT: '100',
    });
    assert.equal(refund.attrs['STATUS'], '82');
    await sandbox.controls.releaseUncertain(fields['ORDERID']!);
    assert.equal(await status(sandbox, fields['ORDERID']!), '8');
  });

  it('holds a hosted-page payment: EXCEPTIONURL with 92, then the deferred feedback with 9', async () => {
    const { sandbox, feedbacks } = recording();
    const fields = baseFields(URLS);
    sandbox.controls.holdUncertain(fields['ORDERID']!);
    const redirect = await checkout(sandbox, fields);
    assert.equal(redirect.target, URLS.EXCEPTIONURL);
    assert.equal(redirect.params['STATUS'], '92');
    await sandbox.controls.releaseUncertain(fields['ORDERID']!);
    const last = feedbacks.at(-1)!;
    assert.equal(last['STATUS'], '9');
    assert.equal(last['PAYID'], redirect.params['PAYID']);
    assert.equal(last['PAYIDSUB'], undefined);
    assert.equal(await verifyShaOut(last, SHA_OUT, 'sha512'), true);
  });

  it('refuses a malformed control with a TypeError', () => {
    const sandbox = directSandbox();
    assert.throws(() => sandbox.controls.holdUncertain(''), TypeError);
    assert.throws(() => sandbox.controls.holdUncertain('A', -1), TypeError);
    assert.throws(
      () => sandbox.controls.dropNextAnswer('orderstandard' as 'orderdirect'),
      TypeError,
    );
  });
});

describe('dropNextAnswer', () => {
  it('applies the payment but resets the connection; a retry with the ORDERID finds it (50001113)', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias);
    sandbox.controls.dropNextAnswer('orderdirect');
    await assert.rejects(call(sandbox, 'orderdirect', fields), TypeError);
    const query = await call(sandbox, 'querydirect', { ORDERID: fields['ORDERID']! });
    assert.equal(query.attrs['STATUS'], '9', 'applied although the answer was lost');
    const retry = await call(sandbox, 'orderdirect', fields);
    assert.equal(retry.attrs['NCERROR'], '50001113');
    assert.equal(retry.attrs['PAYID'], query.attrs['PAYID']);
  });

  it('loses a maintenance answer after a silence, so a client times out; the capture happened', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias, { OPERATION: 'RES' });
    const payId = (await call(sandbox, 'orderdirect', fields)).attrs['PAYID']!;
    sandbox.controls.dropNextAnswer('maintenancedirect', { mode: 'timeout', afterMs: 5000 });
    const body = new URLSearchParams(
      await directBody({ PAYID: payId, OPERATION: 'SAL', AMOUNT: '500' }),
    );
    await assert.rejects(
      sandbox.fetch(pageUrl('maintenancedirect'), {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(50),
      }),
      (error: Error) => error.name === 'TimeoutError',
    );
    await sandbox.idle();
    const step = await call(sandbox, 'querydirect', { PAYID: payId, PAYIDSUB: '1' });
    assert.equal(step.attrs['amount'], '5');
    assert.equal(step.attrs['STATUS'], '9');
    sandbox.close(); // ends the silence
  });

  it('drops only the next answer of that page', async () => {
    const sandbox = directSandbox();
    sandbox.controls.dropNextAnswer('querydirect');
    assert.equal(
      (await call(sandbox, 'orderdirect', aliasOrder('NONE'))).attrs['NCERROR'],
      '50001111',
    );
    await assert.rejects(call(sandbox, 'querydirect', { ORDERID: 'X' }));
    assert.equal(
      (await call(sandbox, 'querydirect', { ORDERID: 'X' })).attrs['NCERROR'],
      '50001130',
    );
  });
});

describe('/ncol/sandbox/controls (JSON)', () => {
  const url = `${HOST}/ncol/sandbox/controls`;
  const postJson = (sandbox: Sandbox, body: unknown, type = 'application/json') =>
    sandbox.handler(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify(body),
      }),
    );

  it('holds, drops and releases like the code API, and shows the state', async () => {
    const sandbox = directSandbox();
    const hold = await postJson(sandbox, {
      action: 'hold-uncertain',
      orderId: 'ORD-9',
      untilMs: 4102444800000,
    });
    assert.equal(hold.status, 200);
    const drop = await postJson(sandbox, {
      action: 'drop-next-answer',
      page: 'querydirect',
      mode: 'timeout',
      afterMs: 10,
    });
    assert.deepEqual(((await drop.json()) as { state: unknown }).state, {
      armed: [{ orderId: 'ORD-9', untilMs: 4102444800000 }],
      held: [],
      drops: [{ page: 'querydirect', mode: 'timeout', afterMs: 10 }],
    });
    const state = await sandbox.handler(new Request(url));
    assert.equal(((await state.json()) as { drops: unknown[] }).drops.length, 1);
    const release = await postJson(sandbox, { action: 'release-uncertain', orderId: 'ORD-9' });
    assert.equal(((await release.json()) as { released: boolean }).released, false);
  });

  it('refuses other media types (415), bad JSON and bad actions (400), other methods (405)', async () => {
    const sandbox = directSandbox();
    const form = await postJson(
      sandbox,
      { action: 'hold-uncertain', orderId: 'A' },
      'application/x-www-form-urlencoded',
    );
    assert.equal(form.status, 415);
    assert.equal(
      ((await form.json()) as { error: { code: string } }).error.code,
      'unsupported-media-type',
    );
    const bad = await sandbox.handler(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      }),
    );
    assert.equal(bad.status, 400);
    const wrong = await postJson(sandbox, { action: 'drop-next-answer', page: 'nope' });
    assert.equal(wrong.status, 400);
    assert.equal(
      ((await wrong.json()) as { error: { code: string } }).error.code,
      'invalid-request',
    );
    assert.equal((await sandbox.handler(new Request(url, { method: 'DELETE' }))).status, 405);
    assert.deepEqual(sandbox.controls.state(), { armed: [], held: [], drops: [] });
  });
});
