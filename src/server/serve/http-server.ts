/**
 * The `serve` HTTP server's lifecycle: `/healthz`, malformed HTTP answered in the JSON error shape,
 * header/body timeouts, and a graceful stop on SIGTERM / SIGINT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { NodeListener } from '../../internal/node-bridge.js';
import { errorBody, JSON_HEADERS } from '../../internal/json-answer.js';
import { answerClientErrors, applyTimeouts } from '../../internal/server-guards.js';

/** A log line of the server itself (not of the endpoint). */
export type ServerLog = (entry: Record<string, unknown>) => void;

function health(req: IncomingMessage, res: ServerResponse, log: ServerLog): void {
  const started = performance.now();
  const ok = req.method === 'GET' || req.method === 'HEAD';
  const body = ok ? JSON.stringify({ status: 'ok' }) : errorBody('method-not-allowed', 'Use GET.');
  res.writeHead(ok ? 200 : 405, { ...JSON_HEADERS, ...(ok ? {} : { allow: 'GET, HEAD' }) });
  res.end(body);
  req.resume();
  log({
    level: ok ? 'info' : 'warn',
    event: 'request',
    method: req.method ?? 'GET',
    path: '/healthz',
    status: ok ? 200 : 405,
    ...(ok ? {} : { code: 'method-not-allowed' }),
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  });
}

export interface ServeOptions {
  host: string;
  port: number;
  listener: NodeListener;
  log: ServerLog;
  /** Extra fields of the `listening` line. */
  describe: Record<string, unknown>;
  /** Called once the server stopped accepting, before it resolves. */
  onStop?: () => Promise<void> | void;
}

/** Listens until SIGTERM / SIGINT; resolves with the exit code (0 after a clean stop). */
export function serveUntilStopped(options: ServeOptions): Promise<number> {
  const { host, port, listener, log } = options;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/healthz' || url.startsWith('/healthz?')) health(req, res, log);
    else listener(req, res);
  });
  answerClientErrors(server);
  applyTimeouts(server);

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      log({ level: 'info', event: 'stopping', signal });
      server.close(() => {
        void Promise.resolve(options.onStop?.()).finally(() => {
          log({ level: 'info', event: 'stopped' });
          resolve(0);
        });
      });
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    };
    server.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        `ogone-checkout serve: cannot listen on ${host}:${port}: ${error.code ?? error.message}\n`,
      );
      resolve(1);
    });
    server.listen(port, host, () => {
      const address = server.address();
      const bound = address !== null && typeof address === 'object' ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      log({
        level: 'info',
        event: 'listening',
        url: `http://${shownHost}:${bound}`,
        ...options.describe,
      });
    });
  });
}
