/**
 * Builds `dist/admin-ui/admin.js`: the payments page's script (src/admin-ui, lit included) as one
 * minified ES module, with the element's browser settings, which the endpoint serves from its own
 * origin at `<basePath>/admin/app.js`. Run by `npm run build:lib` (and `npm start`); nothing of the
 * storefront imports it.
 */
import { build } from 'esbuild';
import { BROWSER_BUILD } from './size.js';

await build({
  ...BROWSER_BUILD,
  splitting: false,
  entryPoints: ['src/admin-ui/index.ts'],
  outfile: 'dist/admin-ui/admin.js',
  logLevel: 'warning',
});
