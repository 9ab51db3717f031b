import { expect } from '@open-wc/testing';
import {
  buildDirectLinkRequest,
  describeStatus,
  parseDirectLinkAnswer,
  parseOgoneParams,
  signShaIn,
  signShaOut,
  toOgoneAmount,
  verifyShaOut,
  type HashAlgorithm,
} from '../../src/protocol/index.js';

interface Vector {
  id: string;
  direction: 'in' | 'out';
  algorithm: HashAlgorithm;
  passphrase: string;
  params: Record<string, string>;
  expected: string;
}

async function loadVectors(): Promise<Vector[]> {
  const response = await fetch(new URL('../fixtures/ogone-vectors.json', import.meta.url));
  const body = (await response.json()) as { vectors: Vector[] };
  return body.vectors;
}

describe('protocol core in Chromium (WebCrypto)', () => {
  it('reproduces every published vector, in all three algorithms', async () => {
    const vectors = await loadVectors();
    expect(vectors.length).to.be.greaterThan(10);
    const algorithms = new Set<HashAlgorithm>();
    for (const vector of vectors) {
      const sign = vector.direction === 'in' ? signShaIn : signShaOut;
      const actual = await sign(vector.params, vector.passphrase, vector.algorithm);
      expect(actual, vector.id).to.equal(vector.expected);
      algorithms.add(vector.algorithm);
      if (vector.direction === 'out') {
        const params = { ...vector.params, SHASIGN: vector.expected.toLowerCase() };
        expect(await verifyShaOut(params, vector.passphrase, vector.algorithm), vector.id).to.equal(
          true,
        );
      }
    }
    expect([...algorithms].sort()).to.deep.equal(['sha1', 'sha256', 'sha512']);
  });

  it('verifies a return query string decoded once (UTF-8, + is a space)', async () => {
    const signed = { orderID: 'SO-1', STATUS: '9', CN: 'Bárbara Núñez', amount: '19.99' };
    const SHASIGN = await signShaOut(signed, 'out-pass', 'sha256');
    const query = `?${new URLSearchParams({ ...signed, SHASIGN }).toString()}`;
    expect(query).to.contain('B%C3%A1rbara+N');
    const params = parseOgoneParams(query);
    expect(params['CN']).to.equal('Bárbara Núñez');
    expect(await verifyShaOut(params, 'out-pass', 'sha256')).to.equal(true);
    expect(await verifyShaOut({ ...params, STATUS: '5' }, 'out-pass', 'sha256')).to.equal(false);
  });

  it('converts amounts and explains statuses exactly as in Node', () => {
    expect(toOgoneAmount(2.05)).to.equal('205');
    expect(() => toOgoneAmount('1.234')).to.throw(/two decimals/);
    expect(describeStatus(9).outcome).to.equal('paid');
    expect(describeStatus(123).outcome).to.equal('unknown');
  });

  it('signs DirectLink requests and parses their XML answers (isomorphic: no Node API)', async () => {
    const response = await fetch(new URL('../fixtures/directlink-vectors.json', import.meta.url));
    const data = (await response.json()) as {
      sha_in: {
        name: string;
        algorithm: HashAlgorithm;
        passphrase: string;
        params: Record<string, string>;
        expected: string;
      }[];
      xml: { name: string; xml: string; expect: Record<string, string | number> }[];
    };
    for (const vector of data.sha_in) {
      const request = await buildDirectLinkRequest({
        environment: 'test',
        page: 'orderdirect',
        params: vector.params,
        passphrase: vector.passphrase,
        algorithm: vector.algorithm,
      });
      expect(new URLSearchParams(request.body).get('SHASIGN'), vector.name).to.equal(
        vector.expected,
      );
    }
    for (const vector of data.xml) {
      const answer = parseDirectLinkAnswer(vector.xml) as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(vector.expect)) {
        expect(answer[field], `${vector.name}: ${field}`).to.equal(value);
      }
    }
    const html = '<form action="https://acs.example">Sécurité</form>';
    const bytes = new TextEncoder().encode(html);
    const base64 = btoa(String.fromCharCode(...bytes));
    const challenge = parseDirectLinkAnswer(
      `<ncresponse STATUS="46"><HTML_ANSWER>${base64}</HTML_ANSWER></ncresponse>`,
    );
    expect(challenge.htmlAnswer).to.equal(html);
    expect(() => parseDirectLinkAnswer('<html>')).to.throw(/DirectLink answer/);
  });
});
