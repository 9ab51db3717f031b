import { defineConfig } from 'vite';
import { ogoneDemo } from './demo/vite-plugin.js';

const retryDelays = process.env['DEMO_FEEDBACK_RETRY_MS'];
const operation = process.env['DEMO_OPERATION'] === 'RES' ? 'RES' : undefined;
// OGONE_PROVIDER=worldline-direct npm start: the demo on the Worldline Direct sandbox.
const provider =
  process.env['OGONE_PROVIDER'] === 'worldline-direct' ? 'worldline-direct' : 'ogone';

export default defineConfig({
  plugins: [
    ogoneDemo({
      provider,
      ...(retryDelays ? { feedbackRetryDelaysMs: retryDelays.split(',').map(Number) } : {}),
      ...(operation ? { operation } : {}),
    }),
  ],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist-demo', target: 'es2022' },
});
