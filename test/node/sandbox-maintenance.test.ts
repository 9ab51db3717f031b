/** maintenancedirect and querydirect in the sandbox: captures, cancels, refunds, status changes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOgoneParams, verifyShaOut } from '../../src/protocol/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import {
  aliasOrder,
  call,
  directSandbox,
  savedAlias,
  type NcAnswer,
} from '../helpers/directlink.js';
import { baseFields, checkout, SHA_OUT, URLS } from '../helpers/sandbox.js';

interface Recorder {
  sandbox: Sandbox;
  feedbacks: Record<string, string>[];
}

/** A sandbox that records every feedback it sends. */
function recording(maintenanceDelayMs = 0): Recorder {
  const feedbacks: Record<string, string>[] = [];
  const sandbox = directSandbox({
    maintenanceDelayMs,
    feedbackUrl: 'https://shop.example/ogone/feedback',
    fetch: async (_url, init) => {
      feedbacks.push(parseOgoneParams(String(init.body)));
      return new Response('OK');
    },
  });
  return { sandbox, feedbacks };
}

/** An authorisation (RES) of 15.10 EUR with a saved card. */
async function authorised(sandbox: Sandbox, amount = '1510'): Promise<NcAnswer> {
  const alias = await savedAlias(sandbox);
  const answer = await call(
    sandbox,
    'orderdirect',
    aliasOrder(alias, { OPERATION: 'RES', AMOUNT: amount }),
  );
  assert.equal(answer.attrs['STATUS'], '5');
  return answer;
}

function maintain(sandbox: Sandbox, payId: string, operation: string, amount?: string) {
  return call(sandbox, 'maintenancedirect', {
    PAYID: payId,
    OPERATION: operation,
    ...(amount === undefined ? {} : { AMOUNT: amount }),
  });
}

function brief(answer: NcAnswer) {
  const { STATUS, PAYIDSUB, NCERROR, amount } = answer.attrs;
  return { STATUS, PAYIDSUB, NCERROR, amount };
}

describe('capture (SAL partial, SAS last)', () => {
  it('answers 91 with the next PAYIDSUB, then 9 with a signed status-change feedback', async () => {
    const { sandbox, feedbacks } = recording();
    const payment = await authorised(sandbox);
    const payId = payment.attrs['PAYID']!;
    const first = await maintain(sandbox, payId, 'SAL', '500');
    assert.deepEqual(brief(first), { STATUS: '91', PAYIDSUB: '1', NCERROR: '0', amount: '5' });
    assert.equal(first.attrs['orderID'], payment.attrs['orderID']);
    await sandbox.idle();
    const change = feedbacks.at(-1)!;
    assert.equal(change['PAYID'], payId);
    assert.equal(change['PAYIDSUB'], '1');
    assert.equal(change['STATUS'], '9');
    assert.equal(change['amount'], '5');
    assert.equal(change['orderID'], payment.attrs['orderID']);
    assert.equal(await verifyShaOut(change, SHA_OUT, 'sha512'), true, 'signed with SHA-OUT');
    assert.equal(await verifyShaOut({ ...change, PAYIDSUB: '2' }, SHA_OUT, 'sha512'), false);

    const query = await call(sandbox, 'querydirect', { PAYID: payId });
    assert.deepEqual(brief(query), { STATUS: '9', PAYIDSUB: '1', NCERROR: '0', amount: '5' });

    const last = await maintain(sandbox, payId, 'SAS');
    assert.deepEqual(brief(last), { STATUS: '91', PAYIDSUB: '2', NCERROR: '0', amount: '10.1' });
    await sandbox.idle();
    const refused = await maintain(sandbox, payId, 'SAL', '1');
    assert.deepEqual(brief(refused), {
      STATUS: '0',
      PAYIDSUB: '2',
      NCERROR: '50001127',
      amount: '',
    });
    assert.equal(refused.attrs['NCERRORPLUS'], '|this order is not authorized|');
  });

  it('refuses capturing more than authorised, a sale, and a refused payment', async () => {
    const { sandbox } = recording();
    const payment = await authorised(sandbox);
    assert.equal(
      (await maintain(sandbox, payment.attrs['PAYID']!, 'SAL', '1511')).attrs['NCERROR'],
      '50001127',
    );
    const alias = await savedAlias(sandbox);
    const sale = await call(sandbox, 'orderdirect', aliasOrder(alias));
    assert.equal(
      (await maintain(sandbox, sale.attrs['PAYID']!, 'SAS')).attrs['NCERROR'],
      '50001127',
    );
    const refusedPayment = await call(sandbox, 'orderdirect', {
      ...aliasOrder(alias, { OPERATION: 'RES' }),
      CARDNO: '4000000000000002',
      ED: '12/34',
    });
    assert.equal(
      (await maintain(sandbox, refusedPayment.attrs['PAYID']!, 'SAS')).attrs['NCERROR'],
      '50001127',
    );
  });

  it('stays 91 until the delay has passed', async () => {
    const { sandbox, feedbacks } = recording(80);
    const payId = (await authorised(sandbox)).attrs['PAYID']!;
    const before = feedbacks.length;
    const started = performance.now();
    await maintain(sandbox, payId, 'SAS');
    assert.equal((await call(sandbox, 'querydirect', { PAYID: payId })).attrs['STATUS'], '91');
    assert.equal(feedbacks.length, before, 'no feedback while pending');
    await sandbox.idle();
    assert.ok(performance.now() - started >= 75);
    assert.equal((await call(sandbox, 'querydirect', { PAYID: payId })).attrs['STATUS'], '9');
    assert.deepEqual(
      feedbacks.slice(before).map((f) => [f['PAYID'], f['PAYIDSUB'], f['STATUS']]),
      [[payId, '1', '9']],
    );
  });
});

