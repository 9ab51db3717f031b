/** orderdirect in the sandbox: saved cards, typed cards, each test card, ORDERID reuse, checks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vectors from '../fixtures/directlink-vectors.json' with { type: 'json' };
import { aliasOrder, call, directSandbox, parseAnswer, savedAlias } from '../helpers/directlink.js';
import { baseFields, checkout, URLS } from '../helpers/sandbox.js';

describe('orderdirect with a saved card (ALIAS, ECI 9)', () => {
  it('charges an alias saved on the hosted page: STATUS 9 for SAL, 5 for RES', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox, '5555 5555 5555 4444');
    const sale = await call(sandbox, 'orderdirect', aliasOrder(alias));
    assert.deepEqual(
      {
        STATUS: sale.attrs['STATUS'],
        NCERROR: sale.attrs['NCERROR'],
        NCSTATUS: sale.attrs['NCSTATUS'],
        NCERRORPLUS: sale.attrs['NCERRORPLUS'],
        ECI: sale.attrs['ECI'],
        amount: sale.attrs['amount'],
        currency: sale.attrs['currency'],
        BRAND: sale.attrs['BRAND'],
        PM: sale.attrs['PM'],
        ALIAS: sale.attrs['ALIAS'],
        ACCEPTANCE: sale.attrs['ACCEPTANCE'],
      },
      {
        STATUS: '9',
        NCERROR: '0',
        NCSTATUS: '0',
        NCERRORPLUS: '!',
        ECI: '9',
        amount: '15.1',
        currency: 'EUR',
        BRAND: 'MasterCard',
        PM: 'CreditCard',
        ALIAS: alias,
        ACCEPTANCE: 'test123',
      },
    );
    assert.match(sale.attrs['PAYID']!, /^\d{10}$/);
    const authorisation = await call(
      sandbox,
      'orderdirect',
      aliasOrder(alias, { OPERATION: 'RES' }),
    );
    assert.equal(authorisation.attrs['STATUS'], '5');
    assert.notEqual(authorisation.attrs['PAYID'], sale.attrs['PAYID']);
  });

  it('has every attribute of the platform’s answer (the fixture), in its spelling', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const ours = await call(sandbox, 'orderdirect', aliasOrder(alias, { OPERATION: 'RES' }));
    const fixture = parseAnswer(
      vectors.xml[0]!.xml.replace(/\r\n/g, ' ').replace(/>\s*<\/ncresponse>/, '/>'),
    );
    assert.deepEqual(Object.keys(ours.attrs).sort(), Object.keys(fixture.attrs).sort());
  });

  it('answers "Alias … not Found" (50001111, STATUS 0) for an unknown alias', async () => {
    const sandbox = directSandbox();
    const answer = await call(sandbox, 'orderdirect', aliasOrder('NO-SUCH-ALIAS'));
    assert.equal(answer.attrs['STATUS'], '0');
    assert.equal(answer.attrs['NCERROR'], '50001111');
    assert.equal(answer.attrs['NCERRORPLUS'], 'Alias NO-SUCH-ALIAS not Found');
    assert.equal(answer.attrs['PAYID'], '0');
  });

  it('keeps aliases per sandbox: another sandbox does not know them', async () => {
    const alias = await savedAlias(directSandbox());
    const answer = await call(directSandbox(), 'orderdirect', aliasOrder(alias));
    assert.equal(answer.attrs['NCERROR'], '50001111');
  });

  it('refuses an alias whose card has expired since it was saved', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const sandbox = directSandbox({ now: () => now });
    const alias = await savedAlias(sandbox, '4111111111111111', undefined, {
      cardno: '4111111111111111',
      expiry: '12/26',
      cvc: '123',
      cn: 'Ann',
      action: 'pay',
    });
    now = new Date('2027-01-02T10:00:00Z');
    const answer = await call(sandbox, 'orderdirect', aliasOrder(alias));
    assert.equal(answer.attrs['STATUS'], '0');
    assert.match(answer.attrs['NCERRORPLUS']!, /expired/);
  });
});

describe('orderdirect with each test card', () => {
  const cases: [string, string, Record<string, string>, string, string][] = [
    ['refused', '4000000000000002', {}, '2', '30001001'],
    ['uncertain (SAL)', '4000000000000051', {}, '92', '20002001'],
    ['uncertain (RES)', '4000000000000051', { OPERATION: 'RES' }, '52', '20002001'],
    ['waiting', '4000000000000041', {}, '41', '0'],
    ['challenging, without FLAG3D', '4000000000003220', {}, '2', '40001139'],
    ['insisting on 3-D Secure, with FLAG3D', '4000000000003063', { FLAG3D: 'Y' }, '2', '40001139'],
    ['insisting on 3-D Secure, without FLAG3D', '4000000000003063', {}, '2', '40001139'],
  ];
  for (const [name, cardno, extra, status, ncError] of cases) {
    it(`${name}: STATUS ${status}, NCERROR ${ncError}`, async () => {
      const sandbox = directSandbox();
      const alias = await savedAlias(sandbox);
      // The saved card is replaced by a typed one with the same alias name (CARDNO + ALIAS).
      const typed = await call(sandbox, 'orderdirect', {
        ...aliasOrder(alias, extra),
        CARDNO: cardno,
        ED: '12/34',
        CN: 'Ann',
      });
      assert.equal(typed.attrs['STATUS'], status);
      assert.equal(typed.attrs['NCERROR'], ncError);
      assert.equal(typed.attrs['NCSTATUS'], ncError[0] === '0' ? '0' : ncError[0]);
      assert.equal(typed.html, undefined, 'no challenge in the answer');
    });
  }

  it('challenges a card whose issuer always does when FLAG3D=Y: STATUS 46 with HTML_ANSWER', async () => {
    const sandbox = directSandbox();
    const answer = await call(sandbox, 'orderdirect', {
      ...aliasOrder('NEW-ALIAS-1', { FLAG3D: 'Y', ACCEPTURL: 'https://shop.example/ok' }),
      CARDNO: '4000 0000 0000 3220',
      ED: '1234',
    });
    assert.equal(answer.attrs['STATUS'], '46');
    assert.equal(answer.attrs['NCERROR'], '0');
    assert.match(
      answer.html ?? '',
      /<form id="ogone-3ds-form" method="post" action="http:\/\/127\.0\.0\.1:9000\/ncol\/test\/sandbox\/3ds"/,
    );
  });

  it('charges a typed card and saves it under the ALIAS sent', async () => {
    const sandbox = directSandbox();
    const typed = await call(sandbox, 'orderdirect', {
      ...aliasOrder('TYPED-1', { ECI: '' }),
      CARDNO: '4111111111111111',
      ED: '12/34',
      CVC: '123',
      CN: 'Ann',
    });
    assert.equal(typed.attrs['STATUS'], '9');
    assert.equal(typed.attrs['ECI'], '7');
    assert.equal(typed.attrs['CVCCheck'], 'OK');
    const again = await call(sandbox, 'orderdirect', aliasOrder('TYPED-1'));
    assert.equal(again.attrs['STATUS'], '9');
    assert.equal(again.attrs['BRAND'], 'VISA');
  });
});

describe('orderdirect and ORDERID reuse', () => {
  it('answers a re-used ORDERID with the old PAYID, STATUS 0 and 50001113, charging nothing', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias);
    const first = await call(sandbox, 'orderdirect', fields);
    const second = await call(sandbox, 'orderdirect', { ...fields, AMOUNT: '99' });
    assert.equal(second.attrs['STATUS'], '0');
    assert.equal(second.attrs['NCERROR'], '50001113');
    assert.equal(second.attrs['PAYID'], first.attrs['PAYID']);
    const query = await call(sandbox, 'querydirect', { ORDERID: fields['ORDERID']! });
    assert.equal(query.attrs['amount'], '15.1', 'the first payment stands');
  });

  it('takes one payment when two calls with one ORDERID arrive at once', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    for (let attempt = 0; attempt < 10; attempt++) {
      const fields = aliasOrder(alias);
      const answers = await Promise.all([
        call(sandbox, 'orderdirect', fields),
        call(sandbox, 'orderdirect', fields),
      ]);
      const statuses = answers.map((a) => a.attrs['STATUS']).sort();
      assert.deepEqual(statuses, ['0', '9'], `attempt ${attempt}`);
      assert.equal(answers[0]!.attrs['PAYID'], answers[1]!.attrs['PAYID']);
    }
  });

  it('lets a refused ORDERID be used again', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias);
    const refused = await call(sandbox, 'orderdirect', {
      ...fields,
      CARDNO: '4000000000000002',
      ED: '12/34',
    });
    assert.equal(refused.attrs['STATUS'], '2');
    const retried = await call(sandbox, 'orderdirect', {
      ...fields,
      ALIAS: await savedAlias(sandbox),
    });
    assert.equal(retried.attrs['STATUS'], '9');
    assert.notEqual(retried.attrs['PAYID'], refused.attrs['PAYID']);
  });

  it('refuses an ORDERID paid on the hosted page, with that payment’s PAYID', async () => {
    const sandbox = directSandbox();
    const fields = baseFields(URLS);
    const paid = await checkout(sandbox, fields);
    const alias = await savedAlias(sandbox);
    const answer = await call(
      sandbox,
      'orderdirect',
      aliasOrder(alias, { ORDERID: fields['ORDERID']! }),
    );
    assert.equal(answer.attrs['NCERROR'], '50001113');
    assert.equal(answer.attrs['PAYID'], paid.params['PAYID']);
  });
});

describe('orderdirect field checks', () => {
  const cases: [string, Record<string, string | undefined>, string][] = [
    ['no ORDERID', { ORDERID: undefined }, ' no orderid'],
    ['no AMOUNT', { AMOUNT: undefined }, ' no amount'],
    ['a decimal AMOUNT', { AMOUNT: '15.10' }, 'amount too long or not numeric'],
    ['CURRENCY XYZ', { CURRENCY: 'XYZ' }, 'not a valid currency'],
    ['no card', { ALIAS: undefined }, ' no card no'],
    ['OPERATION RFD', { OPERATION: 'RFD' }, 'operation not allowed'],
    ['a javascript: ACCEPTURL', { ACCEPTURL: 'javascript:alert(1)' }, 'ACCEPTURL not valid'],
    ['browserColorDepth 17', { browserColorDepth: '17' }, 'browserColorDepth not valid'],
    ['a 41-character ORDERID', { ORDERID: 'X'.repeat(41) }, 'ORDERID too long'],
    ['a bad card number', { CARDNO: '4111111111111112', ED: '12/34' }, 'card no not valid'],
    ['an expired card', { CARDNO: '4111111111111111', ED: '01/20' }, 'expiry date not valid'],
  ];
  for (const [name, change, text] of cases) {
    it(`${name} → STATUS 0, 50001111 "${text}"`, async () => {
      const sandbox = directSandbox();
      const fields: Record<string, string> = {};
      for (const [key, value] of Object.entries({ ...aliasOrder('A1'), ...change })) {
        if (value !== undefined) fields[key] = value;
      }
      const answer = await call(sandbox, 'orderdirect', fields);
      assert.equal(answer.attrs['STATUS'], '0');
      assert.equal(answer.attrs['NCERROR'], '50001111');
      assert.equal(answer.attrs['NCERRORPLUS'], text);
    });
  }
});
