import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOgoneParams, verifyShaOut } from '../../src/protocol/index.js';
import {
  createSandbox,
  SandboxOptionsError,
  type SandboxOptions,
} from '../../src/sandbox/index.js';
import {
  PSPID,
  SHA_IN,
  SHA_OUT,
  HOST,
  PAGE,
  PAY,
  URLS,
  sandboxWith,
  baseFields,
  signed,
  postForm,
  decode,
  textOf,
  control,
  buttons,
  formTarget,
  sessionToken,
  openPage,
  type Card,
  GOOD_CARD,
  pay,
  redirectOf,
  checkout,
} from '../helpers/sandbox.js';

describe('payment page', () => {
  it('shows the order and the exactly-labelled card form for a correctly signed form', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields({ ORDERID: 'ORD-42' });
    const { html } = await openPage(sandbox, fields);
    for (const label of ['Card number', 'Expiry date (MM/YY)', 'CVC', 'Cardholder name']) {
      const input = control(html, label);
      assert.ok(input, `a field labelled "${label}"`);
      assert.equal(input.attributes['type'], 'text');
    }
    assert.equal(control(html, 'Cardholder name')?.attributes['value'], 'Bárbara Souza');
    assert.equal(control(html, 'Card number')?.attributes['value'], '');
    assert.deepEqual(buttons(html), ['Pay', 'Cancel']);
    assert.equal(formTarget(html, PAGE), PAY);
    const text = textOf(html);
    assert.match(text, /ACMESHOP/);
    assert.match(text, /ORD-42/);
    assert.match(text, /€15\.10/);
    assert.match(text, /SANDBOX/);
    for (const card of [
      '4111 1111 1111 1111',
      '4000 0000 0000 0002',
      '4000 0000 0000 0051',
      '4000 0000 0000 0041',
    ]) {
      assert.ok(text.includes(card), `test card ${card} listed`);
    }
    assert.ok(!/<script/i.test(html), 'no scripts');
    assert.equal(html.includes('<input type="checkbox"'), false, 'no consent box without ALIAS');
  });

  it('shows the consent box labelled with ALIASUSAGE, checked by default, only when ALIAS is sent', async () => {
    const sandbox = sandboxWith();
    const { html } = await openPage(
      sandbox,
      baseFields({ ALIAS: 'CUST-7', ALIASUSAGE: 'Keep my card for next time' }),
    );
    const box = control(html, 'Keep my card for next time');
    assert.ok(box);
    assert.equal(box.attributes['type'], 'checkbox');
    assert.ok('checked' in box.attributes);

    const fallback = await openPage(sandbox, baseFields({ ALIAS: 'CUST-8' }));
    const fallbackBox = control(fallback.html, 'Save my card details for future payments');
    assert.equal(fallbackBox?.attributes['type'], 'checkbox');
  });

  it('accepts GET with a query, lower-case names and the /ncol/prod page', async () => {
    const sandbox = sandboxWith();
    const fields = await signed({
      pspid: PSPID,
      orderid: 'ORD-lower',
      amount: '100',
      currency: 'USD',
      language: 'en_US',
    });
    const url = `${HOST}/ncol/prod/orderstandard_utf8.asp?${new URLSearchParams(fields)}`;
    const get = await sandbox.handler(new Request(url));
    const html = await get.text();
    assert.equal(formTarget(html, url), `${HOST}/ncol/prod/sandbox/pay`);
    assert.ok(control(html, 'Card number'));
    assert.match(textOf(html), /\$1\.00/);
  });

  it('speaks the LANGUAGE sent (French) and keeps English for en_US', async () => {
    const sandbox = sandboxWith();
    const { html } = await openPage(sandbox, baseFields({ LANGUAGE: 'fr_FR' }));
    assert.ok(control(html, 'Numéro de carte'));
    assert.deepEqual(buttons(html), ['Payer', 'Annuler']);
    assert.match(html, /<html lang="fr-FR">/);
    assert.match(textOf(html), /15,10\s€/);
  });

  it('escapes what the merchant sent', async () => {
    const sandbox = sandboxWith();
    const { html } = await openPage(sandbox, baseFields({ CN: '<img src=x onerror=alert(1)>' }));
    assert.ok(!html.includes('<img src=x'));
    assert.equal(
      control(html, 'Cardholder name')?.attributes['value'],
      '<img src=x onerror=alert(1)>',
    );
  });

  it('sends a Content-Security-Policy that allows no script', async () => {
    const sandbox = sandboxWith();
    const response = await sandbox.handler(postForm(PAGE, await signed(baseFields())));
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src/);
    assert.match(response.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
  });
});

