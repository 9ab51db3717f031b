import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildDirectLinkRequest,
  directLinkUrl,
  OgoneProtocolError,
  signShaIn,
  type HashAlgorithm,
} from '../../src/protocol/index.js';
import { hostedPaymentPageUrl } from '../../src/protocol/environment.js';
import { composeShaString } from '../../src/protocol/sign.js';
import { SHA_IN_VECTORS } from '../helpers/directlink-vectors.js';

const ALGORITHMS: HashAlgorithm[] = ['sha1', 'sha256', 'sha512'];

/** An independent SHA-IN, written from the notes: upper-case names, UTF-16 code-unit order. */
function reference(
  params: Record<string, string>,
  passphrase: string,
  algorithm: HashAlgorithm,
): string {
  const pairs = Object.entries(params)
    .filter(([name, value]) => value !== '' && name.toUpperCase() !== 'SHASIGN')
    .map(([name, value]) => [name.toUpperCase(), value] as const)
    .sort((a, b) =>
      Buffer.compare(Buffer.from(a[0], 'utf16le').swap16(), Buffer.from(b[0], 'utf16le').swap16()),
    );
  const text = pairs.map(([n, v]) => `${n}=${v}${passphrase}`).join('');
  return createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();
}

/** The vector's body with its SHASIGN in upper-case hex (the sources sent lower case). */
function upperSignature(body: string): string {
  const search = new URLSearchParams(body);
  const signature = search.get('SHASIGN')!;
  return body.replace(`SHASIGN=${signature}`, `SHASIGN=${signature.toUpperCase()}`);
}

async function bodyOf(params: Record<string, string | number | null>, algorithm: HashAlgorithm) {
  const request = await buildDirectLinkRequest({
    environment: 'test',
    page: 'querydirect',
    params,
    passphrase: 'Directlink-Passphrase-1!',
    algorithm,
  });
  return new URLSearchParams(request.body);
}

describe('DirectLink SHA-IN vectors', () => {
  it('cover USERID and PSWD, mixed-case names and both published algorithms', () => {
    assert.ok(SHA_IN_VECTORS.length >= 8);
    assert.ok(SHA_IN_VECTORS.some((v) => 'PSWD' in v.params && 'USERID' in v.params));
    assert.ok(SHA_IN_VECTORS.some((v) => Object.keys(v.params).some((n) => n !== n.toUpperCase())));
    assert.deepEqual(new Set(SHA_IN_VECTORS.map((v) => v.algorithm)), new Set(['sha1', 'sha512']));
  });

  for (const vector of SHA_IN_VECTORS) {
    it(`${vector.name}: gives the published ${vector.algorithm} signature`, async () => {
      assert.equal(
        await signShaIn(vector.params, vector.passphrase, vector.algorithm),
        vector.expected.toUpperCase(),
      );
    });

    it(`${vector.name}: agrees with the reference in all three algorithms`, async () => {
      for (const algorithm of ALGORITHMS) {
        assert.equal(
          await signShaIn(vector.params, vector.passphrase, algorithm),
          reference(vector.params, vector.passphrase, algorithm),
          algorithm,
        );
      }
    });

    it(`${vector.name}: the signed body carries every parameter and the signature`, async () => {
      const request = await buildDirectLinkRequest({
        environment: 'test',
        page: vector.page ?? 'orderdirect',
        params: vector.params,
        passphrase: vector.passphrase,
        algorithm: vector.algorithm,
      });
      assert.equal(request.contentType, 'application/x-www-form-urlencoded; charset=utf-8');
      assert.equal(
        request.url,
        `https://ogone.test.v-psp.com/ncol/test/${vector.page ?? 'orderdirect'}_utf8.asp`,
      );
      if (vector.body !== undefined) {
        // Byte for byte what the source sent, the hex in upper case.
        assert.equal(request.body, upperSignature(vector.body));
      }
      const sent = new URLSearchParams(request.body);
      assert.equal(sent.get('SHASIGN'), vector.expected.toUpperCase());
      for (const [name, value] of Object.entries(vector.params))
        assert.equal(sent.get(name), value);
      assert.equal([...sent.keys()].length, Object.keys(vector.params).length + 1);
    });
  }
});

