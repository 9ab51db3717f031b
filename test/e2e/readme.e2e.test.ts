/**
 * The README runs as written: every TypeScript block is type-checked against the built package
 * (as an app that installed it), the shell blocks marked `test` run, the HTML blocks use only the
 * element's attributes, internal links land on a heading, and the Vite quick start (storefront +
 * endpoint + sandbox, exactly the README's files) takes a payment in Chromium.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import {
  codeBlocks,
  scratchTsconfig,
  headingAnchors,
  internalLinks,
  readReadme,
  shellCommands,
  type CodeBlock,
} from '../helpers/readme-blocks.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The scratch app the README's files are written to (git-ignored). */
const APP = join(ROOT, '.readme-check');
const markdown = readReadme();
const blocks = codeBlocks(markdown);
const runnable = (lang: string) => blocks.filter((b) => b.test && b.lang === lang);
const where = (block: CodeBlock) => `README.md:${block.line} (${block.file})`;

/** Writes every `test` block to the scratch app, which has the package installed as a link. */
function writeApp(): void {
  rmSync(APP, { recursive: true, force: true });
  mkdirSync(join(APP, 'node_modules', '.bin'), { recursive: true });
  mkdirSync(join(APP, 'public'));
  writeFileSync(
    join(APP, 'package.json'),
    JSON.stringify({ name: 'readme-app', private: true, type: 'module' }),
  );
  symlinkSync(ROOT, join(APP, 'node_modules', 'ogone-checkout'), 'dir');
  chmodSync(join(ROOT, 'dist', 'cli.js'), 0o755);
  symlinkSync('../ogone-checkout/dist/cli.js', join(APP, 'node_modules', '.bin', 'ogone-checkout'));
  const written = new Set<string>();
  for (const block of blocks.filter((b) => b.test && b.lang !== 'sh')) {
    assert.ok(!written.has(block.file), `${where(block)}: two blocks write ${block.file}`);
    written.add(block.file);
    writeFileSync(join(APP, block.file), block.code);
  }
  writeFileSync(join(APP, 'tsconfig.json'), scratchTsconfig({ include: ['*.ts', '*.tsx'] }, true));
}

/** The element's attributes, from the custom-elements manifest (generated when missing). */
function elementAttributes(): Set<string> {
  const manifestPath = join(ROOT, 'custom-elements.json');
  if (!existsSync(manifestPath)) {
    const built = spawnSync('npm', ['run', '--silent', 'build:manifest'], { cwd: ROOT });
    assert.equal(built.status, 0, String(built.stderr));
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
  };
  const element = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'ogone-checkout');
  assert.ok(element?.attributes, 'the manifest describes <ogone-checkout>');
  return new Set(element.attributes.map((a) => a.name));
}