describe('errors, answered like Ogone (HTTP 200 with the text)', () => {
  const cases: [string, () => Promise<Record<string, string>>, string][] = [
    ['missing SHASIGN', async () => baseFields(), 'unknown order/0/s'],
    [
      'a field changed after signing',
      async () => ({ ...(await signed(baseFields())), AMOUNT: '1' }),
      'unknown order/1/s',
    ],
    [
      'signed with the SHA-OUT passphrase',
      async () => signed(baseFields(), SHA_OUT),
      'unknown order/1/s',
    ],
    [
      'signed with SHA-256',
      async () => signed(baseFields(), SHA_IN, 'sha256'),
      'unknown order/1/s',
    ],
    [
      'a field added after signing',
      async () => ({ ...(await signed(baseFields())), ACCEPTURL: 'https://evil.example/' }),
      'unknown order/1/s',
    ],
    [
      'another PSPID',
      async () => signed(baseFields({ PSPID: 'OTHERSHOP' })),
      'PSPID not found or not active',
    ],
    ['no PSPID', async () => signed(baseFields({ PSPID: '' })), 'no PSPID'],
    ['no ORDERID', async () => signed(baseFields({ ORDERID: '' })), 'no ORDERID'],
    ['no AMOUNT', async () => signed(baseFields({ AMOUNT: '' })), 'no AMOUNT'],
    ['no CURRENCY', async () => signed(baseFields({ CURRENCY: '' })), 'no CURRENCY'],
    ['no LANGUAGE', async () => signed(baseFields({ LANGUAGE: '' })), 'no LANGUAGE'],
    [
      'a decimal AMOUNT',
      async () => signed(baseFields({ AMOUNT: '15.10' })),
      'amount too long or not numeric',
    ],
    [
      'a 16-digit AMOUNT',
      async () => signed(baseFields({ AMOUNT: '1234567890123456' })),
      'amount too long or not numeric',
    ],
    [
      'CURRENCY "EURO"',
      async () => signed(baseFields({ CURRENCY: 'EURO' })),
      'not a valid currency',
    ],
    ['CURRENCY "XYZ"', async () => signed(baseFields({ CURRENCY: 'XYZ' })), 'not a valid currency'],
    [
      'a javascript: ACCEPTURL',
      async () => signed(baseFields({ ACCEPTURL: 'javascript:alert(1)' })),
      'ACCEPTURL not valid',
    ],
    [
      'an ORDERID over 30 characters',
      async () => signed(baseFields({ ORDERID: 'X'.repeat(31) })),
      'ORDERID too long',
    ],
  ];
  for (const [name, build, text] of cases) {
    it(`${name} → "${text}"`, async () => {
      const sandbox = sandboxWith();
      const response = await sandbox.handler(postForm(PAGE, await build()));
      assert.equal(response.status, 200);
      const html = await response.text();
      const visible = textOf(html);
      assert.ok(visible.includes(text), `expected "${text}" in: ${visible}`);
      assert.ok(!html.includes('name="session"'), 'no payment form');
      for (const secret of [SHA_IN, SHA_OUT]) assert.ok(!html.includes(secret), 'no passphrase');
    });
  }

  it('refuses a parameter sent twice', async () => {
    const sandbox = sandboxWith();
    const fields = await signed(baseFields());
    const body = `${new URLSearchParams(fields)}&amount=1`;
    const response = await sandbox.handler(
      new Request(PAGE, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    assert.match(textOf(await response.text()), /appears more than once/);
  });

  it('answers 404 for other paths and an error page for an unknown payment session', async () => {
    const sandbox = sandboxWith();
    assert.equal((await sandbox.handler(new Request(`${HOST}/ncol/test/nope.asp`))).status, 404);
    const response = await pay(sandbox, 'not-a-session');
    assert.equal(response.status, 200);
    assert.match(textOf(await response.text()), /session expired or unknown/);
    assert.equal((await sandbox.handler(new Request(PAY))).status, 405);
  });
});

describe('test cards, statuses and return URLs', () => {
  const cases: [string, Card, string, number, keyof typeof URLS][] = [
    ['success card, SAL', GOOD_CARD, 'SAL', 9, 'ACCEPTURL'],
    ['success card, RES', GOOD_CARD, 'RES', 5, 'ACCEPTURL'],
    ['success card, OPERATION absent', GOOD_CARD, '', 9, 'ACCEPTURL'],
    ['refused card', { ...GOOD_CARD, cardno: '4000 0000 0000 0002' }, 'SAL', 2, 'DECLINEURL'],
    [
      'uncertain card, SAL',
      { ...GOOD_CARD, cardno: '4000000000000051' },
      'SAL',
      92,
      'EXCEPTIONURL',
    ],
    [
      'uncertain card, RES',
      { ...GOOD_CARD, cardno: '4000000000000051' },
      'RES',
      52,
      'EXCEPTIONURL',
    ],
    ['waiting card', { ...GOOD_CARD, cardno: '4000-0000-0000-0041' }, 'SAL', 41, 'ACCEPTURL'],
    ['another valid card', { ...GOOD_CARD, cardno: '5555 5555 5555 4444' }, 'SAL', 9, 'ACCEPTURL'],
    ['Cancel', { action: 'cancel' }, 'SAL', 1, 'CANCELURL'],
  ];
  for (const [name, card, operation, status, url] of cases) {
    it(`${name} → STATUS ${status} at ${url}`, async () => {
      const sandbox = sandboxWith();
      const fields = baseFields({ ...URLS, ...(operation ? { OPERATION: operation } : {}) });
      const redirect = await checkout(sandbox, fields, card);
      assert.equal(redirect.params['STATUS'], String(status));
      assert.equal(redirect.target, URLS[url]);
      assert.equal(await verifyShaOut(redirect.params, SHA_OUT, 'sha512'), true);
    });
  }

  it('falls back: 92 to ACCEPTURL without EXCEPTIONURL, 1 to DECLINEURL without CANCELURL', async () => {
    const sandbox = sandboxWith();
    const fields = () => baseFields({ ACCEPTURL: URLS.ACCEPTURL, DECLINEURL: URLS.DECLINEURL });
    const uncertain = await checkout(sandbox, fields(), {
      ...GOOD_CARD,
      cardno: '4000000000000051',
    });
    assert.equal(uncertain.params['STATUS'], '92');
    assert.equal(uncertain.target, URLS.ACCEPTURL);
    const cancelled = await checkout(sandbox, fields(), { action: 'cancel' });
    assert.equal(cancelled.params['STATUS'], '1');
    assert.equal(cancelled.target, URLS.DECLINEURL);
  });

  it('shows a result page when no URL applies', async () => {
    const sandbox = sandboxWith();
    const { token } = await openPage(sandbox, baseFields({ ACCEPTURL: URLS.ACCEPTURL }));
    const response = await pay(sandbox, token, { ...GOOD_CARD, cardno: '4000000000000002' });
    assert.equal(response.status, 200);
    const text = textOf(await response.text());
    assert.match(text, /Authorisation refused/);
    assert.match(text, /STATUS 2/);
  });

  it('carries Ogone’s parameters, masked and formatted, keeping the return URL’s own query', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields({
      ACCEPTURL: 'https://shop.example/return?step=done#top',
      COMPLUS: 'order-ref-123',
      CN: 'Form Name',
    });
    const { token } = await openPage(sandbox, fields);
    const response = await pay(sandbox, token, {
      ...GOOD_CARD,
      cardno: '5555555555554444',
      expiry: '3/29',
      cn: 'Bárbara Souza',
    });
    const location = response.headers.get('location')!;
    assert.ok(location.startsWith('https://shop.example/return?step=done&orderID='));
    assert.ok(location.endsWith('#top'));
    const { params, query } = redirectOf(response);
    assert.deepEqual(Object.keys(params), [
      'step',
      'orderID',
      'currency',
      'amount',
      'PM',
      'ACCEPTANCE',
      'STATUS',
      'CARDNO',
      'ED',
      'CN',
      'TRXDATE',
      'PAYID',
      'NCERROR',
      'BRAND',
      'COMPLUS',
      'IP',
      'SHASIGN',
    ]);
    assert.equal(params['orderID'], fields['ORDERID']);
    assert.equal(params['amount'], '15.1');
    assert.equal(params['currency'], 'EUR');
    assert.equal(params['PM'], 'CreditCard');
    assert.equal(params['ACCEPTANCE'], 'test123');
    assert.equal(params['CARDNO'], 'XXXXXXXXXXXX4444');
    assert.equal(params['BRAND'], 'MasterCard');
    assert.equal(params['ED'], '0329');
    assert.equal(params['CN'], 'Bárbara Souza');
    assert.equal(params['TRXDATE'], '11/23/26');
    assert.equal(params['NCERROR'], '0');
    assert.equal(params['COMPLUS'], 'order-ref-123');
    assert.match(params['PAYID']!, /^\d{10}$/);
    assert.match(params['IP']!, /^[\d.]+$/);
    assert.ok(!query.includes('4444555'), 'never the full card number');
  });

  it('gives refused payments a NCERROR and no ACCEPTANCE, and every payment its own PAYID', async () => {
    const sandbox = sandboxWith();
    const refused = await checkout(sandbox, baseFields(URLS), {
      ...GOOD_CARD,
      cardno: '4000000000000002',
    });
    assert.equal(refused.params['NCERROR'], '30001001');
    assert.equal(refused.params['ACCEPTANCE'], '');
    assert.equal(refused.params['BRAND'], 'VISA');
    const payIds = new Set([refused.params['PAYID']]);
    for (let i = 0; i < 5; i++)
      payIds.add((await checkout(sandbox, baseFields(URLS))).params['PAYID']);
    assert.equal(payIds.size, 6);
  });

  it('formats amount in major units without trailing zeros', async () => {
    const sandbox = sandboxWith();
    for (const [minor, major] of [
      ['1500', '15'],
      ['1510', '15.1'],
      ['1512', '15.12'],
      ['5', '0.05'],
      ['100000', '1000'],
    ] as const) {
      const redirect = await checkout(sandbox, baseFields({ ...URLS, AMOUNT: minor }));
      assert.equal(redirect.params['amount'], major, `AMOUNT ${minor}`);
    }
  });
});

describe('SHA-OUT signature of the result', () => {
  for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
    it(`verifies with the SHA-OUT passphrase and ${algorithm}, not with SHA-IN`, async () => {
      const sandbox = sandboxWith({ hashAlgorithm: algorithm });
      const fields = baseFields(URLS);
      const { html } = await (async () => {
        const response = await sandbox.handler(
          postForm(PAGE, await signed(fields, SHA_IN, algorithm)),
        );
        return { html: await response.text() };
      })();
      const redirect = redirectOf(await pay(sandbox, sessionToken(html)));
      assert.equal(await verifyShaOut(redirect.params, SHA_OUT, algorithm), true);
      assert.equal(await verifyShaOut(redirect.params, SHA_IN, algorithm), false);
      const tampered = { ...redirect.params, STATUS: '5' };
      assert.equal(await verifyShaOut(tampered, SHA_OUT, algorithm), false);
    });
  }

  it('returns PARAMPLUS pairs expanded but unsigned, and drops pairs named like Ogone’s', async () => {
    const sandbox = sandboxWith();
    const redirect = await checkout(
      sandbox,
      baseFields({ ...URLS, PARAMPLUS: 'cart=42&session=a b&STATUS=9&shasign=x' }),
      { ...GOOD_CARD, cardno: '4000000000000002' },
    );
    assert.equal(redirect.params['cart'], '42');
    assert.equal(redirect.params['session'], 'a b');
    assert.equal(redirect.params['STATUS'], '2', 'PARAMPLUS cannot forge STATUS');
    assert.equal(redirect.params['shasign'], undefined);
    assert.equal(await verifyShaOut(redirect.params, SHA_OUT, 'sha512'), true);
    // Unsigned: changing them does not break the signature, so nobody may trust them.
    const changed = { ...redirect.params, cart: '43' };
    assert.equal(await verifyShaOut(changed, SHA_OUT, 'sha512'), true);
  });

  it('round-trips UTF-8 names (CN "Bárbara") through page, signature and redirect', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields({ ...URLS, CN: 'Bárbara São Paulo' });
    const { html, token } = await openPage(sandbox, fields);
    assert.equal(control(html, 'Cardholder name')?.attributes['value'], 'Bárbara São Paulo');
    const redirect = redirectOf(
      await pay(sandbox, token, { ...GOOD_CARD, cn: 'Bárbara São Paulo' }),
    );
    assert.equal(redirect.params['CN'], 'Bárbara São Paulo');
    assert.ok(redirect.query.includes('CN=B%C3%A1rbara+S%C3%A3o+Paulo'));
    assert.equal(await verifyShaOut(redirect.params, SHA_OUT, 'sha512'), true);
  });
});

