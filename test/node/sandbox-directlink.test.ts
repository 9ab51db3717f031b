/** The sandbox's DirectLink door and orderdirect: user, signature, aliases, cards, ORDERID reuse. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { composeShaString } from '../../src/protocol/sign.js';
import vectors from '../fixtures/directlink-vectors.json' with { type: 'json' };
import { createSandbox } from '../../src/sandbox/index.js';
import {
  aliasOrder,
  API_USER,
  call,
  directBody,
  directSandbox,
  DL_SHA_IN,
  pageUrl,
  parseAnswer,
  savedAlias,
} from '../helpers/directlink.js';
import { HOST, PSPID, SHA_IN } from '../helpers/sandbox.js';

describe('DirectLink door', () => {
  it('answers HTTP 200 with one <ncresponse>, also for errors', async () => {
    const sandbox = directSandbox();
    const answer = await call(sandbox, 'querydirect', { ORDERID: 'NOPE' });
    assert.equal(answer.attrs['STATUS'], '0');
    assert.equal(answer.attrs['NCERROR'], '50001130');
    assert.equal(answer.attrs['NCSTATUS'], '5');
    assert.match(answer.xml, /^<\?xml version="1\.0"\?><ncresponse orderID="NOPE" PAYID="0" /);
  });

  const users: [string, { userId: string; password: string } | null][] = [
    ['a wrong password', { userId: API_USER.userId, password: 'guess' }],
    ['another user', { userId: 'ADMIN', password: API_USER.password }],
    ['no user at all', null],
  ];
  for (const [name, user] of users) {
    it(`refuses ${name}: "Connection to API feature not allowed for this user"`, async () => {
      const sandbox = directSandbox();
      const alias = await savedAlias(sandbox);
      const answer = await call(sandbox, 'orderdirect', aliasOrder(alias), { user });
      assert.equal(answer.attrs['NCERROR'], '50001119');
      assert.equal(
        answer.attrs['NCERRORPLUS'],
        'Connection to API feature not allowed for this user',
      );
      assert.equal(answer.attrs['STATUS'], '0');
      assert.ok(!answer.xml.includes(API_USER.password));
    });
  }

  it('refuses every call when no API user is configured', async () => {
    const sandbox = createSandbox({ pspid: 'ACMESHOP', shaIn: SHA_IN, shaOut: 'out-secret-1' });
    const answer = await call(sandbox, 'querydirect', { ORDERID: 'X' }, { passphrase: SHA_IN });
    assert.equal(answer.attrs['NCERROR'], '50001119');
  });

  it('answers "unknown order/0/s" without SHASIGN and "/1/s" for a wrong one', async () => {
    const sandbox = directSandbox();
    const missing = await call(sandbox, 'querydirect', { ORDERID: 'X' }, { sign: false });
    assert.equal(missing.attrs['NCERRORPLUS'], 'unknown order/0/s');
    for (const options of [
      { passphrase: SHA_IN },
      { algorithm: 'sha256' as const },
      { passphrase: `${DL_SHA_IN} ` },
    ]) {
      const wrong = await call(sandbox, 'querydirect', { ORDERID: 'X' }, options);
      assert.equal(wrong.attrs['NCERRORPLUS'], 'unknown order/1/s', JSON.stringify(options));
      assert.equal(wrong.attrs['STATUS'], '0');
    }
  });

  it('signs USERID and PSWD: a changed password after signing is refused', async () => {
    const sandbox = directSandbox({ apiUser: { userId: 'ACME-API', password: 'second' } });
    const body = await directBody({ ORDERID: 'X' });
    body['PSWD'] = 'second';
    const response = await sandbox.fetch(pageUrl('querydirect'), {
      method: 'POST',
      body: new URLSearchParams(body),
    });
    assert.equal(parseAnswer(await response.text()).attrs['NCERRORPLUS'], 'unknown order/1/s');
  });

  it('upper-cases dotted and mixed-case names (browserColorDepth, Mpi.x) in the signature', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const fields = aliasOrder(alias, {
      browserColorDepth: '24',
      'Mpi.x': 'y',
      browserJavaEnabled: 'false',
    });
    const answer = await call(sandbox, 'orderdirect', fields);
    assert.equal(answer.attrs['STATUS'], '9', JSON.stringify(answer.attrs));
  });

  it('uses the e-Commerce SHA-IN when no DirectLink SHA-IN is set', async () => {
    const sandbox = directSandbox({ directLinkShaIn: undefined });
    const answer = await call(sandbox, 'querydirect', { ORDERID: 'X' }, { passphrase: SHA_IN });
    assert.equal(answer.attrs['NCERROR'], '50001130');
  });

  it('verifies every fixture body as sent (lower-case hex SHASIGN included)', async () => {
    for (const vector of vectors.sha_in.filter((v) => 'body' in v && v.body !== undefined)) {
      const params = vector.params as unknown as Record<string, string>;
      const sandbox = createSandbox({
        pspid: params['PSPID']!,
        shaIn: vector.passphrase,
        shaOut: 'out-secret-1',
        hashAlgorithm: vector.algorithm as 'sha512',
        apiUser: { userId: params['USERID']!, password: params['PSWD']! },
      });
      const response = await sandbox.fetch(pageUrl(vector.page as 'querydirect'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: vector.body!,
      });
      const { attrs } = parseAnswer(await response.text());
      assert.doesNotMatch(
        attrs['NCERRORPLUS'] ?? '',
        /unknown order\/\d\/s|API feature/,
        vector.name,
      );
    }
  });

  it('reads the plain pages as windows-1252, signature included', async () => {
    const sandbox = directSandbox();
    const alias = await savedAlias(sandbox);
    const fields: Record<string, string> = {
      PSPID,
      USERID: API_USER.userId,
      PSWD: API_USER.password,
      ...aliasOrder(alias, { CN: 'Bárbara Souza' }),
    };
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    const hashed = createHash('sha512')
      .update(latin1(composeShaString(fields, DL_SHA_IN, 'in')))
      .digest('hex');
    const encode = (pairs: Record<string, string>) =>
      Object.entries(pairs)
        .map(
          ([name, value]) =>
            `${name}=${[...latin1(value)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`,
        )
        .join('&');
    const post = (body: string) =>
      sandbox.fetch(pageUrl('orderdirect', { plain: true }), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const plain = await post(encode({ ...fields, SHASIGN: hashed }));
    assert.equal(plain.headers.get('content-type'), 'text/xml; charset=iso-8859-1');
    const accepted = parseAnswer(new TextDecoder('latin1').decode(await plain.arrayBuffer()));
    assert.equal(accepted.attrs['STATUS'], '9', JSON.stringify(accepted.attrs));
    const query = await call(sandbox, 'querydirect', { PAYID: accepted.attrs['PAYID']! });
    assert.equal(query.attrs['CN'], 'Bárbara Souza');

    // Signed over the UTF-8 bytes but posted to the windows-1252 page: refused, as at Ogone.
    const other = { ...fields, ORDERID: `${fields['ORDERID']}-2` };
    const utf8Signed = await directBody(other, { user: null });
    const refused = parseAnswer(
      new TextDecoder('latin1').decode(await (await post(encode(utf8Signed))).arrayBuffer()),
    );
    assert.equal(refused.attrs['NCERRORPLUS'], 'unknown order/1/s');
  });

  it('answers 404 for DirectLink pages under another prefix', async () => {
    const sandbox = directSandbox();
    const response = await sandbox.fetch(`${HOST}//evil/ncol/test/orderdirect_utf8.asp`, {
      method: 'POST',
      body: new URLSearchParams(await directBody({ ORDERID: 'X' })),
    });
    assert.equal(response.status, 404);
  });
});
