/**
 * Size budget of the self-contained browser bundle of `<ogone-checkout>` (element + lit +
 * zod/mini, minified ESM, gzip level 9): the target is 14 KB, above 16 KB this test fails.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELEMENT_ENTRY, measureBundle, SIZE_LIMIT_BYTES } from '../../scripts/size.js';

describe('browser bundle size', () => {
  it(`<ogone-checkout> bundle is at most ${SIZE_LIMIT_BYTES} bytes gzipped`, async () => {
    const size = await measureBundle(ELEMENT_ENTRY);
    // Self-contained: nothing left to import, and it defines the element (an empty or partial
    // build cannot pass by being small).
    assert.doesNotMatch(size.code, /\bimport\s*[{*"'(]|\bfrom\s*["']/);
    assert.match(size.code, /customElements\.define\(\s*"ogone-checkout"/);
    assert.ok(
      size.gzipBytes <= SIZE_LIMIT_BYTES,
      `${size.gzipBytes} B gzip is over the ${SIZE_LIMIT_BYTES} B budget`,
    );
  });
});
