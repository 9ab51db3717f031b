import assert from 'node:assert/strict';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { SignedPayloadSchema } from '../../src/contract/schemas.js';
import { signShaOut } from '../../src/protocol/index.js';
import { MAX_BODY_BYTES } from '../../src/server/http/door.js';
import {
  createOgoneHandler,
  toConnectMiddleware,
  toNodeListener,
  type OgoneRequest,
} from '../../src/server/index.js';

const SHA_IN = 'Node-IN-passphrase-12345';
const SHA_OUT = 'Node-OUT-passphrase-6789';
const SHOP = 'https://shop.example';

function ogone(seen: OgoneRequest[] = []) {
  return createOgoneHandler({
    pspid: 'NODESHOP',
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: 'test',
    allowedReturnOrigins: [SHOP],
    resolveOrder: (_orderRef, request) => {
      seen.push(request);
      return { amount: '7', currency: 'EUR' };
    },
    onPaymentResult: () => {},
    logger: false,
  });
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(listener: RequestListener): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface Raw {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

/** A raw request: the path is sent exactly as given; `chunks` are written one by one. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  chunks: (string | Buffer)[] = [],
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const SIGN_BODY = JSON.stringify({ orderRef: 'N-1', returnUrl: `${SHOP}/back` });

describe('toNodeListener with an Ogone handler', () => {
  it('signs through node:http and hands the hooks method, absolute url and headers', async () => {
    const seen: OgoneRequest[] = [];
    const port = await listen(toNodeListener(ogone(seen), { maxBodyBytes: MAX_BODY_BYTES }));
    const answer = await send(
      port,
      'POST',
      '/ogone/sign',
      {
        'content-type': 'application/json',
        cookie: 'session=abc',
        'content-length': SIGN_BODY.length,
      },
      [SIGN_BODY],
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-length'], String(Buffer.byteLength(answer.text)));
    const payload = SignedPayloadSchema.parse(JSON.parse(answer.text));
    assert.equal(payload.fields['AMOUNT'], '700');
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.url, `http://127.0.0.1:${port}/ogone/sign`);
    assert.equal(seen[0]!.headers.get('cookie'), 'session=abc');
    assert.equal(seen[0]!.headers.get('Cookie'), 'session=abc');
    assert.equal(seen[0]!.headers.get('x-missing'), null);
  });

  it('signs a body that arrives in pieces, and several requests on one kept-alive socket', async () => {
    const port = await listen(toNodeListener(ogone()));
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    const head = (length: number) =>
      `POST /ogone/sign HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
      `content-length: ${length}\r\n\r\n`;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
    // Request 1: headers alone, then the body in two parts with pauses in between.
    socket.write(head(SIGN_BODY.length));
    await pause();
    socket.write(SIGN_BODY.slice(0, 10));
    await pause();
    socket.write(SIGN_BODY.slice(10));
    // Request 2, on the same socket: headers and body in one write.
    await pause();
    socket.write(head(SIGN_BODY.length) + SIGN_BODY);
    const deadline = Date.now() + 5000;
    while ((received.match(/HTTP\/1\.1 /g) ?? []).length < 2 || !received.endsWith('}')) {
      if (Date.now() > deadline) assert.fail(`no two answers: ${received}`);
      await pause();
    }
    socket.destroy();
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    assert.equal(answers.length, 2);
    const orderIds = answers.map((answer) => {
      assert.match(answer, /^HTTP\/1\.1 200 /);
      const payload = SignedPayloadSchema.parse(
        JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)),
      );
      assert.equal(payload.fields['COMPLUS'], 'N-1');
      return payload.orderId;
    });
    assert.notEqual(orderIds[0], orderIds[1]);
  });

  it('answers 413 for a streamed body over 16 KiB and keeps serving', async () => {
    const port = await listen(toNodeListener(ogone()));
    const chunk = Buffer.alloc(4096, 0x20);
    const big = await send(
      port,
      'POST',
      '/ogone/sign',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      [SIGN_BODY, chunk, chunk, chunk, chunk, chunk],
    );
    assert.equal(big.status, 413);
    assert.equal(JSON.parse(big.text).error.code, 'payload-too-large');
    const declared = await send(
      port,
      'POST',
      '/ogone/verify',
      { 'content-type': 'application/json', 'content-length': 20_000 },
      [Buffer.alloc(20_000, 0x20)],
    );
    assert.equal(declared.status, 413);
    const ok = await send(
      port,
      'POST',
      '/ogone/sign',
      { 'content-type': 'application/json', 'content-length': SIGN_BODY.length },
      [SIGN_BODY],
    );
    assert.equal(ok.status, 200);
  });

  it('resolves dot segments like a URL parser and takes form-encoded feedback', async () => {
    const port = await listen(toNodeListener(ogone()));
    const dotted = await send(
      port,
      'POST',
      '/static/../ogone/./sign',
      { 'content-type': 'application/json', 'content-length': SIGN_BODY.length },
      [SIGN_BODY],
    );
    assert.equal(dotted.status, 200);
    const params = {
      orderID: 'N-1-X',
      amount: '7',
      currency: 'EUR',
      STATUS: '9',
      PAYID: '5',
      COMPLUS: 'N-1',
    };
    const form = new URLSearchParams({
      ...params,
      SHASIGN: await signShaOut(params, SHA_OUT, 'sha512'),
    });
    const body = form.toString();
    const feedback = await send(
      port,
      'POST',
      '/ogone/feedback',
      { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length },
      [body],
    );
    assert.equal(feedback.status, 200, feedback.text);
    assert.equal(JSON.parse(feedback.text).idempotencyKey, 'N-1-X:5:0:9');
  });
});

describe('toNodeListener with any fetch handler', () => {
  it('still bridges a plain web handler (body, headers, status)', async () => {
    const port = await listen(
      toNodeListener(async (request) =>
        Response.json(
          { method: request.method, body: await request.text(), h: request.headers.get('x-a') },
          { status: 201, headers: { 'x-b': '2' } },
        ),
      ),
    );
    const answer = await send(port, 'PUT', '/anything', { 'x-a': '1', 'content-length': 5 }, [
      'hello',
    ]);
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['x-b'], '2');
    assert.deepEqual(JSON.parse(answer.text), { method: 'PUT', body: 'hello', h: '1' });
  });
});

describe('toConnectMiddleware', () => {
  /** A minimal Connect-style app: middlewares called in turn with `next`. */
  function app(
    ...stack: ((req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => void)[]
  ): RequestListener {
    return (req, res) => {
      let index = 0;
      const next = (error?: unknown) => {
        const layer = stack[index++];
        if (error !== undefined || layer === undefined) {
          res.writeHead(error === undefined ? 404 : 500, { 'content-type': 'text/plain' });
          res.end(error === undefined ? 'app 404' : 'app error');
          return;
        }
        layer(req, res, next);
      };
      next();
    };
  }

  /** Like express.json(): consumes the stream and leaves req.body parsed. */
  const jsonParser = (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
    if (!String(req.headers['content-type']).startsWith('application/json')) return next();
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      Object.assign(req, { body: JSON.parse(text) as unknown, _body: true });
      next();
    });
  };

  it('handles its base path, passes other paths to next(), survives a body parser before it', async () => {
    const port = await listen(app(jsonParser, toConnectMiddleware(ogone())));
    const signed = await send(
      port,
      'POST',
      '/ogone/sign',
      { 'content-type': 'application/json', 'content-length': SIGN_BODY.length },
      [SIGN_BODY],
    );
    assert.equal(signed.status, 200, signed.text);
    assert.equal(SignedPayloadSchema.parse(JSON.parse(signed.text)).fields['COMPLUS'], 'N-1');
    const other = await send(port, 'GET', '/products', {});
    assert.equal(other.status, 404);
    assert.equal(other.text, 'app 404');
  });

  it('with prefix, answers only paths under it (a handler that answers every path: the sandbox)', async () => {
    const everything = async (request: Request) =>
      new Response(`sandbox ${new URL(request.url).pathname}`, { status: 200 });
    const port = await listen(app(toConnectMiddleware(everything, { prefix: '/ncol/' })));
    const inside = await send(port, 'GET', '/ncol/test/orderstandard_utf8.asp', {});
    assert.equal(inside.status, 200);
    assert.equal(inside.text, 'sandbox /ncol/test/orderstandard_utf8.asp');
    for (const path of ['/', '/ncol', '/ncolx/test', '/products']) {
      const other = await send(port, 'GET', path, {});
      assert.equal(other.text, 'app 404', path);
    }
  });

  it('uses originalUrl when mounted under a sub-path', async () => {
    const handler = createOgoneHandler({
      pspid: 'NODESHOP',
      shaIn: SHA_IN,
      shaOut: SHA_OUT,
      environment: 'test',
      basePath: '/api/ogone',
      allowedReturnOrigins: [SHOP],
      resolveOrder: () => ({ amount: 1, currency: 'EUR' }),
      onPaymentResult: () => {},
      logger: false,
    });
    const middleware = toConnectMiddleware(handler);
    // What express does for app.use('/api', middleware): strip the mount path from req.url.
    const port = await listen((req, res) => {
      Object.assign(req, { originalUrl: req.url, url: (req.url ?? '/').replace(/^\/api/, '') });
      middleware(req, res, () => {
        res.writeHead(404);
        res.end();
      });
    });
    const signed = await send(
      port,
      'POST',
      '/api/ogone/sign',
      { 'content-type': 'application/json', 'content-length': SIGN_BODY.length },
      [SIGN_BODY],
    );
    assert.equal(signed.status, 200, signed.text);
  });
});
