/**
 * What TypeScript users write type-checks (issue #13 items 13 and 14): typed `ogone-*` listeners
 * on `document` and `window`, the `ogone-checkout/react` wrapper's typed event props, and the bare
 * `<ogone-checkout>` tag in React 19 TSX. The fixtures in test/types/ also hold `@ts-expect-error`
 * lines, so types that accept anything fail too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('types for TypeScript and TSX users', () => {
  it('test/types/*.ts(x) type-check', () => {
    const tsc = spawnSync(
      process.execPath,
      [`${root}node_modules/typescript/bin/tsc`, '-p', 'test/types/tsconfig.json'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
  });
});
