/** The one JSON answer shape: headers, `{ error: { code, message } }` bodies. */

/** Headers of every JSON answer: UTF-8, never cached, never sniffed. */
export const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});

/** The body of every error answer. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** A raw HTTP/1.1 400 answer for bytes that are not HTTP (written straight to the socket). */
export function rawBadRequest(): string {
  const body = errorBody('invalid-request', 'The request is not valid HTTP.');
  return (
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\n` +
    `content-length: ${new TextEncoder().encode(body).byteLength}\r\nconnection: close\r\n\r\n${body}`
  );
}