/** Runs a long-running command until it says it listens; resolves with a stop function. */
function startUntilListening(command: string): Promise<() => Promise<void>> {
  const child: ChildProcess = spawn('bash', ['-c', command], {
    cwd: APP,
    detached: true, // its own process group: npx, npm and the server stop together
    env: { ...process.env, PATH: `${join(APP, 'node_modules', '.bin')}:${process.env['PATH']}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`no "listening" within 30 s from: ${command}\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening/i.test(output)) {
        clearTimeout(timer);
        resolve(
          () =>
            new Promise((done) => {
              child.once('exit', () => done());
              process.kill(-child.pid!, 'SIGTERM');
            }),
        );
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening: ${command}\n${output}`));
    });
  });
}

/** A static file server for the scratch app's `public/` (the page without a bundler). */
function serveStatic(dir: string, index: string): Promise<Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path === '/' ? index : join(dir, path);
    if (!file.startsWith(APP) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let browser: Browser;

before(async () => {
  writeApp();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  rmSync(APP, { recursive: true, force: true });
});

describe('README', () => {
  it('marks every TypeScript block runnable (so none escapes the type-check)', () => {
    const unmarked = blocks.filter((b) => ['ts', 'tsx', 'js'].includes(b.lang) && !b.test);
    assert.deepEqual(unmarked.map(where), [], 'mark them "test" and make them complete');
    assert.ok(runnable('ts').length >= 10, 'the quick starts and references are there');
  });

  it('links only to headings that exist', () => {
    const anchors = headingAnchors(markdown);
    const broken = internalLinks(markdown).filter((link) => !anchors.has(link));
    assert.deepEqual(broken, []);
  });

  it('type-checks every TypeScript block against the built package, strict', () => {
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      { cwd: APP, encoding: 'utf8' },
    );
    assert.equal(
      tsc.status,
      0,
      `tsc found errors in the README's blocks:\n${tsc.stdout}${tsc.stderr}`,
    );
  });

  it('uses only attributes <ogone-checkout> has in its HTML blocks', () => {
    const attributes = elementAttributes();
    for (const block of blocks.filter((b) => b.lang === 'html')) {
      for (const tag of block.code.matchAll(/<ogone-checkout\b([^>]*)>/g)) {
        for (const [, name] of tag[1]!.matchAll(/([a-z][a-z-]*)=/g)) {
          assert.ok(
            attributes.has(name!),
            `${where(block)}: <ogone-checkout ${name}> is no attribute`,
          );
        }
      }
    }
  });

  it('runs its shell blocks: one-off commands succeed, servers start listening', async () => {
    const commands = runnable('sh').flatMap((block) =>
      shellCommands(block.code).map((command) => ({ block, command })),
    );
    assert.ok(commands.length >= 3);
    const stops: (() => Promise<void>)[] = [];
    try {
      for (const { block, command } of commands) {
        if (/ogone-checkout (serve|sandbox)\b/.test(command)) {
          stops.push(await startUntilListening(command));
          continue;
        }
        const run = spawnSync('bash', ['-c', command], { cwd: APP, encoding: 'utf8' });
        assert.equal(run.status, 0, `${where(block)}: ${command}\n${run.stderr}`);
      }
    } finally {
      for (const stop of stops.reverse()) await stop();
    }
  });

  it('serves the page without a bundler: the copied bundle defines the element', async () => {
    const server = await serveStatic(join(APP, 'public'), join(APP, 'plain.html'));
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: 'Pay now' }).waitFor();
      await page.close();
    } finally {
      server.close();
    }
  });

  it('takes a payment with the Vite quick start, in Chromium, against the sandbox', async () => {
    // The README's files as written; only the dev server's address differs (port from the OS).
    const probe = createHttpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const origin = `http://127.0.0.1:${port}`;
    const html = readFileSync(join(APP, 'index.html'), 'utf8');
    writeFileSync(join(APP, 'index.html'), html.replaceAll('localhost:5173', `127.0.0.1:${port}`));
    process.env['SHOP_ORIGIN'] = origin;
    // The README's onPaymentResult logs each verified server-to-server result: listen for it.
    const logged: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(' '));
    const { createServer } = await import('vite');
    const vite = await createServer({
      root: APP,
      configFile: join(APP, 'vite.config.ts'),
      logLevel: 'error',
      server: { host: '127.0.0.1', port, strictPort: true },
    });
    await vite.listen();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.getByRole('button', { name: 'Pay now' }).click();
      await page.waitForURL(/\/ncol\/test\//);
      await page.getByLabel('Card number').fill('4111 1111 1111 1111');
      await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
      await page.getByLabel('CVC').fill('123');
      await page.getByLabel('Cardholder name').fill('Ada Lovelace');
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      await page
        .waitForFunction(() => document.title.startsWith('Order SO-1001:'), undefined, {
          timeout: 20_000,
        })
        .catch(async (error: unknown) => {
          throw new Error(`no verified result at ${page.url()}: ${await page.innerText('body')}`, {
            cause: error,
          });
        });
      assert.match(await page.title(), /^Order SO-1001: Payment requested$/);
      await page.getByText(/payment has been received/i).waitFor();
      await page.close();
      assert.ok(
        logged.some((line) => / SO-1001 paid$/.test(line)),
        `onPaymentResult got the sandbox's feedback: ${JSON.stringify(logged)}`,
      );
    } finally {
      console.log = log;
      await vite.close();
      delete process.env['SHOP_ORIGIN'];
    }
  });
});
