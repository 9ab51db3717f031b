/**
 * Builds `dist/browser/`: `<ogone-checkout>` for pages without a bundler — the define module with
 * lit bundled in, minified ESM, split where the element imports on demand (languages, the return
 * half), with the same settings `npm run size` measures. Run by `npm run build:lib`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BROWSER_BUILD, ELEMENT_ENTRY } from './size.js';

/** Where the bundle goes, relative to the package root; `ogone-checkout.js` is its entry. */
export const BROWSER_OUT_DIR = 'dist/browser';

const root = BROWSER_BUILD.absWorkingDir;

await build({
  ...BROWSER_BUILD,
  entryPoints: { 'ogone-checkout': ELEMENT_ENTRY },
  outdir: BROWSER_OUT_DIR,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

// Its types are the define module's (the class, the tag and its events on HTMLElementTagNameMap).
writeFileSync(
  join(root, BROWSER_OUT_DIR, 'ogone-checkout.d.ts'),
  "export { OgoneCheckout } from '../element/ogone-checkout.js';\n",
);