describe('saving the card (ALIAS)', () => {
  const aliasFields = () => baseFields({ ...URLS, ALIAS: 'CUST-42', ALIASUSAGE: 'Save card' });

  it('returns ALIAS when the box stays ticked and the payment succeeds', async () => {
    const redirect = await checkout(sandboxWith(), aliasFields(), {
      ...GOOD_CARD,
      alias_consent: 'Y',
    });
    assert.equal(redirect.params['ALIAS'], 'CUST-42');
    assert.equal(await verifyShaOut(redirect.params, SHA_OUT, 'sha512'), true);
  });

  it('returns no ALIAS when the shopper unticks the box', async () => {
    const redirect = await checkout(sandboxWith(), aliasFields(), GOOD_CARD);
    assert.equal(redirect.params['STATUS'], '9');
    assert.equal(redirect.params['ALIAS'], undefined);
  });

  it('returns no ALIAS for a refused or uncertain payment', async () => {
    const sandbox = sandboxWith();
    for (const cardno of ['4000000000000002', '4000000000000051', '4000000000000041']) {
      const redirect = await checkout(sandbox, aliasFields(), {
        ...GOOD_CARD,
        cardno,
        alias_consent: 'Y',
      });
      assert.equal(redirect.params['ALIAS'], undefined, cardno);
    }
  });

  it('returns no ALIAS when the form asked for none', async () => {
    const redirect = await checkout(sandboxWith(), baseFields(URLS), {
      ...GOOD_CARD,
      alias_consent: 'Y',
    });
    assert.equal(redirect.params['ALIAS'], undefined);
  });

  it('names the alias itself for ALIASOPERATION=BYPSP', async () => {
    const redirect = await checkout(
      sandboxWith(),
      baseFields({ ...URLS, ALIASOPERATION: 'BYPSP' }),
      { ...GOOD_CARD, alias_consent: 'Y' },
    );
    assert.match(redirect.params['ALIAS'] ?? '', /^[A-Z0-9_-]{10,50}$/);
  });
});

