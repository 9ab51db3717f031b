/** Issue #15.6: only canonical SHA-OUT signatures verify (a review found U+FB00 accepted as FF). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signShaOut, verifyShaOut, type HashAlgorithm } from '../../src/protocol/index.js';
import { DIGEST_HEX_LENGTH } from '../../src/protocol/sign.js';

const SHA_OUT = 'Out-Passphrase-9876543210';

describe('#15.6 only canonical signatures verify', () => {
  const params = { orderID: 'A-1-X', amount: '10', currency: 'EUR', STATUS: '9', PAYID: '1' };

  for (const algorithm of ['sha1', 'sha256', 'sha512'] as HashAlgorithm[]) {
    it(`refuses a ${algorithm} SHASIGN with "FF" written as U+FB00 plus a trailing character`, async () => {
      const good = await signShaOut(params, SHA_OUT, algorithm);
      assert.ok(await verifyShaOut({ ...params, SHASIGN: good.toLowerCase() }, SHA_OUT, algorithm));
      // Find a signature containing "FF" (retry with another PAYID until one does).
      let payId = 1;
      let signature = good;
      while (!signature.includes('FF')) {
        payId++;
        signature = await signShaOut({ ...params, PAYID: String(payId) }, SHA_OUT, algorithm);
      }
      const forged = `${signature.replace('FF', '\uFB00')}Z`;
      assert.equal(forged.length, DIGEST_HEX_LENGTH[algorithm]);
      const verified = await verifyShaOut(
        { ...params, PAYID: String(payId), SHASIGN: forged },
        SHA_OUT,
        algorithm,
      );
      assert.equal(verified, false);
    });
  }

  it('refuses anything but [0-9A-Fa-f] of exactly the algorithm length', async () => {
    const good = await signShaOut(params, SHA_OUT, 'sha256');
    for (const bad of [
      `${good} `,
      ` ${good}`,
      good.slice(0, -1),
      `${good}0`,
      `${good.slice(0, -1)}G`,
      good.replace(/[0-9A-F]/, 'ｆ'),
    ]) {
      assert.equal(await verifyShaOut({ ...params, SHASIGN: bad }, SHA_OUT, 'sha256'), false, bad);
    }
  });
});
