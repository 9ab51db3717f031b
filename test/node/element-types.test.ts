/**
 * What TypeScript users write type-checks (issue #13 items 13 and 14): typed `ogone-*` listeners
 * on `document` and `window`, the `ogone-checkout/react` wrapper's typed event props, and the bare
 * `<ogone-checkout>` tag in React 19 TSX. The fixtures in test/types/ also hold `@ts-expect-error`
 * lines, so types that accept anything fail too. (The README's blocks are
 * type-checked against the built package by test/e2e/readme.e2e.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function tsc(project: string) {
  return spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', project], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('types for TypeScript and TSX users', () => {
  it('test/types/*.ts(x) type-check', () => {
    const result = tsc('test/types/tsconfig.json');
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });
});
