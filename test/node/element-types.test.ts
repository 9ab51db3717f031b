/**
 * What TypeScript users write type-checks (issue #13 items 13 and 14): typed `ogone-*` listeners
 * on `document` and `window`, the `ogone-checkout/react` wrapper's typed event props, and the bare
 * `<ogone-checkout>` tag in React 19 TSX. The fixtures in test/types/ also hold `@ts-expect-error`
 * lines, so types that accept anything fail too. The README's snippets are checked as written.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it("the README's <ogone-checkout> TypeScript and TSX snippets type-check as written", () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const section = readme.slice(
      readme.indexOf('## `<ogone-checkout>` for storefronts'),
      readme.indexOf('## Sandbox'),
    );
    const snippets = [...section.matchAll(/```(tsx?)\n([\s\S]*?)```/g)];
    assert.ok(snippets.length >= 3, `${snippets.length} snippets found`);
    const dir = `${root}test-results/readme-snippets/`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    snippets.forEach(([, ext, code], index) =>
      writeFileSync(`${dir}snippet-${index}.${ext}`, code!),
    );
    writeFileSync(
      `${dir}tsconfig.json`,
      JSON.stringify({ extends: '../../tsconfig.json', include: ['./*.ts', './*.tsx'] }),
    );
    const result = tsc(`${dir}tsconfig.json`);
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });
});
