import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { composeShaString, getReceivedSignature } from '../../src/protocol/sign.js';
import {
  SHA_OUT_PARAMETERS,
  signShaIn,
  signShaOut,
  verifyShaOut,
  type HashAlgorithm,
} from '../../src/protocol/index.js';
import { VECTORS } from '../helpers/vectors.js';

const ALGORITHMS: HashAlgorithm[] = ['sha1', 'sha256', 'sha512'];

/** An independent reference, written from the protocol notes, hashed with node:crypto. */
function reference(
  params: Record<string, string>,
  passphrase: string,
  algorithm: HashAlgorithm,
  direction: 'in' | 'out',
): string {
  const names = Object.keys(params)
    .filter((name) => name.toUpperCase() !== 'SHASIGN')
    .filter((name) => direction === 'in' || SHA_OUT_PARAMETERS.has(name.toUpperCase()))
    .filter((name) => params[name] !== '')
    .map((name) => [name.toUpperCase(), params[name]] as const)
    .sort((a, b) =>
      Buffer.compare(Buffer.from(a[0], 'utf16le').swap16(), Buffer.from(b[0], 'utf16le').swap16()),
    );
  const text = names.map(([n, v]) => `${n}=${v}${passphrase}`).join('');
  return createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();
}

const sign = (direction: 'in' | 'out') => (direction === 'in' ? signShaIn : signShaOut);

describe('published vectors', () => {
  it('covers all three algorithms in both directions', () => {
    const seen = new Set(VECTORS.map((v) => `${v.direction}/${v.algorithm}`));
    for (const algorithm of ALGORITHMS) {
      assert.ok(seen.has(`in/${algorithm}`), `in/${algorithm}`);
      assert.ok(seen.has(`out/${algorithm}`), `out/${algorithm}`);
    }
  });

  for (const vector of VECTORS) {
    it(`${vector.id}: ${vector.direction} ${vector.algorithm} gives the published signature`, async () => {
      const actual = await sign(vector.direction)(
        vector.params,
        vector.passphrase,
        vector.algorithm,
      );
      assert.equal(actual, vector.expected);
    });

    it(`${vector.id}: the same params agree with the reference in every algorithm`, async () => {
      for (const algorithm of ALGORITHMS) {
        const actual = await sign(vector.direction)(vector.params, vector.passphrase, algorithm);
        assert.equal(
          actual,
          reference(vector.params, vector.passphrase, algorithm, vector.direction),
        );
      }
    });

    if (vector.direction === 'out') {
      it(`${vector.id}: verifies with its signature, any case`, async () => {
        for (const sig of [vector.expected, vector.expected.toLowerCase()]) {
          const params = { ...vector.params, SHASIGN: sig };
          assert.equal(await verifyShaOut(params, vector.passphrase, vector.algorithm), true);
        }
      });
    }
  }

  it('V7b: a signature for STATUS=2 does not verify STATUS=9', async () => {
    const v = VECTORS.find((x) => x.id === 'V7b')!;
    assert.equal(await verifyShaOut(v.params, v.passphrase, 'sha1'), true);
    assert.equal(await verifyShaOut({ ...v.params, STATUS: '9' }, v.passphrase, 'sha1'), false);
  });
});

describe('SHA-OUT list', () => {
  it('has the 65 documented names', () => {
    assert.equal(SHA_OUT_PARAMETERS.size, 65);
    for (const name of ['ORDERID', 'AMOUNT', 'ALIAS', 'COMPLUS', 'NBRIPUSAGE_ALLTX', 'VC']) {
      assert.ok(SHA_OUT_PARAMETERS.has(name), name);
    }
  });
});

const nameArb = fc.stringMatching(/^[A-Z][A-Z0-9_.]{0,11}$/);
const valueArb = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' });
const paramsArb = fc.dictionary(nameArb, valueArb, { minKeys: 1, maxKeys: 8 });
const algorithmArb = fc.constantFrom<HashAlgorithm>('sha1', 'sha256', 'sha512');
const passphrase = 'Test-Passphrase-2026!';

