/** The sandbox's pure rules, without HTTP: order form, card form, acquirer, redirect, result. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signShaIn, verifyShaOut } from '../../src/protocol/index.js';
import {
  cardBehaviour,
  cardBrand,
  luhnValid,
  maskCardNumber,
  normalizeCardNumber,
  parseExpiry,
} from '../../src/sandbox/cards.js';
import { outcomeFor } from '../../src/sandbox/hosted-page/acquirer.js';
import { checkCardForm } from '../../src/sandbox/hosted-page/card-form.js';
import { checkOrderForm } from '../../src/sandbox/hosted-page/order-form.js';
import { returnUrlFor, withQuery } from '../../src/sandbox/hosted-page/redirect.js';
import { ogoneReturnAmount, signedResult, trxDate } from '../../src/sandbox/hosted-page/result.js';
import { refererOrigin, shopLinkFromForm } from '../../src/sandbox/hosted-page/shop-link.js';
import { stringsFor } from '../../src/sandbox/pages/strings.js';

const SETTINGS = { pspid: 'SHOP', shaIn: 'in-secret-123', hashAlgorithm: 'sha256' as const };
const NOW = new Date('2026-11-23T10:00:00Z');

async function signedForm(fields: Record<string, string>): Promise<Record<string, string>> {
  return { ...fields, SHASIGN: await signShaIn(fields, SETTINGS.shaIn, SETTINGS.hashAlgorithm) };
}

const FORM = {
  PSPID: 'SHOP',
  ORDERID: 'ORD-1',
  AMOUNT: '1999',
  CURRENCY: 'EUR',
  LANGUAGE: 'fr_BE',
};

describe('order form (pure)', () => {
  it('accepts a signed form and reads it case-insensitively', async () => {
    const checked = await checkOrderForm(
      await signedForm({
        ...FORM,
        operation: 'res',
        ACCEPTURL: 'https://shop.example/ok',
        ALIASOPERATION: 'BYPSP',
        PARAMPLUS: 'cart=7&STATUS=9&SHASIGN=x&=y',
      }),
      SETTINGS,
    );
    assert.ok('form' in checked, JSON.stringify(checked));
    assert.equal(checked.form.operation, 'RES');
    assert.equal(checked.form.alias, '', 'BYPSP without a name: the platform names it');
    assert.deepEqual(checked.form.urls, { ACCEPTURL: 'https://shop.example/ok' });
    assert.deepEqual(
      checked.form.paramPlus,
      [['cart', '7']],
      'Ogone names never come back unsigned',
    );
  });

  it('checks in Ogone’s order: PSPID before the signature, the signature before the fields', async () => {
    const first = async (fields: Record<string, string>) => {
      const checked = await checkOrderForm(fields, SETTINGS);
      return 'error' in checked ? checked.error.errorText : 'ok';
    };
    assert.equal(await first({ ...FORM, PSPID: 'OTHER' }), 'PSPID not found or not active');
    assert.equal(await first({ ...FORM, AMOUNT: '' }), 'unknown order/0/s');
    assert.equal(await first({ ...(await signedForm(FORM)), AMOUNT: '1' }), 'unknown order/1/s');
    assert.equal(await first(await signedForm({ ...FORM, AMOUNT: '' })), 'no AMOUNT');
    assert.equal(
      await first(await signedForm({ ...FORM, OPERATION: 'RFD' })),
      'operation not allowed',
    );
    assert.equal(
      await first(await signedForm({ ...FORM, CANCELURL: 'http:/x' })),
      'CANCELURL not valid',
    );
    assert.equal(await first(await signedForm({ ...FORM, ALIAS: 'a b' })), 'ALIAS not valid');
  });

  it('names the other algorithm when SHASIGN has its length', async () => {
    const wrong = { ...FORM, SHASIGN: await signShaIn(FORM, SETTINGS.shaIn, 'sha512') };
    const checked = await checkOrderForm(wrong, SETTINGS);
    assert.ok('error' in checked);
    assert.match(checked.error.hint ?? '', /looks like SHA512 but this sandbox expects SHA256/);
  });
});

describe('card form (pure)', () => {
  const t = stringsFor('en_US');
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const good = { cardno: '4111 1111 1111 1111', expiry: '11/26', cvc: '123', cn: ' Ann ' };

  it('accepts a valid card, this month included, trimming the name', () => {
    const checked = checkCardForm(form({ ...good, alias_consent: 'Y' }), NOW, t);
    assert.ok('card' in checked);
    assert.deepEqual(checked.card, {
      digits: '4111111111111111',
      expiry: { month: 11, year: 2026, ed: '1126' },
      cardholder: 'Ann',
      saveCard: true,
    });
  });

  it('lists every fault, keeps what was typed but never the CVC', () => {
    const checked = checkCardForm(
      form({ cardno: '4111 1111 1111 1112', expiry: '10/26', cvc: '12', cn: '' }),
      NOW,
      t,
    );
    assert.ok('errors' in checked);
    assert.deepEqual(Object.keys(checked.errors).sort(), [
      'cardNumber',
      'cardholder',
      'cvc',
      'expiry',
    ]);
    assert.equal(checked.values.cardNumber, '4111 1111 1111 1112');
    assert.ok(!('cvc' in checked.values));
  });
});

describe('cards', () => {
  it('checks Luhn, names brands and masks numbers', () => {
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('4111111111111112'), false);
    assert.equal(cardBrand('5555555555554444'), 'MasterCard');
    assert.equal(cardBrand('2221000000000009'), 'MasterCard');
    assert.equal(cardBrand('378282246310005'), 'American Express');
    assert.equal(cardBrand('6011111111111117'), 'Discover');
    assert.equal(cardBrand('3530111333300000'), 'JCB');
    assert.equal(maskCardNumber('4111111111111111'), 'XXXXXXXXXXXX1111');
    assert.equal(normalizeCardNumber('4111-1111 1111-1111'), '4111111111111111');
    assert.equal(normalizeCardNumber('4111'), undefined);
    assert.equal(cardBehaviour('4000000000000002'), 'refused');
    assert.equal(cardBehaviour('5555555555554444'), 'success');
  });

  it('reads expiry dates until the end of their month, at most 20 years ahead', () => {
    assert.equal(parseExpiry('12 / 2030', NOW)?.ed, '1230');
    assert.equal(parseExpiry('1126', NOW)?.ed, '1126');
    assert.equal(parseExpiry('10/26', NOW), undefined);
    assert.equal(parseExpiry('01/47', NOW), undefined);
    assert.equal(parseExpiry('00/30', NOW), undefined);
  });
});

describe('acquirer (pure)', () => {
  it('answers each behaviour for a sale and an authorisation', () => {
    const table = (['success', 'refused', 'uncertain', 'waiting'] as const).map((behaviour) => [
      behaviour,
      outcomeFor(behaviour, 'SAL').status,
      outcomeFor(behaviour, 'RES').status,
      outcomeFor(behaviour, 'SAL').ncError,
    ]);
    assert.deepEqual(table, [
      ['success', 9, 5, '0'],
      ['refused', 2, 2, '30001001'],
      ['uncertain', 92, 52, '20002001'],
      ['waiting', 41, 41, '0'],
    ]);
    assert.equal(outcomeFor('success', 'SAL').acceptance, 'test123');
    assert.equal(outcomeFor('refused', 'SAL').acceptance, '');
  });
});

describe('redirect (pure)', () => {
  const all = {
    ACCEPTURL: 'https://s/a',
    DECLINEURL: 'https://s/d',
    EXCEPTIONURL: 'https://s/e',
    CANCELURL: 'https://s/c',
  };
  it('sends each status where Ogone does, with the fallbacks', () => {
    for (const status of [5, 4, 9, 41, 51, 91])
      assert.equal(returnUrlFor(status, all), all.ACCEPTURL);
    for (const status of [2, 93]) assert.equal(returnUrlFor(status, all), all.DECLINEURL);
    for (const status of [52, 92]) assert.equal(returnUrlFor(status, all), all.EXCEPTIONURL);
    assert.equal(returnUrlFor(1, all), all.CANCELURL);
    assert.equal(returnUrlFor(92, { ACCEPTURL: all.ACCEPTURL }), all.ACCEPTURL);
    assert.equal(returnUrlFor(1, { DECLINEURL: all.DECLINEURL }), all.DECLINEURL);
    assert.equal(returnUrlFor(0, all), undefined);
    assert.equal(returnUrlFor(9, {}), undefined);
  });

  it('appends the query, keeping the URL’s own query and fragment', () => {
    const pairs: [string, string][] = [
      ['STATUS', '9'],
      ['CN', 'Bárbara S'],
    ];
    assert.equal(withQuery('https://s/r', pairs), 'https://s/r?STATUS=9&CN=B%C3%A1rbara+S');
    assert.equal(
      withQuery('https://s/r?x=1#top', pairs),
      'https://s/r?x=1&STATUS=9&CN=B%C3%A1rbara+S#top',
    );
    assert.equal(withQuery('https://s/r?', pairs), 'https://s/r?STATUS=9&CN=B%C3%A1rbara+S');
    assert.equal(
      withQuery('https://s/r?x=1&', pairs),
      'https://s/r?x=1&STATUS=9&CN=B%C3%A1rbara+S',
    );
  });
});

describe('result (pure)', () => {
  it('formats amounts and dates like Ogone', () => {
    assert.deepEqual(['1500', '1510', '1512', '5', '0', '100000'].map(ogoneReturnAmount), [
      '15',
      '15.1',
      '15.12',
      '0.05',
      '0',
      '1000',
    ]);
    assert.equal(trxDate(new Date('2027-01-05T23:59:59Z')), '01/05/27');
  });

  it('signs every Ogone pair, appends PARAMPLUS unsigned and SHASIGN last', async () => {
    const pairs = await signedResult(
      {
        orderId: 'ORD-1',
        currency: 'EUR',
        amountMinor: '1510',
        outcome: { status: 9, ncError: '0', acceptance: 'test123' },
        payId: '3000000001',
        card: { masked: 'XXXXXXXXXXXX1111', brand: 'VISA', ed: '1230', cardholder: 'Ann' },
        cn: 'Form name',
        alias: 'CUST-1',
        complus: 'ref',
        ip: '127.0.0.1',
        paramPlus: [['cart', '7']],
        now: NOW,
      },
      'out-secret',
      'sha1',
    );
    assert.deepEqual(
      pairs.map(([name]) => name),
      ['orderID', 'currency', 'amount', 'PM', 'ACCEPTANCE', 'STATUS', 'CARDNO', 'ED', 'CN']
        .concat(['TRXDATE', 'PAYID', 'NCERROR', 'BRAND', 'ALIAS', 'COMPLUS', 'IP', 'cart'])
        .concat(['SHASIGN']),
    );
    const params = Object.fromEntries(pairs);
    assert.equal(await verifyShaOut(params, 'out-secret', 'sha1'), true);
    assert.equal(await verifyShaOut({ ...params, cart: '8' }, 'out-secret', 'sha1'), true);
    assert.equal(await verifyShaOut({ ...params, amount: '15.2' }, 'out-secret', 'sha1'), false);
  });
});

describe('shop link (pure)', () => {
  it('takes HOMEURL, else CATALOGURL, only as plain http(s) URLs', () => {
    assert.equal(
      shopLinkFromForm('https://s.example/h', 'https://s.example/c'),
      'https://s.example/h',
    );
    assert.equal(shopLinkFromForm('NONE', 'https://s.example/c'), 'https://s.example/c');
    for (const bad of ['javascript:alert(1)', 'http:/x', 'https://u:p@s.example/', ' ', 'NONE']) {
      assert.equal(shopLinkFromForm(bad, bad), undefined, bad);
    }
  });

  it('falls back to the referring origin, not the sandbox’s own', () => {
    assert.equal(refererOrigin('https://s.example/a?b#c', 'http://sb'), 'https://s.example/');
    assert.equal(refererOrigin('http://sb/ncol/test/x', 'http://sb'), undefined);
    assert.equal(refererOrigin('file:///etc/passwd', 'http://sb'), undefined);
    assert.equal(refererOrigin(null, 'http://sb'), undefined);
  });
});
