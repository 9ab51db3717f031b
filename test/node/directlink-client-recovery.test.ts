/** The lost-answer rules and the exchange classification, as pure functions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDirectLinkAnswer } from '../../src/protocol/index.js';
import {
  classifyFetchFailure,
  classifyResponse,
  networkErrorCode,
} from '../../src/server/directlink/classify.js';
import {
  afterMaintenanceQuery,
  afterMaintenanceSend,
  afterOrderQuery,
  afterOrderSend,
  MAX_SENDS,
  type Sent,
} from '../../src/server/directlink/recovery.js';
import { resolveTimeouts } from '../../src/server/directlink/timeouts.js';
import type { MaintenanceRequest, OrderDirectRequest } from '../../src/server/directlink/types.js';

const order: OrderDirectRequest = {
  orderId: 'A-1042-7K3M9Q2XDV',
  minorAmount: '1999',
  currency: 'EUR',
  alias: 'cust-1-ABC',
  operation: 'SAL',
};

const capture: MaintenanceRequest = {
  operation: 'SAL',
  payId: '3014726',
  minorAmount: '500',
  lastPayIdSub: 1,
};

function answer(attributes: Record<string, string>): Sent {
  const attrs = Object.entries(attributes)
    .map(([n, v]) => `${n}="${v}"`)
    .join(' ');
  return { kind: 'answer', answer: parseDirectLinkAnswer(`<ncresponse ${attrs}/>`) };
}

const lost: Sent = { kind: 'lost', reason: 'timeout' };

describe('orderdirect recovery', () => {
  it('returns a direct answer as it is, refusals and invalid ones included', () => {
    for (const status of ['9', '5', '2', '0', '46', '92']) {
      const next = afterOrderSend(
        order,
        answer({ orderID: order.orderId, STATUS: status, NCERROR: '0' }),
      );
      assert.equal(next.do, 'return', status);
      assert.equal(next.do === 'return' && next.source, 'direct');
    }
  });

  it('asks querydirect by ORDERID when the answer is lost', () => {
    assert.deepEqual(afterOrderSend(order, lost), {
      do: 'query',
      query: { orderId: order.orderId },
    });
  });

  it('reads 50001113 as "already processed, ask querydirect" (by the PAYID it names)', () => {
    const sent = answer({ orderID: order.orderId, PAYID: '777', STATUS: '0', NCERROR: '50001113' });
    assert.deepEqual(afterOrderSend(order, sent), { do: 'query', query: { payId: '777' } });
    const noPayId = answer({
      orderID: order.orderId,
      PAYID: '0',
      STATUS: '0',
      NCERROR: '50001113',
    });
    assert.deepEqual(afterOrderSend(order, noPayId), {
      do: 'query',
      query: { orderId: order.orderId },
    });
  });

  it('returns what querydirect found: the payment was taken, never charged again', () => {
    const found = answer({ orderID: order.orderId, PAYID: '777', STATUS: '9', NCERROR: '0' });
    const next = afterOrderQuery(order, found, 1);
    assert.equal(next.do, 'return');
    assert.equal(next.do === 'return' && next.source, 'query');
  });

  it('sends again (same ORDERID) only when querydirect does not know the order, and only once', () => {
    for (const ncError of ['50001130', '50001131']) {
      const unknown = answer({ orderID: order.orderId, STATUS: '0', NCERROR: ncError });
      assert.deepEqual(afterOrderQuery(order, unknown, 1), { do: 'resend' });
      const last = afterOrderQuery(order, unknown, MAX_SENDS);
      assert.equal(last.do, 'fail');
      assert.equal(last.do === 'fail' && last.code, 'not-processed');
    }
  });

  it('gives up with answer-lost when querydirect cannot say (lost, STATUS 88, no STATUS, another order)', () => {
    for (const queried of [
      lost,
      { kind: 'lost', reason: 'signature-rejected' } as Sent,
      answer({ orderID: order.orderId, STATUS: '88', NCERROR: '0' }),
      answer({ orderID: order.orderId, NCERROR: '0' }),
      answer({ orderID: 'SOMEONE-ELSE', STATUS: '9', NCERROR: '0' }),
    ]) {
      const next = afterOrderQuery(order, queried, 1);
      assert.equal(next.do, 'fail');
      assert.equal(next.do === 'fail' && next.code, 'answer-lost');
    }
  });
});

describe('maintenancedirect recovery', () => {
  const step = (attributes: Record<string, string>) =>
    answer({ orderID: 'A-1', PAYID: capture.payId, NCERROR: '0', ...attributes });

  it('returns a direct answer, refusals (50001127, 50001129) included', () => {
    for (const ncError of ['0', '50001127', '50001129']) {
      const next = afterMaintenanceSend(capture, step({ STATUS: '91', NCERROR: ncError }));
      assert.equal(next.do === 'return' && next.source, 'direct');
    }
  });

  it('checks a lost answer at its own step: PAYID + PAYIDSUB = last + 1', () => {
    assert.deepEqual(afterMaintenanceSend(capture, lost), {
      do: 'query',
      query: { payId: capture.payId, payIdSub: 2 },
    });
  });

  it('the step exists, of its kind and amount: it went through, never applied twice', () => {
    const next = afterMaintenanceQuery(
      capture,
      step({ PAYIDSUB: '2', STATUS: '91', amount: '5' }),
      1,
    );
    assert.equal(next.do === 'return' && next.source, 'query');
    // A refund step that became a payment deletion is still the refund's.
    const refund = { ...capture, operation: 'RFD' as const };
    const deletion = afterMaintenanceQuery(refund, step({ PAYIDSUB: '2', STATUS: '71' }), 1);
    assert.equal(deletion.do, 'return');
  });

  it('sends again only when Ogone shows the step does not exist', () => {
    assert.deepEqual(
      afterMaintenanceQuery(capture, step({ NCERROR: '50001131', STATUS: '0' }), 1),
      {
        do: 'resend',
      },
    );
    assert.deepEqual(afterMaintenanceQuery(capture, step({ PAYIDSUB: '1', STATUS: '91' }), 1), {
      do: 'resend',
    });
    const last = afterMaintenanceQuery(capture, step({ PAYIDSUB: '1', STATUS: '91' }), MAX_SENDS);
    assert.equal(last.do === 'fail' && last.code, 'not-processed');
  });

  it('never sends again when it cannot tell the step apart from "it went through"', () => {
    for (const [why, queried] of [
      ['no step number', step({ PAYIDSUB: '', STATUS: '91' })],
      ['a later step', step({ PAYIDSUB: '3', STATUS: '91' })],
      ['another kind', step({ PAYIDSUB: '2', STATUS: '81' })],
      ['another amount', step({ PAYIDSUB: '2', STATUS: '91', amount: '4.99' })],
      ['query failed', step({ PAYIDSUB: '2', STATUS: '88' })],
      ['query lost', lost],
    ] as const) {
      const next = afterMaintenanceQuery(capture, queried, 1);
      assert.equal(next.do, 'fail', why);
      assert.equal(next.do === 'fail' && next.code, 'answer-lost', why);
    }
  });
});

describe('exchange classification', () => {
  const fixture = '<ncresponse orderID="1" PAYID="2" NCERROR="0" STATUS="9"/>';

  it('an XML answer is an answer; a 5xx, a non-XML 200 and a too large one are lost', () => {
    assert.equal(classifyResponse(200, fixture).kind, 'answer');
    assert.deepEqual(
      [503, 500].map((s) => classifyResponse(s, fixture)).map((e) => e.kind === 'lost' && e.reason),
      ['server-error', 'server-error'],
    );
    const html = classifyResponse(200, '<html>Service unavailable</html>');
    assert.equal(html.kind === 'lost' && html.reason, 'not-xml');
    const big = classifyResponse(200, undefined);
    assert.equal(big.kind === 'lost' && big.reason, 'not-xml');
  });

  it('a 3xx or 4xx means the call was not taken: invalid-answer, no recovery', () => {
    for (const status of [302, 307, 400, 403, 404]) {
      const result = classifyResponse(status, 'whatever');
      assert.equal(result.kind === 'failed' && result.code, 'invalid-answer', String(status));
    }
  });

  it('names the refusals of the call itself', () => {
    const refused = (plus: string) =>
      classifyResponse(200, `<ncresponse NCERROR="50001111" NCERRORPLUS="${plus}" STATUS="0"/>`);
    const codeOf = (plus: string) => {
      const result = refused(plus);
      return result.kind === 'failed' ? result.code : result.kind;
    };
    assert.equal(
      codeOf('Connection to API feature not allowed for this user'),
      'refused-credentials',
    );
    assert.equal(codeOf('unknown order/1/s'), 'signature-rejected');
    assert.equal(codeOf('unknown order/0/s'), 'signature-rejected');
    assert.equal(codeOf('unknown order/1/i/198.51.100.7'), 'ip-refused');
    assert.equal(codeOf('Alias cust-1 not Found'), 'answer');
  });

  it('a network error before sending is unreachable; any other, or our timeout, is lost', () => {
    const withCode = (code: string) =>
      new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code }) });
    assert.equal(networkErrorCode(withCode('ECONNRESET')), 'ECONNRESET');
    assert.equal(networkErrorCode(new Error('plain')), undefined);
    assert.equal(networkErrorCode(null), undefined);
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'CERT_HAS_EXPIRED']) {
      const result = classifyFetchFailure(withCode(code), false);
      assert.equal(result.kind === 'failed' && result.code, 'unreachable', code);
    }
    for (const error of [
      withCode('ECONNRESET'),
      withCode('UND_ERR_SOCKET'),
      new Error('?'),
      'odd',
    ]) {
      const result = classifyFetchFailure(error, false);
      assert.equal(result.kind === 'lost' && result.reason, 'connection-reset');
    }
    const timedOut = classifyFetchFailure(withCode('ECONNREFUSED'), true);
    assert.equal(timedOut.kind === 'lost' && timedOut.reason, 'timeout');
  });
});

describe('timeouts', () => {
  it('RTIMEOUT defaults to 30 s, the client waits 10 s longer', () => {
    assert.deepEqual(resolveTimeouts(undefined, undefined), {
      requestTimeoutSeconds: 30,
      clientTimeoutMs: 40_000,
    });
    assert.deepEqual(resolveTimeouts(90, undefined), {
      requestTimeoutSeconds: 90,
      clientTimeoutMs: 100_000,
    });
  });

  it('refuses RTIMEOUT outside 30-90 s and a client timeout not above it', () => {
    for (const bad of [29, 91, 30.5, Number.NaN]) {
      assert.throws(() => resolveTimeouts(bad, undefined), {
        name: 'OgoneConfigError',
        option: 'directLink.timeoutSeconds',
      });
    }
    for (const bad of [30_000, 1_000, Number.NaN]) {
      assert.throws(() => resolveTimeouts(30, bad), { option: 'directLink.clientTimeoutMs' });
    }
  });
});