describe('card checks on the page', () => {
  const invalid: [string, Card, string, string][] = [
    [
      'a number failing Luhn',
      { ...GOOD_CARD, cardno: '4111 1111 1111 1112' },
      'Card number',
      'This card number is not valid.',
    ],
    [
      'a too short number',
      { ...GOOD_CARD, cardno: '4111' },
      'Card number',
      'This card number is not valid.',
    ],
    [
      'an expired date',
      { ...GOOD_CARD, expiry: '10/26' },
      'Expiry date (MM/YY)',
      'Enter a valid expiry date in the future, as MM/YY.',
    ],
    [
      'month 13',
      { ...GOOD_CARD, expiry: '13/30' },
      'Expiry date (MM/YY)',
      'Enter a valid expiry date in the future, as MM/YY.',
    ],
    [
      'a 2-digit CVC',
      { ...GOOD_CARD, cvc: '12' },
      'CVC',
      'The CVC is the 3 or 4 digits on the back of the card.',
    ],
    [
      'a CVC with letters',
      { ...GOOD_CARD, cvc: '12a' },
      'CVC',
      'The CVC is the 3 or 4 digits on the back of the card.',
    ],
    [
      'no cardholder',
      { ...GOOD_CARD, cn: ' ' },
      'Cardholder name',
      'Enter the name shown on the card.',
    ],
  ];
  for (const [name, card, label, message] of invalid) {
    it(`re-renders the page for ${name}, with an accessible message`, async () => {
      const sandbox = sandboxWith();
      const { token } = await openPage(sandbox, baseFields(URLS));
      const response = await pay(sandbox, token, card);
      assert.equal(response.status, 200);
      const html = await response.text();
      const input = control(html, label);
      assert.ok(input);
      assert.equal(input.attributes['aria-invalid'], 'true');
      const describedBy = input.attributes['aria-describedby'];
      assert.ok(describedBy);
      const described = new RegExp(`<p [^>]*id="${describedBy}"[^>]*>([^<]*)</p>`).exec(html);
      assert.equal(decode(described?.[1] ?? ''), message);
      assert.match(html, /role="alert"/);
      assert.equal(sessionToken(html), token);
      assert.equal(formTarget(html, PAY), PAY, 'the re-rendered form posts to the same place');
      // Entered values stay, the CVC never does.
      assert.equal(control(html, 'Card number')?.attributes['value'], card.cardno);
      assert.equal(control(html, 'Expiry date (MM/YY)')?.attributes['value'], card.expiry);
      assert.equal(control(html, 'CVC')?.attributes['value'], '');
    });
  }

  it('accepts the current month and pays once the shopper corrects the card', async () => {
    const sandbox = sandboxWith();
    const { token } = await openPage(sandbox, baseFields(URLS));
    await pay(sandbox, token, { ...GOOD_CARD, cardno: '4111111111111112' });
    const redirect = redirectOf(await pay(sandbox, token, { ...GOOD_CARD, expiry: '11/26' }));
    assert.equal(redirect.params['STATUS'], '9');
    assert.equal(redirect.params['ED'], '1126');
  });

  it('keeps the consent box as the shopper left it when re-rendering', async () => {
    const sandbox = sandboxWith();
    const { token } = await openPage(
      sandbox,
      baseFields({ ...URLS, ALIAS: 'A1', ALIASUSAGE: 'Save it' }),
    );
    const html = await (await pay(sandbox, token, { ...GOOD_CARD, cvc: '' })).text();
    assert.ok(!('checked' in (control(html, 'Save it')?.attributes ?? {})));
  });
});

