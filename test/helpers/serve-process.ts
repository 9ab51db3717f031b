/**
 * `ogone-checkout serve` (and the other commands) as child processes for tests, plus a stand-in
 * for the merchant's backend: an order lookup that knows every order and a webhook receiver that
 * records each delivery's idempotency key.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_SHA_IN, TEST_SHA_OUT } from './ogone-messages.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Backend {
  url: string;
  /** Idempotency keys of the webhook deliveries, in arrival order (repeats included). */
  deliveries: string[];
  /** Answer the webhook with 503 this many more times. */
  failWebhook: number;
  close(): Promise<void>;
}

/** Every order is 10.50 EUR for customer `cust-1`; the webhook answers 204. */
export async function startBackend(): Promise<Backend> {
  const backend: Backend = {
    url: '',
    deliveries: [],
    failWebhook: 0,
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.startsWith('/orders/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ amount: '10.50', currency: 'EUR', customerId: 'cust-1' }));
        return;
      }
      if (req.method === 'POST' && req.url === '/webhook') {
        if (backend.failWebhook > 0) {
          backend.failWebhook -= 1;
          res.writeHead(503).end();
          return;
        }
        backend.deliveries.push(String(req.headers['idempotency-key']));
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  backend.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return backend;
}

export function serveEnv(backendUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    OGONE_PSPID: 'LEDGERSHOP',
    OGONE_SHA_IN: TEST_SHA_IN,
    OGONE_SHA_OUT: TEST_SHA_OUT,
    OGONE_ENVIRONMENT: 'test',
    OGONE_ALLOWED_RETURN_ORIGINS: 'http://shop.localhost:3000',
    OGONE_ORDER_LOOKUP_URL: `${backendUrl}/orders/`,
    OGONE_RESULT_WEBHOOK_URL: `${backendUrl}/webhook`,
    HOST: '127.0.0.1',
    PORT: '0',
    ...extra,
  };
}

export interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Parsed stdout lines so far. */
  lines: Record<string, unknown>[];
  stderr(): string;
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env, cwd: ROOT });
}

/** Starts `serve` and resolves once it listens. */
export async function startServe(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawnCli(['serve'], env);
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let buffer = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (entry['event'] === 'listening' && typeof entry['url'] === 'string') {
          clearTimeout(timer);
          resolve(entry['url']);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  return { child, url, lines, stderr: () => stderr };
}

/** Stops a child by its pid (SIGTERM, or the given signal) and waits for its exit. */
export async function stop(running: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = once(running.child, 'exit');
  running.child.kill(signal);
  await exited;
}

/** Runs a command to its end: exit code, stdout and stderr. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
