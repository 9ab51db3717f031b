/**
 * The packed tarball installed into a fresh app, as a developer would (`npm install` from the
 * registry cache `npm ci` filled, the registry only for what it lacks): the README's storefront, React and endpoint
 * quick-start files type-check against it in strict TypeScript with `skipLibCheck: false`, and
 * its CLI runs. Skipped with a visible note when the cache cannot serve the install.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeBlocks, readReadme, scratchTsconfig } from '../helpers/readme-blocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'ogone-install-'));
/** The README files the scratch app holds. */
const FILES = ['ogone.ts', 'main.ts', 'checkout.tsx'];
let skip: string | false = false;

function versionOf(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { version: string };
  return `${name}@${manifest.version}`;
}

before(() => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-shop', type: 'module' }),
  );
  const install = spawnSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      join(app, packed[0]!.filename),
      ...[
        'typescript',
        '@types/node',
        'react',
        'react-dom',
        '@types/react',
        '@types/react-dom',
      ].map(versionOf),
    ],
    { cwd: app, encoding: 'utf8' },
  );
  if (install.status !== 0) {
    skip = `neither the registry cache nor the registry can serve the install (${install.stderr.split('\n').find((l) => /ERR/.test(l)) ?? `exit ${install.status}`})`;
    process.stderr.write(`\n⚠ package-install test SKIPPED: ${skip}\n\n`);
    return;
  }
  const blocks = codeBlocks(readReadme());
  for (const file of FILES) {
    const block = blocks.find((b) => b.file === file);
    assert.ok(block, `the README has ${file}`);
    writeFileSync(join(app, file), block.code);
  }
  writeFileSync(join(app, 'tsconfig.json'), scratchTsconfig({ files: FILES }, false));
});

after(() => rmSync(app, { recursive: true, force: true }));

describe('the tarball in a fresh app', () => {
  it('type-checks the README storefront, React and endpoint files (skipLibCheck: false)', (t) => {
    if (skip) return t.skip(skip);
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], {
      cwd: app,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  it('serves the payments page and its bundled script from the installed package', (t) => {
    if (skip) return t.skip(skip);
    writeFileSync(
      join(app, 'payments-page.mjs'),
      `import { openLedger } from 'ogone-checkout/ledger';
import { createOgoneHandler } from 'ogone-checkout/server';
const ledger = await openLedger('pglite:memory');
const ogone = createOgoneHandler({
  pspid: 'SHOP', shaIn: 'install-test-sha-in-1', shaOut: 'install-test-sha-out-2',
  environment: 'test', allowedReturnOrigins: ['https://shop.example'], logger: false,
  resolveOrder: () => null, onPaymentResult: () => undefined, ledger,
  admin: { token: 'install-test-admin-token' },
});
const page = await ogone(new Request('http://127.0.0.1/ogone/admin'));
const script = await ogone(new Request('http://127.0.0.1/ogone/admin/app.js'));
const text = await script.text();
console.log(JSON.stringify({ page: page.status, script: script.status, type: script.headers.get('content-type'), defines: text.includes('"ogone-admin"'), bare: /\\bfrom\\s*["'][^./]/.test(text) }));
await ogone.close();
await ledger.close();
`,
    );
    const run = spawnSync(process.execPath, ['payments-page.mjs'], { cwd: app, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').at(-1)!), {
      page: 200,
      script: 200,
      type: 'text/javascript; charset=utf-8',
      defines: true,
      bare: false,
    });
  });

  it('runs its command line from node_modules/.bin', (t) => {
    if (skip) return t.skip(skip);
    const version = spawnSync('npx', ['--no-install', 'ogone-checkout', '--version'], {
      cwd: app,
      encoding: 'utf8',
    });
    assert.equal(version.status, 0, version.stderr);
    const { version: expected } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.match(version.stdout, new RegExp(expected.replaceAll('.', '\\.')));
  });
});
