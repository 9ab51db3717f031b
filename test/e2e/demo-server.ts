/** Starts the real demo (vite + the plugin that mounts endpoint, sandbox and shop API) on 127.0.0.1. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface DemoServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `dev` serves the sources through vite's dev server; `preview` builds the demo for production
 * (tree-shaken, minified, as a merchant ships it) and serves that with `vite preview`.
 */
export async function startDemo(
  env: Record<string, string> = {},
  mode: 'dev' | 'preview' = 'dev',
): Promise<DemoServer> {
  const vite = `${root}node_modules/.bin/vite`;
  if (mode === 'preview') {
    const built = spawnSync(
      vite,
      ['build', '--outDir', 'test-results/dist-demo', '--emptyOutDir'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}${built.stderr}`);
  }
  const port = await freePort();
  const args = ['--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const child: ChildProcess = spawn(
    vite,
    mode === 'preview'
      ? ['preview', '--outDir', 'test-results/dist-demo', ...args]
      : [...args, '--clearScreen', 'false'],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/demo-api/orders/none`);
      if (response.status === 404) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`vite did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
