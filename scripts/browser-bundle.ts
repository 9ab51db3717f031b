/**
 * Builds `dist/browser/`: `<ogone-checkout>` for pages without a bundler — the define module with
 * lit bundled in, minified ESM, split where the element imports on demand (languages, the return
 * half), with the same settings `npm run size` measures. Run by `npm run build:lib`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ELEMENT_ENTRY } from './size.js';

/** Where the bundle goes, relative to the package root; `ogone-checkout.js` is its entry. */
export const BROWSER_OUT_DIR = 'dist/browser';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: { 'ogone-checkout': ELEMENT_ENTRY },
  absWorkingDir: root,
  outdir: BROWSER_OUT_DIR,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser', 'production'],
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
  logLevel: 'warning',
});

// Its types are the define module's (the class, the tag and its events on HTMLElementTagNameMap).
writeFileSync(
  join(root, BROWSER_OUT_DIR, 'ogone-checkout.d.ts'),
  "export { OgoneCheckout } from '../element/ogone-checkout.js';\n",
);