describe('ORDERID reuse', () => {
  it('refuses a paid ORDERID with "This order has already been processed" (50001113)', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields(URLS);
    await checkout(sandbox, fields);
    const again = await sandbox.handler(postForm(PAGE, await signed(fields)));
    const text = textOf(await again.text());
    assert.match(text, /This order has already been processed/);
    assert.match(text, /50001113/);
  });

  it('lets a cancelled or refused ORDERID be used again', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields(URLS);
    await checkout(sandbox, fields, { action: 'cancel' });
    await checkout(sandbox, fields, { ...GOOD_CARD, cardno: '4000000000000002' });
    const redirect = await checkout(sandbox, fields);
    assert.equal(redirect.params['STATUS'], '9');
  });

  it('refuses the second of two open pages for one ORDERID once the first is paid', async () => {
    const sandbox = sandboxWith();
    const fields = baseFields(URLS);
    const first = await openPage(sandbox, fields);
    const second = await openPage(sandbox, fields);
    redirectOf(await pay(sandbox, first.token));
    const response = await pay(sandbox, second.token);
    assert.match(textOf(await response.text()), /This order has already been processed/);
  });

  it('answers a double click (two submits at once) with one payment and one redirect', async () => {
    const calls: string[] = [];
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/ogone/feedback',
      fetch: async (_url, init) => {
        calls.push(String(init.body));
        await new Promise((resolve) => setTimeout(resolve, 30));
        return new Response('ok');
      },
    });
    const { token } = await openPage(sandbox, baseFields(URLS));
    const [first, second] = await Promise.all([pay(sandbox, token), pay(sandbox, token)]);
    assert.equal(first.status, 303);
    assert.equal(second.headers.get('location'), first.headers.get('location'));
    assert.equal(calls.length, 1);
  });

  it('answers a second submit of the same page with the same redirect, without paying twice', async () => {
    const calls: string[] = [];
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/ogone/feedback',
      fetch: async (_url, init) => {
        calls.push(String(init.body));
        return new Response('ok');
      },
    });
    const { token } = await openPage(sandbox, baseFields(URLS));
    const first = await pay(sandbox, token);
    const second = await pay(sandbox, token);
    assert.equal(second.headers.get('location'), first.headers.get('location'));
    assert.equal(calls.length, 1);
  });
});

