/** 3-D Secure in the sandbox: the DirectLink HTML_ANSWER, the issuer's page, its two outcomes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOgoneParams, verifyShaOut } from '../../src/protocol/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { cspHash } from '../../src/internal/csp.js';
import { THREE_DS_SCRIPT, THREE_DS_SCRIPT_HASH } from '../../src/sandbox/three-ds/html-answer.js';
import {
  aliasOrder,
  call,
  CHALLENGE_CARD,
  directSandbox,
  formOf,
  post,
  savedChallengeAlias,
} from '../helpers/directlink.js';
import {
  baseFields,
  buttons,
  GOOD_CARD,
  HOST,
  openPage,
  pay,
  redirectOf,
  SHA_OUT,
  textOf,
  URLS,
} from '../helpers/sandbox.js';

interface Recorded {
  sandbox: Sandbox;
  feedbacks: Record<string, string>[];
}

function recording(options = {}): Recorded {
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

/** A DirectLink payment with the challenge card and FLAG3D=Y: its 46 answer's form. */
async function challenged(sandbox: Sandbox, extra: Record<string, string> = {}) {
  const alias = await savedChallengeAlias(sandbox);
  const fields = aliasOrder(alias, {
    FLAG3D: 'Y',
    WIN3DS: 'MAINW',
    ...URLS,
    COMPLUS: 'ref-3ds',
    ...extra,
  });
  const answer = await call(sandbox, 'orderdirect', fields);
  assert.equal(answer.attrs['STATUS'], '46');
  assert.ok(answer.html);
  return { alias, fields, answer, form: formOf(answer.html) };
}

