/** What every `node:http` server of this package sets: timeouts and malformed-HTTP answers. */
import type { Server } from 'node:http';
import { rawBadRequest } from './json-answer.js';

/** Header, body and idle timeouts of every `ogone-checkout` server. */
export function applyTimeouts(server: Server): void {
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
}

/** Bytes that are not HTTP never reach the handler: answered with the same JSON error shape. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (
      !socket.writable ||
      error.code === 'ECONNRESET' ||
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ) {
      socket.destroy();
      return;
    }
    socket.end(rawBadRequest());
  });
}