describe('server-to-server feedback', () => {
  it('POSTs the same signed parameters before redirecting', async () => {
    const events: string[] = [];
    let received: { url: string; init: RequestInit } | undefined;
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/ogone/feedback',
      fetch: async (url, init) => {
        received = { url, init };
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('feedback answered');
        return new Response('OK');
      },
    });
    const fields = baseFields({ ...URLS, COMPLUS: 'ref-9', PARAMPLUS: 'cart=7' });
    const { token } = await openPage(sandbox, fields);
    const response = await pay(sandbox, token);
    events.push('redirect');
    assert.deepEqual(events, ['feedback answered', 'redirect']);
    assert.ok(received);
    assert.equal(received.url, 'https://shop.example/ogone/feedback');
    assert.equal(received.init.method, 'POST');
    assert.match(
      new Headers(received.init.headers).get('content-type') ?? '',
      /^application\/x-www-form-urlencoded/,
    );
    const posted = parseOgoneParams(String(received.init.body));
    const redirect = redirectOf(response);
    assert.deepEqual(posted, redirect.params);
    assert.equal(await verifyShaOut(posted, SHA_OUT, 'sha512'), true);
    assert.deepEqual(
      sandbox
        .feedbackLog()
        .map(({ orderID, STATUS, attempt, ok }) => ({ orderID, STATUS, attempt, ok })),
      [{ orderID: fields['ORDERID'], STATUS: '9', attempt: 1, ok: true }],
    );
  });

  it('sends feedback for cancelled and refused payments too', async () => {
    const statuses: string[] = [];
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/feedback',
      fetch: async (_url, init) => {
        statuses.push(parseOgoneParams(String(init.body))['STATUS']!);
        return new Response('OK');
      },
    });
    await checkout(sandbox, baseFields(URLS), { action: 'cancel' });
    await checkout(sandbox, baseFields(URLS), { ...GOOD_CARD, cardno: '4000000000000002' });
    assert.deepEqual(statuses, ['1', '2']);
  });

  it('retries a failing endpoint in the background with the configured delays, four tries at most', async () => {
    const times: number[] = [];
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/feedback',
      feedbackRetryDelaysMs: [20, 40, 60],
      fetch: async () => {
        times.push(performance.now());
        return new Response('down', { status: 503 });
      },
    });
    const started = performance.now();
    const redirect = await checkout(sandbox, baseFields(URLS));
    assert.equal(
      redirect.params['STATUS'],
      '9',
      'the shopper is not held up by a failing endpoint',
    );
    assert.equal(times.length, 1, 'only the online attempt before the redirect');
    await sandbox.idle();
    assert.equal(times.length, 4);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    gaps.forEach((gap, i) => assert.ok(gap >= [20, 40, 60][i]! - 2, `gap ${i} = ${gap}`));
    assert.ok(performance.now() - started < 2000);
    const log = sandbox.feedbackLog();
    assert.deepEqual(
      log.map((entry) => [entry.attempt, entry.ok, entry.httpStatus, entry.gaveUp]),
      [
        [1, false, 503, false],
        [2, false, 503, false],
        [3, false, 503, false],
        [4, false, 503, true],
      ],
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(times.length, 4, 'no fifth try');
  });

  it('stops retrying once the endpoint answers, and counts network errors and timeouts as failures', async () => {
    let call = 0;
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/feedback',
      feedbackRetryDelaysMs: [10, 10, 10],
      feedbackTimeoutMs: 30,
      fetch: (_url, init) => {
        call++;
        if (call === 1) return Promise.reject(new TypeError('fetch failed'));
        if (call === 2) {
          // Never answers: only the timeout ends it.
          return new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          );
        }
        return Promise.resolve(new Response('OK'));
      },
    });
    await checkout(sandbox, baseFields(URLS));
    await sandbox.idle();
    const log = sandbox.feedbackLog();
    assert.deepEqual(
      log.map((entry) => [entry.attempt, entry.ok, entry.error]),
      [
        [1, false, 'fetch failed'],
        [2, false, 'timed out after 30 ms'],
        [3, true, undefined],
      ],
    );
  });

  it('close() cancels pending retries and idle() resolves', async () => {
    let calls = 0;
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/feedback',
      feedbackRetryDelaysMs: [60_000],
      fetch: async () => {
        calls++;
        return new Response('', { status: 500 });
      },
    });
    await checkout(sandbox, baseFields(URLS));
    const idle = sandbox.idle();
    sandbox.close();
    await idle;
    assert.equal(calls, 1);
  });

  it('lists deliveries as JSON at /ncol/sandbox/feedback-log, without secrets', async () => {
    const sandbox = sandboxWith({
      feedbackUrl: 'https://shop.example/feedback',
      fetch: async () => new Response('OK'),
    });
    const redirect = await checkout(sandbox, baseFields(URLS));
    const response = await sandbox.handler(new Request(`${HOST}/ncol/sandbox/feedback-log`));
    const text = await response.text();
    const body = JSON.parse(text) as { deliveries: { orderID: string; ok: boolean }[] };
    assert.equal(body.deliveries[0]?.orderID, redirect.params['orderID']);
    assert.equal(body.deliveries[0]?.ok, true);
    assert.ok(!text.includes(SHA_IN) && !text.includes(SHA_OUT));
  });
});

