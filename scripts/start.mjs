// `npm start`: build the library (the demo imports the package's public entry points, as a
// merchant's app does), then serve the demo storefront, the companion endpoint and the sandbox on
// one local URL.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

console.log('ogone-checkout: building the library…');
const build = spawnSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const admin = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin-bundle.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (admin.status !== 0) process.exit(admin.status ?? 1);

console.log(
  'ogone-checkout: starting the demo storefront (endpoint at /ogone, Ogone sandbox at /ncol).\n' +
    'Open the "Local" URL below, pay with 4111 1111 1111 1111, any future expiry and any CVC.',
);
const vite = spawn(bin('vite'), process.argv.slice(2), { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => vite.kill(signal));
vite.on('exit', (code) => process.exit(code ?? 0));
