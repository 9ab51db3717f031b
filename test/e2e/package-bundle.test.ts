/**
 * The built package as a merchant's bundler sees it (after `build:lib`): a bare
 * `import 'ogone-checkout'` must define <ogone-checkout> even with tree-shaking and the package's
 * `sideEffects` declaration, and the bundle must carry no server code.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser', 'production'],
    // Resolve as a merchant's bundler does (package.json exports into dist/), not through this
    // repository's tsconfig `paths`, which map the package to its sources for type-checking.
    tsconfigRaw: '{}',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the published entry points, bundled', () => {
  it("import 'ogone-checkout' defines the element in a tree-shaken production bundle", async () => {
    const code = await bundle("import 'ogone-checkout';");
    assert.match(code, /customElements\.define\(\s*["'`]ogone-checkout["'`]/);
  });

  it('importing only a helper from the root still defines the element (as the demo does)', async () => {
    const code = await bundle(
      "import { describeStatus } from 'ogone-checkout'; console.log(describeStatus(9));",
    );
    assert.match(code, /customElements\.define\(\s*["'`]ogone-checkout["'`]/);
  });

  it('ogone-checkout/protocol alone stays small and defines nothing', async () => {
    const code = await bundle(
      "import { toOgoneAmount } from 'ogone-checkout/protocol'; console.log(toOgoneAmount('1'));",
    );
    assert.doesNotMatch(code, /customElements/);
    assert.ok(code.length < 4000, `protocol helper bundle is ${code.length} bytes`);
  });
});