describe('options', () => {
  const base: SandboxOptions = { pspid: PSPID, shaIn: SHA_IN, shaOut: SHA_OUT };
  const bad: [string, unknown, string][] = [
    ['pspid missing', { shaIn: SHA_IN, shaOut: SHA_OUT }, 'pspid'],
    ['empty shaIn', { ...base, shaIn: '' }, 'shaIn'],
    ['shaOut not a string', { ...base, shaOut: 42 }, 'shaOut'],
    ['unknown algorithm', { ...base, hashAlgorithm: 'md5' }, 'hashAlgorithm'],
    ['relative feedbackUrl', { ...base, feedbackUrl: '/feedback' }, 'feedbackUrl'],
    [
      'four retry delays',
      { ...base, feedbackRetryDelaysMs: [1, 2, 3, 4] },
      'feedbackRetryDelaysMs',
    ],
    ['negative delay', { ...base, feedbackRetryDelaysMs: [-1] }, 'feedbackRetryDelaysMs'],
  ];
  for (const [name, options, option] of bad) {
    it(`refuses ${name}, naming ${option} and no secret`, () => {
      assert.throws(
        () => createSandbox(options as SandboxOptions),
        (error: unknown) => {
          assert.ok(error instanceof SandboxOptionsError);
          assert.equal(error.option, option);
          assert.ok(error.message.includes(option), error.message);
          assert.ok(!error.message.includes(SHA_IN) && !error.message.includes(SHA_OUT));
          return true;
        },
      );
    });
  }
});
