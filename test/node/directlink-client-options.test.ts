/** The `directLink` option of createOgoneHandler and the OGONE_USERID / OGONE_PASSWORD variables of serve. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveOptions } from '../../src/server/config/resolve-options.js';
import { readEnv } from '../../src/server/serve/env.js';
import { runServe } from '../../src/server/serve/run.js';
import {
  createOgoneHandler,
  OgoneConfigError,
  type OgoneHandlerOptions,
  type OgoneLogEntry,
} from '../../src/server/index.js';
import { FakeDirectLink } from '../helpers/fake-directlink.js';

const SHA_IN = 'Shop-ShaIn-Passphrase-01';
const SHA_OUT = 'Shop-ShaOut-Passphrase-02';
const DIRECTLINK_SHA_IN = 'Shop-DirectLink-ShaIn-03';
const PASSWORD = 'Api-User-Password-9x!';

let fake: FakeDirectLink;
let fakeOwnSha: FakeDirectLink;

function options(overrides: Partial<OgoneHandlerOptions> = {}): OgoneHandlerOptions {
  return {
    pspid: 'SHOP1',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    hashAlgorithm: 'sha512',
    environment: { baseUrl: fake.baseUrl },
    allowedReturnOrigins: ['https://shop.example'],
    resolveOrder: () => null,
    onPaymentResult: () => undefined,
    logger: false,
    ...overrides,
  };
}

function configError(build: () => unknown): OgoneConfigError {
  try {
    build();
  } catch (error) {
    assert.ok(error instanceof OgoneConfigError, String(error));
    return error;
  }
  assert.fail('no OgoneConfigError');
}

before(async () => {
  const platform = {
    pspid: 'SHOP1',
    userId: 'shop-api',
    password: PASSWORD,
    algorithm: 'sha512' as const,
  };
  fake = await new FakeDirectLink({ ...platform, passphrase: SHA_IN }).start();
  fakeOwnSha = await new FakeDirectLink({ ...platform, passphrase: DIRECTLINK_SHA_IN }).start();
});

after(async () => {
  await fake.close();
  await fakeOwnSha.close();
});

describe('directLink option', () => {
  it('is off without an API user: no client for the saved-card and after-sale features', () => {
    assert.equal(resolveOptions(options()).directLink, undefined);
  });

  it('gives the routes a client that signs with the e-Commerce SHA-IN by default', async () => {
    const client = resolveOptions(
      options({ directLink: { userId: 'shop-api', password: PASSWORD } }),
    ).directLink!;
    assert.equal(client.userId, 'shop-api');
    const { answer } = await client.queryDirect({ orderId: 'NEVER-PAID' });
    assert.equal(
      answer.ncError,
      '50001130',
      'signed and authenticated: the platform answered about the order',
    );
    assert.equal(fake.requests.at(-1)!.params['PSWD'], PASSWORD);
    assert.equal(fake.requests.at(-1)!.params['RTIMEOUT'], '30');
  });

  it('signs with its own SHA-IN when the back office has a different one, and sends timeoutSeconds as RTIMEOUT', async () => {
    const directLink = {
      userId: 'shop-api',
      password: PASSWORD,
      shaIn: DIRECTLINK_SHA_IN,
      timeoutSeconds: 60,
    };
    const client = resolveOptions(
      options({ environment: { baseUrl: fakeOwnSha.baseUrl }, directLink }),
    ).directLink!;
    const { answer } = await client.queryDirect({ orderId: 'NEVER-PAID' });
    assert.equal(answer.ncError, '50001130');
    assert.equal(fakeOwnSha.requests.at(-1)!.params['RTIMEOUT'], '60');
    // With the e-Commerce one instead, the platform refuses the signature.
    const wrong = resolveOptions(
      options({
        environment: { baseUrl: fakeOwnSha.baseUrl },
        directLink: { userId: 'shop-api', password: PASSWORD },
      }),
    ).directLink!;
    await assert.rejects(wrong.queryDirect({ orderId: 'X' }), {
      name: 'DirectLinkError',
      code: 'signature-rejected',
    });
  });

  it('keeps the old userId option: USERID on the hosted page only, the API user apart', () => {
    const resolved = resolveOptions(
      options({
        userId: 'back-office-user',
        directLink: { userId: 'shop-api', password: PASSWORD },
      }),
    );
    assert.equal(resolved.userId, 'back-office-user');
    assert.equal(resolved.directLink!.userId, 'shop-api');
    assert.equal(
      resolveOptions(options({ directLink: { userId: 'shop-api', password: PASSWORD } })).userId,
      undefined,
    );
  });

  it('names the wrong setting and never prints the password', () => {
    const cases: [OgoneHandlerOptions['directLink'] | string, string][] = [
      ['shop-api', 'directLink'],
      [{ userId: 'x', password: PASSWORD }, 'directLink.userId'],
      [{ userId: 'a'.repeat(21), password: PASSWORD }, 'directLink.userId'],
      [{ userId: 'shop api', password: PASSWORD }, 'directLink.userId'],
      [{ userId: 'shop-api', password: '' }, 'directLink.password'],
      [{ userId: 'shop-api' } as never, 'directLink.password'],
      [{ userId: 'shop-api', password: 42 } as never, 'directLink.password'],
      [{ userId: 'shop-api', password: PASSWORD, shaIn: '' }, 'directLink.shaIn'],
      [{ userId: 'shop-api', password: PASSWORD, timeoutSeconds: 29 }, 'directLink.timeoutSeconds'],
      [{ userId: 'shop-api', password: PASSWORD, timeoutSeconds: 91 }, 'directLink.timeoutSeconds'],
      [
        { userId: 'shop-api', password: PASSWORD, timeoutSeconds: 45.5 },
        'directLink.timeoutSeconds',
      ],
    ];
    for (const [directLink, option] of cases) {
      const error = configError(() =>
        createOgoneHandler(options({ directLink: directLink as never })),
      );
      assert.equal(error.option, option, JSON.stringify(directLink));
      assert.equal(error.message.includes(PASSWORD), false);
    }
  });

  it("applies Ogone's passphrase rule to the DirectLink SHA-IN: refused in prod, a warning in test", () => {
    const weak = { userId: 'shop-api', password: PASSWORD, shaIn: 'short-one' };
    const error = configError(() =>
      createOgoneHandler(
        options({
          environment: 'prod',
          allowedReturnOrigins: ['https://shop.example'],
          directLink: weak,
        }),
      ),
    );
    assert.equal(error.option, 'directLink.shaIn');
    assert.doesNotMatch(error.message, /short-one/);
    const logs: OgoneLogEntry[] = [];
    createOgoneHandler(
      options({ environment: 'test', directLink: weak, logger: (entry) => logs.push(entry) }),
    );
    assert.ok(
      logs.some((entry) => entry.event === 'config' && entry.message.includes('directLink.shaIn')),
    );
  });

  it('refuses to send the API password over plain http except to a loopback sandbox', () => {
    const directLink = { userId: 'shop-api', password: PASSWORD };
    const error = configError(() =>
      createOgoneHandler(
        options({ environment: { baseUrl: 'http://ogone.example/ncol/test' }, directLink }),
      ),
    );
    assert.equal(error.option, 'environment.baseUrl');
    for (const baseUrl of [
      'http://127.0.0.1:9000/ncol/test',
      'http://localhost:9000/ncol/test',
      'https://ogone.example/ncol/test',
    ]) {
      assert.ok(
        resolveOptions(options({ environment: { baseUrl }, directLink })).directLink,
        baseUrl,
      );
    }
  });

  it('adds the password and the DirectLink SHA-IN to what logs never show', () => {
    const resolved = resolveOptions(
      options({ directLink: { userId: 'shop-api', password: PASSWORD, shaIn: DIRECTLINK_SHA_IN } }),
    );
    assert.equal(
      resolved.scrub(`a ${PASSWORD} b ${DIRECTLINK_SHA_IN} c`),
      'a [redacted] b [redacted] c',
    );
  });
});

const BASE_ENV = {
  OGONE_PSPID: 'SHOP1',
  OGONE_SHA_IN: SHA_IN,
  OGONE_SHA_OUT: SHA_OUT,
  OGONE_ALLOWED_RETURN_ORIGINS: 'https://shop.example',
  OGONE_ORDER_LOOKUP_URL: 'https://backend.example/orders',
  OGONE_RESULT_WEBHOOK_URL: 'https://backend.example/results',
};

/** Runs `serve` in this process up to its first answer (errors stop before listening). */
async function serveOutput(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  let out = '';
  const write = (chunk: string | Uint8Array) => ((out += String(chunk)), true);
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = write as typeof process.stdout.write;
  process.stderr.write = write as typeof process.stderr.write;
  try {
    return { code: await runServe(argv, env), out };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

describe('serve: OGONE_USERID, OGONE_PASSWORD, OGONE_DIRECTLINK_SHA_IN', () => {
  it('--help documents the three variables', async () => {
    const { code, out } = await serveOutput(['--help'], {});
    assert.equal(code, 0);
    for (const name of ['OGONE_USERID', 'OGONE_PASSWORD', 'OGONE_DIRECTLINK_SHA_IN'])
      assert.match(out, new RegExp(name));
  });

  it('a password needs its user, a DirectLink SHA-IN needs both', () => {
    assert.throws(
      () => readEnv({ ...BASE_ENV, OGONE_PASSWORD: PASSWORD }),
      /Invalid OGONE_PASSWORD: needs OGONE_USERID/,
    );
    assert.throws(
      () =>
        readEnv({
          ...BASE_ENV,
          OGONE_USERID: 'shop-api',
          OGONE_DIRECTLINK_SHA_IN: DIRECTLINK_SHA_IN,
        }),
      /Invalid OGONE_DIRECTLINK_SHA_IN: needs OGONE_USERID and OGONE_PASSWORD/,
    );
    const env = readEnv({ ...BASE_ENV, OGONE_USERID: 'shop-api', OGONE_PASSWORD: PASSWORD });
    assert.equal(env.OGONE_PASSWORD, PASSWORD);
  });

  it('names the variable at fault and never prints the password', async () => {
    const { code, out } = await serveOutput([], {
      ...BASE_ENV,
      OGONE_USERID: 'x',
      OGONE_PASSWORD: PASSWORD,
    });
    assert.equal(code, 1);
    assert.match(out, /Invalid OGONE_USERID: must be 2-20/);
    assert.equal(out.includes(PASSWORD), false);
    const weak = await serveOutput([], {
      ...BASE_ENV,
      OGONE_ENVIRONMENT: 'prod',
      OGONE_USERID: 'shop-api',
      OGONE_PASSWORD: PASSWORD,
      OGONE_DIRECTLINK_SHA_IN: '1234',
    });
    assert.equal(weak.code, 1);
    assert.match(weak.out, /Invalid OGONE_DIRECTLINK_SHA_IN: must be 16-32 characters/);
    assert.equal(weak.out.includes(PASSWORD), false);
  });

  it('starts with DirectLink on, says so, and keeps the password out of its output', async () => {
    const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
      env: {
        PATH: process.env['PATH'],
        ...BASE_ENV,
        OGONE_BASE_URL: fake.baseUrl,
        OGONE_USERID: 'shop-api',
        OGONE_PASSWORD: PASSWORD,
        PORT: '0',
      },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000);
        child.stdout.on('data', () => {
          if (output.includes('"listening"')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const listening = JSON.parse(
        output.split('\n').find((line) => line.includes('"listening"'))!,
      ) as Record<string, unknown>;
      assert.equal(listening['directLink'], 'on');
      assert.equal(output.includes(PASSWORD), false);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
