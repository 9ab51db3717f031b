/**
 * The packed package as a registry would serve it (after `build:lib`, then `build:manifest`):
 * publint clean, arethetypeswrong clean for the ESM and bundler profiles, no zod type reachable
 * from a public `.d.ts`, no source map, and the custom-elements manifest and editor data pointing
 * at shipped files.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';

const root = fileURLToPath(new URL('../..', import.meta.url));
let tarball = '';
let files: string[] = [];

before(() => {
  const manifest = spawnSync('npm', ['run', 'build:manifest'], { cwd: root, encoding: 'utf8' });
  assert.equal(manifest.status, 0, manifest.stderr);
  const out = mkdtempSync(join(tmpdir(), 'ogone-pack-'));
  // --ignore-scripts: dist/ is already built; prepack would rebuild it under the other tests.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = join(out, packed[0]!.filename);
  files = packed[0]!.files.map((file) => file.path);
});

describe('the packed package', () => {
  it('is publint clean', async () => {
    const { messages } = await publint({
      pkgDir: root,
      pack: 'npm',
      strict: true,
    });
    assert.deepEqual(
      messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`),
      [],
    );
  });

  it('is arethetypeswrong clean for ESM and bundlers', () => {
    const attw = spawnSync(
      join(root, 'node_modules/.bin/attw'),
      [tarball, '--profile', 'esm-only', '--format', 'ascii'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(attw.status, 0, attw.stdout + attw.stderr);
  });

  it('ships no source maps, a LICENSE, a CHANGELOG and the editor data', () => {
    assert.deepEqual(
      files.filter((file) => file.endsWith('.map')),
      [],
    );
    for (const file of [
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'custom-elements.json',
      'dist/web-types.json',
      'dist/vscode.html-custom-data.json',
      // The payments page's bundled script, served by the endpoint from dist/server/admin/.
      'dist/admin-ui/admin.js',
    ]) {
      assert.ok(files.includes(file), file);
    }
  });

  it('no zod type is reachable from a public .d.ts', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types?: string }>;
    };
    const entries = Object.values(pkg.exports)
      .map((target) => (typeof target === 'string' ? undefined : target.types))
      .filter((types): types is string => types !== undefined);
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1]!;
        if (specifier === 'zod' || specifier.startsWith('zod/')) offenders.push(file);
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.d.ts'));
        if (existsSync(target)) visit(target);
      }
    };
    for (const entry of entries) visit(join(root, entry));
    assert.ok(seen.size > entries.length, 'followed the declaration imports');
    assert.deepEqual(
      offenders.map((file) => file.slice(root.length)),
      [],
    );
  });

  it('the manifest and the editor data point at shipped modules and list the public API', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
      modules: {
        path: string;
        declarations?: { tagName?: string; attributes?: { name: string }[] }[];
      }[];
    };
    for (const module of manifest.modules) {
      assert.ok(files.includes(module.path), `${module.path} is shipped`);
    }
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'ogone-checkout');
    const attributes = (element?.attributes ?? []).map((attribute) => attribute.name);
    assert.ok(attributes.includes('order-ref') && attributes.includes('endpoint'));
    assert.deepEqual(
      attributes.filter((name) => name.startsWith('_')),
      [],
      'no private state as attributes',
    );
    const webTypes = JSON.parse(readFileSync(join(root, 'dist/web-types.json'), 'utf8')) as {
      contributions: { html: { elements: { name: string; events: unknown[] }[] } };
    };
    const tag = webTypes.contributions.html.elements[0]!;
    assert.equal(tag.name, 'ogone-checkout');
    assert.ok(tag.events.length >= 5);
    const vscode = JSON.parse(
      readFileSync(join(root, 'dist/vscode.html-custom-data.json'), 'utf8'),
    ) as { tags: { name: string; attributes: { name: string }[] }[] };
    assert.equal(vscode.tags[0]!.name, 'ogone-checkout');
  });
});