describe('DirectLink 3-D Secure (STATUS 46)', () => {
  it('answers an auto-submitting form to the sandbox’s 3-D Secure page, its script allowed by hash', async () => {
    const { sandbox } = recording();
    const { answer, form } = await challenged(sandbox);
    assert.equal(form.action, `${HOST}/ncol/test/sandbox/3ds`);
    assert.match(answer.html!, /<button type="submit">Continue to your bank<\/button>/);
    const scripts = [...answer.html!.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, [THREE_DS_SCRIPT]);
    assert.equal(await THREE_DS_SCRIPT_HASH, await cspHash(scripts[0]!));
  });

  it('uses publicOrigin for the form when configured', async () => {
    const { sandbox } = recording({ publicOrigin: 'https://sandbox.example:8443' });
    const { form } = await challenged(sandbox);
    assert.equal(form.action, 'https://sandbox.example:8443/ncol/test/sandbox/3ds');
  });

  it('shows the issuer’s page with Complete / Fail authentication, under a script-free CSP', async () => {
    const { sandbox } = recording();
    const { form } = await challenged(sandbox);
    const page = await post(sandbox, form.action, { session: form.token });
    const html = await page.text();
    assert.deepEqual(buttons(html), ['Complete authentication', 'Fail authentication']);
    assert.match(textOf(html), /Confirm your payment/);
    assert.match(textOf(html), /XXXXXXXXXXXX3220/);
    assert.match(textOf(html), /€15\.10/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.doesNotMatch(csp, /script-src|unsafe-inline/);
    assert.match(csp, /form-action 'self' https:\/\/shop\.example(;|$)/);
    assert.ok(!/<script/i.test(html));
  });

  it('Complete: signed redirect to ACCEPTURL, the same feedback, then querydirect says 9 with ECI 5', async () => {
    const { sandbox, feedbacks } = recording();
    const { form, answer, fields } = await challenged(sandbox);
    const before = feedbacks.length;
    const done = redirectOf(
      await post(sandbox, form.action, { session: form.token, action: 'complete' }),
    );
    assert.equal(done.target, URLS.ACCEPTURL);
    assert.equal(done.params['STATUS'], '9');
    assert.equal(done.params['PAYID'], answer.attrs['PAYID']);
    assert.equal(done.params['orderID'], fields['ORDERID']);
    assert.equal(done.params['COMPLUS'], 'ref-3ds');
    assert.equal(done.params['CARDNO'], 'XXXXXXXXXXXX3220');
    assert.equal(await verifyShaOut(done.params, SHA_OUT, 'sha512'), true);
    assert.deepEqual(feedbacks.slice(before), [done.params]);
    const query = await call(sandbox, 'querydirect', { PAYID: answer.attrs['PAYID']! });
    assert.equal(query.attrs['STATUS'], '9');
    assert.equal(query.attrs['ECI'], '5');

    // A second press of the button: the same answer, no second feedback.
    const again = await post(sandbox, form.action, { session: form.token, action: 'complete' });
    assert.equal(redirectOf(again).query, done.query);
    assert.equal(feedbacks.length, before + 1);
  });

  it('Fail: signed redirect to DECLINEURL with STATUS 2, and the ORDERID may be paid again', async () => {
    const { sandbox, feedbacks } = recording();
    const { form, fields, alias } = await challenged(sandbox);
    const done = redirectOf(
      await post(sandbox, form.action, { session: form.token, action: 'fail' }),
    );
    assert.equal(done.target, URLS.DECLINEURL);
    assert.equal(done.params['STATUS'], '2');
    assert.equal(done.params['NCERROR'], '40001134');
    assert.equal(await verifyShaOut(done.params, SHA_OUT, 'sha512'), true);
    assert.equal(feedbacks.at(-1)!['STATUS'], '2');
    const retry = await call(sandbox, 'orderdirect', { ...fields, ALIAS: alias });
    assert.equal(retry.attrs['STATUS'], '46', 'a fresh challenge for the same ORDERID');
  });

  it('answers an unknown or expired challenge with an error page', async () => {
    const { sandbox } = recording();
    const response = await post(sandbox, `${HOST}/ncol/test/sandbox/3ds`, { session: 'nope' });
    assert.match(textOf(await response.text()), /session expired or unknown/);
    assert.equal((await sandbox.handler(new Request(`${HOST}/ncol/test/sandbox/3ds`))).status, 405);
  });
});

describe('hosted page 3-D Secure', () => {
  for (const cardno of [CHALLENGE_CARD, '4000 0000 0000 3063']) {
    it(`challenges ${cardno}; Complete pays and saves the card, Fail declines`, async () => {
      const { sandbox } = recording();
      const fields = baseFields({ ...URLS, ALIAS: 'CUST-3DS', ALIASUSAGE: 'Save it' });
      const { token } = await openPage(sandbox, fields);
      const challengePage = await pay(sandbox, token, { ...GOOD_CARD, cardno, alias_consent: 'Y' });
      const html = await challengePage.text();
      assert.deepEqual(buttons(html), ['Complete authentication', 'Fail authentication']);
      // The payment form submitted again shows the same challenge, never a second payment.
      assert.deepEqual(buttons(await (await pay(sandbox, token)).text()), [
        'Complete authentication',
        'Fail authentication',
      ]);
      const form = formOf(html);
      assert.equal(form.action, '/ncol/test/sandbox/3ds');
      const done = redirectOf(
        await post(sandbox, form.action, { session: form.token, action: 'complete' }),
      );
      assert.equal(done.target, URLS.ACCEPTURL);
      assert.equal(done.params['STATUS'], '9');
      assert.equal(done.params['ALIAS'], 'CUST-3DS');
      assert.equal(redirectOf(await pay(sandbox, token)).query, done.query);

      const declined = await openPage(sandbox, baseFields(URLS));
      const other = formOf(
        await (await pay(sandbox, declined.token, { ...GOOD_CARD, cardno })).text(),
      );
      const failed = redirectOf(
        await post(sandbox, other.action, { session: other.token, action: 'fail' }),
      );
      assert.equal(failed.target, URLS.DECLINEURL);
      assert.equal(failed.params['STATUS'], '2');
    });
  }

  it('saves a challenging card whose later DirectLink payments are challenged too', async () => {
    const { sandbox } = recording();
    const alias = await savedChallengeAlias(sandbox);
    const answer = await call(sandbox, 'orderdirect', aliasOrder(alias, { FLAG3D: 'Y' }));
    assert.equal(answer.attrs['STATUS'], '46');
    const without = await call(sandbox, 'orderdirect', aliasOrder(alias));
    assert.equal(without.attrs['NCERROR'], '40001139');
  });

  it('creates the alias of a typed card only once the challenge is completed', async () => {
    const { sandbox } = recording();
    const typed = {
      ...aliasOrder('TYPED-3DS', { FLAG3D: 'Y', ...URLS }),
      CARDNO: CHALLENGE_CARD,
      ED: '12/34',
    };
    const answer = await call(sandbox, 'orderdirect', typed);
    assert.equal(
      (await call(sandbox, 'orderdirect', aliasOrder('TYPED-3DS'))).attrs['NCERROR'],
      '50001111',
    );
    const form = formOf(answer.html!);
    await post(sandbox, form.action, { session: form.token, action: 'complete' });
    const later = await call(sandbox, 'orderdirect', aliasOrder('TYPED-3DS', { FLAG3D: 'Y' }));
    assert.equal(later.attrs['STATUS'], '46');
  });
});

describe('the hosted page with a saved ALIAS (the fallback for 40001139)', () => {
  it('offers the saved card in its own form; paying with it challenges, then returns the alias', async () => {
    const { sandbox } = recording();
    const alias = 'CUST-REQ';
    const first = await openPage(
      sandbox,
      baseFields({ ...URLS, ALIAS: alias, ALIASUSAGE: 'Save' }),
    );
    const form = formOf(
      await (
        await pay(sandbox, first.token, {
          ...GOOD_CARD,
          cardno: '4000 0000 0000 3063',
          alias_consent: 'Y',
        })
      ).text(),
    );
    await post(sandbox, form.action, { session: form.token, action: 'complete' });
    const direct = await call(sandbox, 'orderdirect', aliasOrder(alias, { FLAG3D: 'Y' }));
    assert.equal(direct.attrs['NCERROR'], '40001139', 'DirectLink cannot charge it');

    const { html, token } = await openPage(sandbox, baseFields({ ...URLS, ALIAS: alias }));
    assert.match(textOf(html), /Your saved card VISA •••• 3063, expires 12\/30 Pay with this card/);
    const forms = [...html.matchAll(/<form [\s\S]*?<\/form>/g)].map((m) => m[0]);
    assert.equal(forms.length, 2, 'the saved card has a form of its own');
    assert.ok(!forms[1]!.includes('value="saved"'), 'Enter in the card fields never pays with it');
    assert.deepEqual(buttons(html), ['Pay with this card', 'Pay', 'Cancel']);

    const challenge = await sandbox.handler(
      new Request(`${HOST}/ncol/test/sandbox/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ session: token, action: 'saved' }).toString(),
      }),
    );
    const again = formOf(await challenge.text());
    const done = redirectOf(
      await post(sandbox, again.action, { session: again.token, action: 'complete' }),
    );
    assert.equal(done.params['STATUS'], '9');
    assert.equal(done.params['ALIAS'], alias);
    assert.equal(done.params['CARDNO'], 'XXXXXXXXXXXX3063');
  });

  it('does not offer an unknown alias, nor one whose card has expired', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const { sandbox } = recording({ now: () => now });
    const unknown = await openPage(sandbox, baseFields({ ...URLS, ALIAS: 'NOBODY' }));
    assert.doesNotMatch(unknown.html, /Your saved card/);
    const first = await openPage(
      sandbox,
      baseFields({ ...URLS, ALIAS: 'SOON', ALIASUSAGE: 'Save' }),
    );
    await pay(sandbox, first.token, { ...GOOD_CARD, expiry: '12/26', alias_consent: 'Y' });
    assert.match(
      (await openPage(sandbox, baseFields({ ...URLS, ALIAS: 'SOON' }))).html,
      /Your saved card/,
    );
    now = new Date('2027-01-01T00:00:00Z');
    assert.doesNotMatch(
      (await openPage(sandbox, baseFields({ ...URLS, ALIAS: 'SOON' }))).html,
      /Your saved card/,
    );
  });
});
