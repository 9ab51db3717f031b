/**
 * The sandbox command's `node:http` server: the package's timeouts and malformed-HTTP answer, the
 * handler through the generic bridge, and a stop on SIGTERM / SIGINT.
 */
import { createServer, type Server } from 'node:http';
import { fetchToNodeListener, type FetchHandler } from '../../internal/node-bridge.js';
import { answerClientErrors, applyTimeouts } from '../../internal/server-guards.js';

/** Largest request body the sandbox reads (forms are a few KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** A server for the handler, with the same guards as `serve`. */
export function createSandboxServer(handler: FetchHandler): Server {
  const server = createServer(fetchToNodeListener(handler, MAX_BODY_BYTES));
  answerClientErrors(server);
  applyTimeouts(server);
  return server;
}

/** Listens; resolves with the bound port. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** Resolves with exit code 0 once SIGTERM or SIGINT closed the server (`onStop` runs first). */
export function untilStopped(server: Server, onStop: () => void): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      onStop();
      server.close(() => resolve(0));
      server.closeAllConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
