// Bundles the payments page's script (src/admin-ui, lit included) into one minified ES module,
// dist/admin-ui/admin.js, which the endpoint serves from its own origin at <basePath>/admin/app.js.
// Run by `npm run build:lib` (and `npm start`); the storefront's bundles never import it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: ['src/admin-ui/index.ts'],
  absWorkingDir: root,
  outfile: 'dist/admin-ui/admin.js',
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser', 'production'],
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
  logLevel: 'warning',
});
