/**
 * One list of the `serve` environment's secrets feeds every redactor (serve, doctor, the
 * after-sale commands): each variable whose name says it is secret is on it, and so is the
 * password inside each URL. A variable added later without joining the list fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EnvSchema, readEnv } from '../../src/server/serve/env.js';
import { readLedgerEnv } from '../../src/server/serve/ledger-env.js';
import { serveSecrets } from '../../src/server/serve/secrets.js';

const SECRET_NAME = /SHA_IN|SHA_OUT|PASSWORD|TOKEN|SECRET/;

describe('serve: the secrets every redactor hides', () => {
  it('holds every secret variable and every password inside a URL', () => {
    const env: NodeJS.ProcessEnv = {
      OGONE_PSPID: 'SECRETSHOP',
      OGONE_SHA_IN: 'sha-in-Secret-value-1',
      OGONE_SHA_OUT: 'sha-out-Secret-value-2',
      OGONE_USERID: 'SECRETSHOP-API',
      OGONE_PASSWORD: 'api-Password-value-3',
      OGONE_DIRECTLINK_SHA_IN: 'directlink-Secret-4',
      OGONE_ALLOWED_RETURN_ORIGINS: 'https://shop.example',
      OGONE_ORDER_LOOKUP_URL: 'https://backend.example/orders',
      OGONE_RESULT_WEBHOOK_URL: 'https://backend.example/results',
      OGONE_BACKEND_TOKEN: 'backend-Token-value-5',
      OGONE_ADMIN_TOKEN: 'admin-Token-value-6-long',
      OGONE_DATABASE_URL: 'postgres://shop:db-Password-7@db.example/shop',
      OGONE_PROVIDER: 'worldline-direct',
      WORLDLINE_API_KEY_ID: 'KEYID',
      WORLDLINE_API_SECRET: 'api-Secret-value-8',
      WORLDLINE_WEBHOOK_KEY_ID: 'WEBHOOKKEY',
      WORLDLINE_WEBHOOK_SECRET: 'webhook-Secret-value-9',
    };
    const secrets = serveSecrets(readEnv(env), readLedgerEnv(env));
    const names = Object.keys(EnvSchema.shape).filter((name) => SECRET_NAME.test(name));
    assert.ok(names.length >= 8, `found the secret variables: ${names.join(', ')}`);
    for (const name of names) {
      assert.ok(env[name] !== undefined, `the test sets ${name}`);
      assert.ok(secrets.includes(env[name]), `${name} is redacted`);
    }
    assert.ok(secrets.includes('db-Password-7'), 'the database password is redacted');
  });
});