describe('DirectLink signing rules', () => {
  it('upper-cases mixed-case and dotted names and sorts by code unit ("." < digits < A-Z < "_")', () => {
    const text = composeShaString(
      { Mpi_x: 'u', 'Mpi.x': 'd', MPI1: 'n', browserColorDepth: '24', ALIAS: 'a' },
      '#',
      'in',
    );
    assert.equal(text, 'ALIAS=a#BROWSERCOLORDEPTH=24#MPI.X=d#MPI1=n#MPI_X=u#');
  });

  it('signs browserColorDepth exactly like BROWSERCOLORDEPTH', async () => {
    for (const algorithm of ALGORITHMS) {
      const mixed = await bodyOf({ browserColorDepth: '24', 'Mpi.x': 'v' }, algorithm);
      const upper = await bodyOf({ BROWSERCOLORDEPTH: '24', 'MPI.X': 'v' }, algorithm);
      assert.equal(mixed.get('SHASIGN'), upper.get('SHASIGN'));
      // …but sends the names as given.
      assert.equal(mixed.get('browserColorDepth'), '24');
      assert.equal(mixed.get('Mpi.x'), 'v');
    }
  });

  it('signs PSWD and USERID: another password, another signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        async (a, b) => {
          fc.pre(a !== b);
          const base = { PSPID: 'MyPSPID', USERID: 'api', PAYID: '1' };
          const one = await bodyOf({ ...base, PSWD: a }, 'sha256');
          const two = await bodyOf({ ...base, PSWD: b }, 'sha256');
          assert.notEqual(one.get('SHASIGN'), two.get('SHASIGN'));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves empty values out of the signature and the body, keeps "0"', async () => {
    const body = await bodyOf(
      { PSPID: 'X', CN: '', EMAIL: null, PAYIDSUB: '0', RTIMEOUT: 30 },
      'sha1',
    );
    assert.deepEqual([...body.keys()], ['PSPID', 'PAYIDSUB', 'RTIMEOUT', 'SHASIGN']);
    assert.equal(
      body.get('SHASIGN'),
      reference({ PSPID: 'X', PAYIDSUB: '0', RTIMEOUT: '30' }, 'Directlink-Passphrase-1!', 'sha1'),
    );
  });

  it('writes UTF-8 form encoding ("+" for a space, %-escapes) that decodes to the signed values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,11}$/),
          fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }),
          { minKeys: 1, maxKeys: 8 },
        ),
        async (params) => {
          const upper = new Set(Object.keys(params).map((n) => n.toUpperCase()));
          fc.pre(upper.size === Object.keys(params).length && !upper.has('SHASIGN'));
          const body = await bodyOf(params, 'sha512');
          const received = Object.fromEntries(body);
          const signature = received['SHASIGN'];
          delete received['SHASIGN'];
          assert.deepEqual(received, { ...params });
          assert.equal(signature, reference(params, 'Directlink-Passphrase-1!', 'sha512'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses the given hash function (a synchronous node:crypto one)', async () => {
    const vector = SHA_IN_VECTORS[0]!;
    let calls = 0;
    const request = await buildDirectLinkRequest({
      environment: 'prod',
      page: 'orderdirect',
      params: vector.params,
      passphrase: vector.passphrase,
      algorithm: vector.algorithm,
      digest: (text, algorithm) => {
        calls++;
        return createHash(algorithm).update(text, 'utf8').digest('hex');
      },
    });
    assert.equal(calls, 1);
    assert.equal(new URLSearchParams(request.body).get('SHASIGN'), vector.expected);
    assert.equal(request.url, 'https://secure.ogone.com/ncol/prod/orderdirect_utf8.asp');
  });

  it('refuses a given SHASIGN, names that differ only in case, a bad number, a bad algorithm', async () => {
    const attempt = (params: Record<string, string | number>, algorithm = 'sha1') =>
      buildDirectLinkRequest({
        environment: 'test',
        page: 'querydirect',
        params,
        passphrase: 'p',
        algorithm: algorithm as HashAlgorithm,
      });
    await assert.rejects(attempt({ PAYID: '1', shasign: 'AB' }), {
      name: 'OgoneProtocolError',
      code: 'invalid-parameter',
    });
    await assert.rejects(attempt({ orderID: '1', ORDERID: '2' }), { code: 'duplicate-parameter' });
    await assert.rejects(attempt({ AMOUNT: Number.NaN }), { code: 'invalid-parameter' });
    await assert.rejects(attempt({ PAYID: '1' }, 'md5'), (error: unknown) => {
      assert.ok(error instanceof OgoneProtocolError);
      assert.equal(error.code, 'invalid-algorithm');
      return true;
    });
  });
});

describe('DirectLink page URLs', () => {
  it('swap the page name on the hosted page base, white labels and the sandbox included', () => {
    assert.equal(
      directLinkUrl('test', 'maintenancedirect'),
      'https://ogone.test.v-psp.com/ncol/test/maintenancedirect_utf8.asp',
    );
    const sandbox = { baseUrl: 'http://127.0.0.1:9000/ncol/test/' };
    assert.equal(
      directLinkUrl(sandbox, 'querydirect'),
      'http://127.0.0.1:9000/ncol/test/querydirect_utf8.asp',
    );
    assert.equal(
      hostedPaymentPageUrl(sandbox),
      'http://127.0.0.1:9000/ncol/test/orderstandard_utf8.asp',
    );
    const white = { baseUrl: 'https://e-payment.postfinance.ch/ncol/prod' };
    assert.equal(
      directLinkUrl(white, 'orderdirect'),
      'https://e-payment.postfinance.ch/ncol/prod/orderdirect_utf8.asp',
    );
  });

  it('refuses a page that is not one of the three', () => {
    assert.throws(() => directLinkUrl('test', 'orderstandard' as 'orderdirect'), {
      code: 'invalid-parameter',
    });
  });
});
