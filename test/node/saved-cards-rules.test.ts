/**
 * The pure rules behind saved cards: how cards are listed (expiry to the end of its month, the
 * selection), how the browser's data is fitted to 3-D Secure 2's ranges, what a DirectLink answer
 * means for the shopper, and the challenge page's CSP.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BrowserInfoSchema } from '../../src/contract/schemas.js';
import { parseDirectLinkAnswer } from '../../src/protocol/directlink-answer.js';
import { browserFields } from '../../src/protocol/directlink-browser.js';
import { cspHash } from '../../src/internal/csp.js';
import {
  browserData,
  fitColorDepth,
  fitLanguage,
  remoteAddress,
} from '../../src/server/rules/browser-data.js';
import { challengeCsp, formOrigins, inlineScripts } from '../../src/server/rules/challenge-csp.js';
import { payDecision, resultOfAnswer } from '../../src/server/rules/pay-outcome.js';
import { isExpired, lastFour, savedCardsAnswer } from '../../src/server/rules/saved-cards.js';
import { EndpointFailure } from '../../src/server/http/failure.js';
import { describeRoutes, matchRoute, type RouteTable } from '../../src/server/http/router.js';

const card = (publicId: string, expiry: string | null, used = false) => ({
  publicId,
  cardNumber: 'XXXXXXXXXXXX1111',
  brand: 'VISA',
  expiry,
  lastUsedAt: '2026-11-01T10:00:00.000Z',
  usedSinceSaved: used,
});

describe('saved cards listing', () => {
  it('a card is valid to the last moment of its expiry month (UTC); unreadable expiries count as expired', () => {
    assert.equal(isExpired('1126', new Date('2026-11-30T23:59:59Z')), false);
    assert.equal(isExpired('1126', new Date('2026-12-01T00:00:00Z')), true);
    assert.equal(isExpired('1226', new Date('2026-12-01T00:00:00Z')), false);
    for (const bad of [null, '', '1326', '0026', '12/26', 'abcd']) {
      assert.equal(isExpired(bad, new Date('2026-01-01T00:00:00Z')), true, String(bad));
    }
    assert.equal(lastFour('XXXXXXXXXXXX4242'), '4242');
    assert.equal(lastFour(null), '');
  });

  it('selects the most recently used card that has not expired', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const answer = savedCardsAnswer(
      [card('a', '1126'), card('b', '0130', true), card('c', '0231')],
      now,
    );
    assert.deepEqual(
      answer.cards.map((c) => [c.id, c.expiry, c.expired, c.lastUsedAt]),
      [
        ['a', '11/26', true, null],
        ['b', '01/30', false, '2026-11-01T10:00:00.000Z'],
        ['c', '02/31', false, null],
      ],
    );
    assert.equal(answer.selectedCardId, 'b');
    assert.equal(savedCardsAnswer([card('a', '0120')], now).selectedCardId, null);
  });
});

describe('3-D Secure 2 browser data', () => {
  const headers = { accept: 'text/html', userAgent: 'UA-header' };

  it('fits whatever the contract accepts into what DirectLink accepts', () => {
    fc.assert(
      fc.property(
        fc.record({
          colorDepth: fc.integer({ min: 1, max: 48 }),
          javaEnabled: fc.boolean(),
          language: fc.string({ minLength: 1, maxLength: 35 }),
          screenHeight: fc.integer({ min: 0, max: 99999 }),
          screenWidth: fc.integer({ min: 0, max: 99999 }),
          timeZoneOffset: fc.integer({ min: -900, max: 900 }),
          userAgent: fc.string({ maxLength: 2048 }),
        }),
        fc.option(fc.string({ maxLength: 3000 }), { nil: null }),
        (info, accept) => {
          assert.ok(BrowserInfoSchema.safeParse(info).success);
          const fields = browserFields(browserData(info, { accept, userAgent: null }));
          assert.ok(String(fields['browserUserAgent']).length > 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps what is already right, and fits the rest by rule', () => {
    assert.equal(fitColorDepth(24), 24);
    assert.equal(fitColorDepth(30), 24);
    assert.equal(fitColorDepth(2), 1);
    assert.equal(fitLanguage('fr-BE'), 'fr-BE');
    assert.equal(fitLanguage('zh-Hans-CN'), 'zh-Hans');
    assert.equal(fitLanguage('@@@'), 'en');
    const data = browserData(
      {
        colorDepth: 24,
        javaEnabled: false,
        language: 'nl-BE',
        screenHeight: 0,
        screenWidth: 390,
        timeZoneOffset: -900,
        userAgent: '',
      },
      headers,
    );
    assert.deepEqual(
      [data.acceptHeader, data.screenHeight, data.screenWidth, data.timeZone, data.userAgent],
      ['text/html', 1, 390, -840, 'UA-header'],
    );
    assert.equal(remoteAddress('203.0.113.9'), '203.0.113.9');
    assert.equal(remoteAddress('::ffff:127.0.0.1'), '::ffff:127.0.0.1');
    assert.equal(remoteAddress(undefined), 'NONE');
    assert.equal(remoteAddress('evil; DROP'), 'NONE');
  });
});

const xml = (attributes: string, child = '') =>
  `<?xml version="1.0"?><ncresponse orderID="O-1" PAYID="3000000001" NCERROR="0" NCSTATUS="0" amount="15.1" currency="EUR" BRAND="VISA" ${attributes}>${child}</ncresponse>`;

describe('what a DirectLink answer means for the shopper', () => {
  const attempt = { orderRef: 'O', orderId: 'O-1', minorAmount: '1510', currency: 'EUR' };

  it('paid, refused with a reason, 46 with HTML a challenge, 40001139 the hosted page', () => {
    assert.deepEqual(payDecision(parseDirectLinkAnswer(xml('STATUS="9"'))), {
      kind: 'result',
      reason: undefined,
    });
    const refused = payDecision(parseDirectLinkAnswer(xml('STATUS="2"')));
    assert.ok(refused.kind === 'result' && /refused/.test(refused.reason ?? ''));
    const html = Buffer.from('<form action="https://acs.example/x"></form>').toString('base64');
    assert.deepEqual(
      payDecision(parseDirectLinkAnswer(xml('STATUS="46"', `<HTML_ANSWER>${html}</HTML_ANSWER>`))),
      {
        kind: 'challenge',
        html: '<form action="https://acs.example/x"></form>',
      },
    );
    assert.deepEqual(
      payDecision(parseDirectLinkAnswer(xml('STATUS="46"'))),
      { kind: 'result', reason: undefined },
      'a 46 without HTML is pending',
    );
    assert.deepEqual(
      payDecision(
        parseDirectLinkAnswer(xml('STATUS="0" NCERROR="40001139"').replace('NCERROR="0" ', '')),
      ),
      { kind: 'fallback' },
    );
    for (const status of ['51', '52', '91', '92']) {
      assert.deepEqual(payDecision(parseDirectLinkAnswer(xml(`STATUS="${status}"`))), {
        kind: 'result',
        reason: undefined,
      });
    }
  });

  it('keys the result like the feedback of the same status, amounts in two decimals', () => {
    const result = resultOfAnswer(parseDirectLinkAnswer(xml('STATUS="9"')), attempt);
    assert.equal(result.idempotencyKey, 'O-1:3000000001:0:9');
    assert.equal(result.amount, '15.10');
    assert.equal(result.outcome, 'paid');
    const error = resultOfAnswer(
      parseDirectLinkAnswer(
        '<?xml version="1.0"?><ncresponse orderID="O-1" NCERROR="50001111" STATUS="0"/>',
      ),
      attempt,
    );
    assert.deepEqual([error.amount, error.currency, error.outcome], ['15.10', 'EUR', 'invalid']);
  });
});

describe('the challenge page CSP', () => {
  it('allows the inline scripts by hash and the forms’ origins only; fails closed on anything else', async () => {
    const script = "document.getElementById('f').submit();";
    const html = `<form id="f" method="post" action="https://acs.bank.example:8443/3ds?a=1&amp;b=2"></form><script>${script}</script><script src="https://evil.example/x.js"></script>`;
    assert.deepEqual(inlineScripts(html), [script]);
    assert.deepEqual(formOrigins(html), ['https://acs.bank.example:8443']);
    const csp = await challengeCsp(html);
    assert.ok(csp.includes(`script-src ${await cspHash(script)}`), csp);
    assert.ok(csp.includes('form-action https://acs.bank.example:8443;'), csp);
    assert.ok(!csp.includes('evil.example'));
    const none = await challengeCsp('<form action="javascript:alert(1)"></form>');
    assert.match(none, /script-src 'none'/);
    assert.match(none, /form-action 'none'/);
    assert.match(
      await challengeCsp('<form action="https://a.example;script-src *"></form>'),
      /form-action 'none'/,
    );
  });
});

describe('routes with an optional segment', () => {
  const run = () => Promise.resolve({ status: 204, headers: {}, body: '' });
  const routes: RouteTable = {
    cards: { methods: ['GET', 'DELETE'], cors: true, params: [0, 1], run },
    challenge: { methods: ['GET'], cors: false, params: 1, run },
  };

  it('matches `/cards` and `/cards/<id>`, nothing deeper, and says so', () => {
    assert.deepEqual(matchRoute(routes, '/ogone', '/ogone/cards').rest, []);
    assert.deepEqual(matchRoute(routes, '/ogone', '/ogone/cards/c%2D1').rest, ['c-1']);
    for (const path of ['/ogone/cards/a/b', '/ogone/challenge', '/ogone/cards/']) {
      assert.throws(
        () => matchRoute(routes, '/ogone', path),
        (error: unknown) => error instanceof EndpointFailure && error.code === 'not-found',
        path,
      );
    }
    assert.equal(
      describeRoutes(routes, '/ogone'),
      'GET|DELETE /ogone/cards[/…] and GET /ogone/challenge/…',
    );
  });
});