describe('cancel (DES, DEL)', () => {
  for (const operation of ['DES', 'DEL']) {
    it(`${operation} an authorisation: 61, then 6; nothing can be captured after`, async () => {
      const { sandbox, feedbacks } = recording();
      const payId = (await authorised(sandbox)).attrs['PAYID']!;
      const cancel = await maintain(sandbox, payId, operation);
      assert.deepEqual(brief(cancel), {
        STATUS: '61',
        PAYIDSUB: '1',
        NCERROR: '0',
        amount: '15.1',
      });
      await sandbox.idle();
      assert.equal(feedbacks.at(-1)!['STATUS'], '6');
      assert.equal((await call(sandbox, 'querydirect', { PAYID: payId })).attrs['STATUS'], '6');
      assert.equal((await maintain(sandbox, payId, 'SAS')).attrs['NCERROR'], '50001127');
      assert.equal((await maintain(sandbox, payId, operation)).attrs['NCERROR'], '50001127');
    });
  }

  it('refuses cancelling a sale or a partly captured authorisation', async () => {
    const { sandbox } = recording();
    const alias = await savedAlias(sandbox);
    const sale = await call(sandbox, 'orderdirect', aliasOrder(alias));
    assert.equal(
      (await maintain(sandbox, sale.attrs['PAYID']!, 'DES')).attrs['NCERROR'],
      '50001127',
    );
    const payId = (await authorised(sandbox)).attrs['PAYID']!;
    await maintain(sandbox, payId, 'SAL', '100');
    assert.equal((await maintain(sandbox, payId, 'DES')).attrs['NCERROR'], '50001127');
  });
});

