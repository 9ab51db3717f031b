/**
 * `ogone-checkout doctor` as a merchant runs it before going live: against the sandbox and a
 * stand-in backend, everything passes; a wrong API password, a wrong DirectLink SHA-IN or a
 * backend that is down each fail with a hint naming the variable, and no secret is printed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fetchToNodeListener } from '../../src/internal/node-bridge.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const SHA_IN = 'Doctor-SHA-IN-passphrase-1';
const SHA_OUT = 'Doctor-SHA-OUT-passphrase-2';
const PASSWORD = 'Api-User-Pa55word-xyz';

let sandbox: Sandbox;
let platform: Server;
let backend: Server;
let platformUrl = '';
let backendUrl = '';
const hits: string[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

before(async () => {
  sandbox = createSandbox({
    pspid: 'DOCTORSHOP',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    apiUser: { userId: 'api-doctor', password: PASSWORD },
  });
  platform = createServer(fetchToNodeListener(sandbox.handler, 64 * 1024));
  platformUrl = await listen(platform);
  backend = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(req.method === 'GET' ? 404 : 405);
    res.end();
  });
  backendUrl = await listen(backend);
});

after(async () => {
  sandbox.close();
  platform.closeAllConnections();
  backend.closeAllConnections();
  await new Promise((resolve) => platform.close(resolve));
  await new Promise((resolve) => backend.close(resolve));
});

function env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    OGONE_PSPID: 'DOCTORSHOP',
    OGONE_SHA_IN: SHA_IN,
    OGONE_SHA_OUT: SHA_OUT,
    OGONE_BASE_URL: `${platformUrl}/ncol/test`,
    OGONE_USERID: 'api-doctor',
    OGONE_PASSWORD: PASSWORD,
    OGONE_ALLOWED_RETURN_ORIGINS: 'http://127.0.0.1:3000',
    OGONE_ORDER_LOOKUP_URL: `${backendUrl}/orders`,
    OGONE_RESULT_WEBHOOK_URL: `${backendUrl}/webhook`,
    OGONE_DATABASE_URL: 'off',
    ...overrides,
  };
}

async function doctor(variables: NodeJS.ProcessEnv, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'doctor', ...args], {
    env: variables,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('ogone-checkout doctor', () => {
  it('passes against the sandbox and a backend that answers 404 for unknown orders', async () => {
    const { code, output } = await doctor(env());
    assert.equal(code, 0, output);
    assert.match(output, /✓ configuration/);
    assert.match(output, /✓ hosted payment page/);
    assert.match(output, /✓ API user \(DirectLink\) +api-doctor accepted, SHA-IN matches/);
    assert.match(output, /✓ order lookup/);
    assert.match(output, /✓ result webhook .*no result was sent/);
    assert.match(output, /! payment ledger +off/);
    assert.ok(hits.some((hit) => hit.startsWith('HEAD /webhook')));
    assert.ok(!hits.some((hit) => hit.startsWith('POST')), 'nothing delivered');
  });

  it('names what to fix: a wrong API password, a wrong DirectLink SHA-IN, a backend down', async () => {
    const wrongUser = await doctor(env({ OGONE_PASSWORD: 'Not-The-Password-42' }));
    assert.equal(wrongUser.code, 1);
    assert.match(wrongUser.output, /✗ API user.*refused-credentials/);
    assert.match(wrongUser.output, /OGONE_PASSWORD is wrong/);

    const wrongSha = await doctor(env({ OGONE_DIRECTLINK_SHA_IN: 'Another-SHA-IN-value-9' }));
    assert.equal(wrongSha.code, 1);
    assert.match(wrongSha.output, /✗ API user.*signature-rejected/);
    assert.match(wrongSha.output, /OGONE_DIRECTLINK_SHA_IN/);

    const down = await doctor(env({ OGONE_ORDER_LOOKUP_URL: 'http://127.0.0.1:9/orders' }));
    assert.equal(down.code, 1);
    assert.match(down.output, /✗ order lookup/);

    for (const run of [wrongUser, wrongSha, down]) {
      for (const secret of [
        SHA_IN,
        SHA_OUT,
        PASSWORD,
        'Not-The-Password-42',
        'Another-SHA-IN-value-9',
      ]) {
        assert.ok(!run.output.includes(secret), 'no secret printed');
      }
    }
  });

  it('reports every configuration problem at once and --json for scripts', async () => {
    const bad = await doctor({ PATH: process.env['PATH'], OGONE_HASH_ALGORITHM: 'md5' }, [
      '--json',
    ]);
    assert.equal(bad.code, 1);
    const report = JSON.parse(bad.output) as {
      checks: { name: string; status: string; detail: string }[];
    };
    const details = report.checks.map((check) => check.detail).join('\n');
    assert.match(details, /OGONE_PSPID/);
    assert.match(details, /OGONE_HASH_ALGORITHM/);
    assert.ok(report.checks.every((check) => check.status === 'fail'));
  });
});
