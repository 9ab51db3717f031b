/**
 * The package's own DirectLink client (server/directlink) against the sandbox: what one writes,
 * the other reads — payments, 3-D Secure, maintenance, queries — and a lost answer recovered by
 * querydirect without a second charge.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDirectLinkAnswer } from '../../src/protocol/directlink-answer.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { createDirectLinkClient } from '../../src/server/directlink/client.js';
import type { DirectLinkClient } from '../../src/server/directlink/types.js';
import {
  API_USER,
  call,
  directSandbox,
  DL_SHA_IN,
  formOf,
  savedAlias,
  savedChallengeAlias,
} from '../helpers/directlink.js';
import { HOST, PSPID } from '../helpers/sandbox.js';

function clientFor(sandbox: Sandbox): DirectLinkClient {
  return createDirectLinkClient({
    pspid: PSPID,
    userId: API_USER.userId,
    password: API_USER.password,
    shaIn: DL_SHA_IN,
    hashAlgorithm: 'sha512',
    environment: { baseUrl: `${HOST}/ncol/test` },
    fetch: sandbox.fetch as typeof fetch,
  });
}

const orderId = () => `IO-${Math.random().toString(36).slice(2, 12)}`;

describe('the DirectLink client against the sandbox', () => {
  it('pays with a saved card, captures part, queries each step', async () => {
    const sandbox = directSandbox();
    const client = clientFor(sandbox);
    const alias = await savedAlias(sandbox);
    const paid = await client.orderDirect({
      orderId: orderId(),
      minorAmount: '1510',
      currency: 'EUR',
      alias,
      operation: 'RES',
    });
    assert.equal(paid.source, 'direct');
    assert.equal(paid.answer.status, 5);
    assert.equal(paid.answer.alias, alias);
    const payId = paid.answer.payId!;
    const capture = await client.maintenanceDirect({
      operation: 'SAL',
      payId,
      minorAmount: '500',
      lastPayIdSub: 0,
    });
    assert.equal(capture.answer.status, 91);
    assert.equal(capture.answer.payIdSub, '1');
    assert.equal(capture.answer.minorAmount, '500');
    await sandbox.idle();
    const step = await client.queryDirect({ payId, payIdSub: 1 });
    assert.equal(step.answer.status, 9);
    assert.equal(step.answer.cardNumber, 'XXXXXXXXXXXX1111');
  });

  it('gets a 3-D Secure challenge it can decode, and 40001139 it can tell apart', async () => {
    const sandbox = directSandbox();
    const client = clientFor(sandbox);
    const threeDSecure = {
      acceptUrl: 'https://shop.example/accept',
      declineUrl: 'https://shop.example/decline',
      exceptionUrl: 'https://shop.example/exception',
      remoteAddress: '203.0.113.7',
      browser: {
        acceptHeader: 'text/html',
        colorDepth: 24,
        javaEnabled: false,
        language: 'fr-BE',
        screenHeight: 900,
        screenWidth: 1440,
        timeZone: -60,
        userAgent: 'Mozilla/5.0',
      },
    };
    const order = (alias: string, withThreeDSecure: boolean) =>
      client.orderDirect({
        orderId: orderId(),
        minorAmount: '100',
        currency: 'EUR',
        alias,
        operation: 'SAL',
        ...(withThreeDSecure ? { threeDSecure } : {}),
      });
    const challenging = await savedChallengeAlias(sandbox);
    const challenged = await order(challenging, true);
    assert.equal(challenged.answer.status, 46);
    const form = formOf(challenged.answer.htmlAnswer ?? '');
    assert.equal(form.action, `${HOST}/ncol/test/sandbox/3ds`);
    assert.equal((await order(challenging, false)).answer.ncError, '40001139');
    const insisting = await savedChallengeAlias(sandbox, '4000000000003063');
    const required = await order(insisting, true);
    assert.equal(required.answer.ncError, '40001139');
    assert.equal(required.answer.htmlAnswer, undefined);
  });

  it('recovers a lost orderdirect answer by querydirect: one payment, not two', async () => {
    const sandbox = directSandbox();
    const client = clientFor(sandbox);
    const alias = await savedAlias(sandbox);
    const id = orderId();
    sandbox.controls.dropNextAnswer('orderdirect');
    const result = await client.orderDirect({
      orderId: id,
      minorAmount: '990',
      currency: 'EUR',
      alias,
      operation: 'SAL',
    });
    assert.equal(result.source, 'query');
    assert.equal(result.sends, 1, 'not sent again: the query found it');
    assert.equal(result.answer.status, 9);
    const query = parseDirectLinkAnswer((await call(sandbox, 'querydirect', { ORDERID: id })).xml);
    assert.equal(query.payId, result.answer.payId);
  });

  it('recovers a lost capture answer by querydirect at the next PAYIDSUB, without a second capture', async () => {
    const sandbox = directSandbox();
    const client = clientFor(sandbox);
    const alias = await savedAlias(sandbox);
    const paid = await client.orderDirect({
      orderId: orderId(),
      minorAmount: '1000',
      currency: 'EUR',
      alias,
      operation: 'RES',
    });
    const payId = paid.answer.payId!;
    sandbox.controls.dropNextAnswer('maintenancedirect');
    const capture = await client.maintenanceDirect({
      operation: 'SAL',
      payId,
      minorAmount: '400',
      lastPayIdSub: 0,
    });
    assert.equal(capture.source, 'query');
    assert.equal(capture.sends, 1);
    assert.equal(capture.answer.payIdSub, '1');
    const second = await call(sandbox, 'querydirect', { PAYID: payId, PAYIDSUB: '2' });
    assert.equal(second.attrs['NCERROR'], '50001131', 'no second capture step');
  });
});