describe('refund (RFD partial, RFS last)', () => {
  it('refunds exact amounts of a sale: 81 then 8; over-refund is 50001129; after RFS nothing', async () => {
    const { sandbox, feedbacks } = recording();
    const alias = await savedAlias(sandbox);
    const payId = (await call(sandbox, 'orderdirect', aliasOrder(alias))).attrs['PAYID']!;
    const partial = await maintain(sandbox, payId, 'RFD', '400');
    assert.deepEqual(brief(partial), { STATUS: '81', PAYIDSUB: '1', NCERROR: '0', amount: '4' });
    await sandbox.idle();
    assert.equal(feedbacks.at(-1)!['STATUS'], '8');
    const over = await maintain(sandbox, payId, 'RFD', '1111');
    assert.equal(over.attrs['NCERROR'], '50001129');
    assert.equal(over.attrs['STATUS'], '0');
    const rest = await maintain(sandbox, payId, 'RFS', '1110');
    assert.deepEqual(brief(rest), { STATUS: '81', PAYIDSUB: '2', NCERROR: '0', amount: '11.1' });
    await sandbox.idle();
    assert.equal((await maintain(sandbox, payId, 'RFD', '1')).attrs['NCERROR'], '50001127');
    const steps = await Promise.all(
      ['0', '1', '2'].map((sub) => call(sandbox, 'querydirect', { PAYID: payId, PAYIDSUB: sub })),
    );
    assert.deepEqual(
      steps.map((s) => [s.attrs['PAYIDSUB'], s.attrs['STATUS'], s.attrs['amount']]),
      [
        ['0', '9', '15.1'],
        ['1', '8', '4'],
        ['2', '8', '11.1'],
      ],
    );
  });

  it('refunds only what was captured for good, not an authorisation or a pending capture', async () => {
    const { sandbox } = recording(60);
    const payId = (await authorised(sandbox)).attrs['PAYID']!;
    assert.equal((await maintain(sandbox, payId, 'RFD', '100')).attrs['NCERROR'], '50001127');
    await maintain(sandbox, payId, 'SAL', '1000');
    assert.equal((await maintain(sandbox, payId, 'RFD', '100')).attrs['NCERROR'], '50001127');
    await sandbox.idle();
    assert.equal((await maintain(sandbox, payId, 'RFD', '1000')).attrs['STATUS'], '81');
    assert.equal((await maintain(sandbox, payId, 'RFD', '1')).attrs['NCERROR'], '50001129');
  });

  it('lets one of two concurrent refunds of the whole amount through', async () => {
    const { sandbox } = recording();
    const alias = await savedAlias(sandbox);
    const payId = (await call(sandbox, 'orderdirect', aliasOrder(alias))).attrs['PAYID']!;
    const answers = await Promise.all([
      maintain(sandbox, payId, 'RFD', '1000'),
      maintain(sandbox, payId, 'RFD', '1000'),
    ]);
    assert.deepEqual(answers.map((a) => a.attrs['NCERROR']).sort(), ['0', '50001129']);
  });
});

describe('after-sale on a hosted-page payment, and querydirect', () => {
  it('captures a hosted-page authorisation by ORDERID and queries it with COMPLUS and PARAMPLUS', async () => {
    const { sandbox } = recording();
    const fields = baseFields({
      ...URLS,
      OPERATION: 'RES',
      COMPLUS: 'ref-77',
      PARAMPLUS: 'cart=9&x=1',
    });
    const paid = await checkout(sandbox, fields);
    assert.equal(paid.params['STATUS'], '5');
    const capture = await call(sandbox, 'maintenancedirect', {
      ORDERID: fields['ORDERID']!,
      OPERATION: 'SAS',
      AMOUNT: '1510',
    });
    assert.equal(capture.attrs['STATUS'], '91');
    assert.equal(capture.attrs['PAYID'], paid.params['PAYID']);
    await sandbox.idle();
    const query = await call(sandbox, 'querydirect', { ORDERID: fields['ORDERID']! });
    assert.equal(query.attrs['STATUS'], '9');
    assert.equal(query.attrs['CARDNO'], 'XXXXXXXXXXXX1111');
    assert.equal(query.attrs['ECI'], '7');
    assert.equal(query.attrs['COMPLUS'], 'ref-77');
    assert.equal(query.attrs['cart'], '9');
    assert.equal(query.attrs['x'], '1');
    assert.match(query.attrs['IP']!, /^[\d.]+$/);
  });

  it('answers 50001130 for an unknown ORDERID, 50001131 for an unknown PAYID or PAYIDSUB', async () => {
    const { sandbox } = recording();
    assert.equal(
      (await call(sandbox, 'querydirect', { ORDERID: 'NONE' })).attrs['NCERROR'],
      '50001130',
    );
    assert.equal(
      (await call(sandbox, 'querydirect', { PAYID: '123' })).attrs['NCERROR'],
      '50001131',
    );
    assert.equal((await maintain(sandbox, '123', 'SAS')).attrs['NCERROR'], '50001131');
    const payId = (await authorised(sandbox)).attrs['PAYID']!;
    const sub = await call(sandbox, 'querydirect', { PAYID: payId, PAYIDSUB: '7' });
    assert.equal(sub.attrs['NCERROR'], '50001131');
  });

  it('refuses an unknown or missing OPERATION and a malformed AMOUNT', async () => {
    const { sandbox } = recording();
    const payId = (await authorised(sandbox)).attrs['PAYID']!;
    assert.equal(
      (await maintain(sandbox, payId, 'REN')).attrs['NCERRORPLUS'],
      'operation not allowed',
    );
    assert.equal((await maintain(sandbox, payId, '')).attrs['NCERRORPLUS'], ' no operation');
    for (const amount of ['5.00', '0', '-1']) {
      assert.equal(
        (await maintain(sandbox, payId, 'SAL', amount)).attrs['NCERRORPLUS'],
        'amount too long or not numeric',
      );
    }
  });
});
