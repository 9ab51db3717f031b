/** Issues #15.9 and #15.11: production settings over http, with credentials, or with weak passphrases are refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createOgoneHandler,
  OgoneConfigError,
  type OgoneHandlerOptions,
} from '../../src/server/index.js';

const SHA_IN = 'In-Passphrase-0123456789';
const SHA_OUT = 'Out-Passphrase-9876543210';
const SHOP = 'https://shop.example';

function options(overrides: Partial<OgoneHandlerOptions> = {}): OgoneHandlerOptions {
  return {
    pspid: 'SHOP1',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: 'prod',
    allowedReturnOrigins: [SHOP],
    resolveOrder: () => ({ amount: '10.00', currency: 'EUR' }),
    onPaymentResult: () => {},
    logger: false,
    ...overrides,
  };
}

function configError(overrides: Partial<OgoneHandlerOptions>): OgoneConfigError {
  try {
    createOgoneHandler(options(overrides));
  } catch (error) {
    assert.ok(error instanceof OgoneConfigError, String(error));
    return error;
  }
  assert.fail('expected an OgoneConfigError');
}

describe('#15.9 production settings must not use http or carry credentials', () => {
  it('refuses an http:// Ogone base URL in prod, naming the option', () => {
    const error = configError({
      environment: { baseUrl: 'http://secure.ogone.example/ncol/prod' },
    });
    assert.equal(error.option, 'environment.baseUrl');
    assert.match(error.message, /https/);
  });

  it('refuses http:// return origins in prod, except loopback ones', () => {
    const error = configError({ allowedReturnOrigins: [SHOP, 'http://shop.example'] });
    assert.equal(error.option, 'allowedReturnOrigins.1');
    assert.doesNotThrow(() =>
      createOgoneHandler(
        options({ allowedReturnOrigins: ['http://127.0.0.1:3000', 'http://shop.localhost'] }),
      ),
    );
    assert.doesNotThrow(() =>
      createOgoneHandler(
        options({ environment: 'test', allowedReturnOrigins: ['http://shop.example'] }),
      ),
    );
  });

  it('refuses a base URL with credentials in any environment, without printing them', () => {
    for (const environment of ['prod', 'test'] as const) {
      const baseUrl = `https://user:s3cr3t-pw@secure.ogone.com/ncol/${environment}`;
      const error = configError({ environment: { baseUrl } });
      assert.equal(error.option, 'environment.baseUrl');
      assert.ok(!error.message.includes('s3cr3t-pw'));
    }
  });
});

describe('#15.11 weak passphrases are refused in prod', () => {
  const weak = [
    'a'.repeat(16),
    '1234567890123456',
    'demo-sha-in-Passphrase-1',
    'demo-sha-in-passphrase',
  ];
  for (const value of weak) {
    it(`refuses ${JSON.stringify(value.slice(0, 12))}… naming the rule, never the value`, () => {
      const error = configError({ shaIn: value });
      assert.equal(error.option, 'shaIn');
      assert.ok(!error.message.includes(value));
      assert.match(error.message, /repeated|digits|published|demo/);
    });
  }

  it('only warns in test', () => {
    const logs: string[] = [];
    createOgoneHandler(
      options({
        environment: 'test',
        shaIn: 'a'.repeat(16),
        logger: (e) => logs.push(JSON.stringify(e)),
      }),
    );
    assert.ok(logs.some((line) => line.includes('shaIn')));
  });
});