describe('signature properties', () => {
  it('parameter order never changes a signature', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, algorithmArb, fc.integer(), async (params, algorithm, seed) => {
        const entries = Object.entries(params);
        const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), {
          numRuns: 1,
          seed,
        })[0]!;
        assert.equal(
          await signShaIn(Object.fromEntries(shuffled), passphrase, algorithm),
          await signShaIn(params, passphrase, algorithm),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('any change to one signed value breaks verification', async () => {
    const outNames = [...SHA_OUT_PARAMETERS];
    const outParams = fc.dictionary(fc.constantFrom(...outNames), valueArb, {
      minKeys: 1,
      maxKeys: 10,
    });
    await fc.assert(
      fc.asyncProperty(
        outParams,
        algorithmArb,
        fc.nat(),
        valueArb,
        async (params, algorithm, pick, replacement) => {
          const names = Object.keys(params);
          const target = names[pick % names.length]!;
          fc.pre(params[target] !== replacement);
          const SHASIGN = await signShaOut(params, passphrase, algorithm);
          assert.equal(await verifyShaOut({ ...params, SHASIGN }, passphrase, algorithm), true);
          const tampered = { ...params, [target]: replacement, SHASIGN };
          assert.equal(await verifyShaOut(tampered, passphrase, algorithm), false);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('renaming one signed parameter breaks verification', async () => {
    const SHASIGN = await signShaOut(
      { orderID: '12', STATUS: '9', PAYID: '1' },
      passphrase,
      'sha256',
    );
    assert.equal(
      await verifyShaOut(
        { orderID: '12', NCERROR: '9', PAYID: '1', SHASIGN },
        passphrase,
        'sha256',
      ),
      false,
    );
    assert.equal(
      await verifyShaOut(
        { orderID: '12', STATUS: '9', PAYIDSUB: '1', SHASIGN },
        passphrase,
        'sha256',
      ),
      false,
    );
  });

  it('drops empty values but keeps "0"', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, nameArb, algorithmArb, async (params, extra, algorithm) => {
        fc.pre(!(extra in params));
        const base = await signShaIn(params, passphrase, algorithm);
        assert.equal(await signShaIn({ ...params, [extra]: '' }, passphrase, algorithm), base);
        assert.equal(await signShaIn({ ...params, [extra]: null }, passphrase, algorithm), base);
        assert.equal(
          await signShaIn({ ...params, [extra]: undefined }, passphrase, algorithm),
          base,
        );
        assert.notEqual(await signShaIn({ ...params, [extra]: '0' }, passphrase, algorithm), base);
      }),
      { numRuns: 40 },
    );
    assert.equal(composeShaString({ NCERROR: '0', X: '' }, 'p', 'in'), 'NCERROR=0p');
  });

  it('ignores unknown incoming names for SHA-OUT', async () => {
    await fc.assert(
      fc.asyncProperty(nameArb, valueArb, algorithmArb, async (name, value, algorithm) => {
        fc.pre(!SHA_OUT_PARAMETERS.has(name.toUpperCase()) && name.toUpperCase() !== 'SHASIGN');
        const params = { orderID: '12', STATUS: '9', amount: '15' };
        assert.equal(
          await signShaOut({ ...params, [name]: value }, passphrase, algorithm),
          await signShaOut(params, passphrase, algorithm),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('verifies a wrong-case SHASIGN and refuses a missing or truncated one', async () => {
    const params = { orderID: 'A1', STATUS: '9', amount: '10.5', currency: 'EUR' };
    const sig = await signShaOut(params, passphrase, 'sha512');
    const mixed = sig.slice(0, 64).toLowerCase() + sig.slice(64);
    assert.equal(await verifyShaOut({ ...params, shasign: mixed }, passphrase, 'sha512'), true);
    assert.equal(await verifyShaOut(params, passphrase, 'sha512'), false);
    assert.equal(
      await verifyShaOut({ ...params, SHASIGN: sig.slice(0, 40) }, passphrase, 'sha512'),
      false,
    );
    assert.equal(await verifyShaOut({ ...params, SHASIGN: '' }, passphrase, 'sha512'), false);
    assert.equal(
      await verifyShaOut({ ...params, SHASIGN: sig }, 'other-passphrase', 'sha512'),
      false,
    );
    assert.equal(getReceivedSignature({ ShaSign: 'ab' }), 'ab');
  });

  it('signs UTF-8 values (Bárbara, São Paulo) byte-exactly', async () => {
    const params = { CN: 'Bárbara Ñúñez', OWNERTOWN: 'São Paulo', ORDERID: '1' };
    for (const algorithm of ALGORITHMS) {
      assert.equal(
        await signShaIn(params, passphrase, algorithm),
        reference(params, passphrase, algorithm, 'in'),
      );
    }
  });

  it('sorts by code unit: "." < digits < A-Z < "_"', () => {
    const text = composeShaString({ A_B: '1', AB: '2', 'A.B': '3', A1: '4' }, '|', 'in');
    assert.equal(text, 'A.B=3|A1=4|AB=2|A_B=1|');
  });

  it('never verifies a signature over nothing (no SHA-OUT parameter present)', async () => {
    // With no signed parameter the string to hash is empty, and the hash of "" is public.
    for (const algorithm of ALGORITHMS) {
      const SHASIGN = createHash(algorithm).update('').digest('hex').toUpperCase();
      assert.equal(await verifyShaOut({ SHASIGN }, passphrase, algorithm), false);
      assert.equal(await verifyShaOut({ foo: 'bar', SHASIGN }, passphrase, algorithm), false);
      assert.equal(await verifyShaOut({ STATUS: '', SHASIGN }, passphrase, algorithm), false);
    }
  });

  it('refuses duplicate names that differ only in case, and unknown algorithms', async () => {
    await assert.rejects(signShaIn({ orderid: '1', ORDERID: '2' }, passphrase, 'sha1'), {
      code: 'duplicate-parameter',
    });
    await assert.rejects(signShaIn({ A: '1' }, passphrase, 'md5' as HashAlgorithm), {
      code: 'invalid-algorithm',
    });
    assert.equal(
      await verifyShaOut({ orderid: '1', ORDERID: '2', SHASIGN: 'AA' }, passphrase, 'sha1'),
      false,
    );
  });
});
