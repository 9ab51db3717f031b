/** Issues #15.1, #15.3, #15.5: what serve's backend client forwards to the order lookup, refuses at start-up, and how much it reads. */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createBackendClient, type OgoneRequest } from '../../src/server/index.js';

describe('#15.1, #15.3, #15.5 the backend client', () => {
  interface Seen {
    url: string;
    headers: IncomingHttpHeaders;
  }
  async function backend(answer: (res: ServerResponse, url: string) => void) {
    const seen: Seen[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      req.resume();
      answer(res, req.url ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { seen, url, close: () => new Promise((resolve) => server.close(resolve)) };
  }
  const shopper = (headers: Record<string, string>, clientAddress?: string): OgoneRequest => ({
    method: 'POST',
    url: 'http://shop.example/ogone/sign',
    headers: new Headers(headers),
    ...(clientAddress === undefined ? {} : { clientAddress }),
  });

  it("forwards the shopper's cookie, authorization and address to the order lookup", async () => {
    const b = await backend((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ amount: '1.00', currency: 'EUR' }));
    });
    try {
      const client = createBackendClient({
        orderLookupUrl: `${b.url}/orders`,
        resultWebhookUrl: `${b.url}/webhook`,
        token: 'backend-token',
      });
      await client.resolveOrder(
        'A-1',
        shopper(
          {
            cookie: 'session=abc',
            authorization: 'Bearer shopper',
            'x-forwarded-for': '198.51.100.7',
          },
          '203.0.113.9',
        ),
      );
      const hit = b.seen[0]!;
      assert.equal(hit.url, '/orders/A-1');
      assert.equal(hit.headers['authorization'], 'Bearer backend-token');
      assert.equal(hit.headers['cookie'], 'session=abc');
      assert.equal(hit.headers['x-forwarded-authorization'], 'Bearer shopper');
      assert.equal(hit.headers['x-forwarded-for'], '198.51.100.7, 203.0.113.9');
      assert.equal(hit.headers['x-ogone-checkout-caller'], 'shopper');
    } finally {
      await b.close();
    }
  });

  it('forwards only the configured headers', async () => {
    const b = await backend((res) => {
      res.writeHead(404);
      res.end();
    });
    try {
      const client = createBackendClient({
        orderLookupUrl: `${b.url}/orders`,
        resultWebhookUrl: `${b.url}/webhook`,
        forwardHeaders: ['x-session'],
      });
      assert.equal(
        await client.resolveOrder('A-1', shopper({ cookie: 'session=abc', 'x-session': 's1' })),
        null,
      );
      assert.equal(b.seen[0]!.headers['cookie'], undefined);
      assert.equal(b.seen[0]!.headers['x-session'], 's1');
    } finally {
      await b.close();
    }
  });

  it('refuses URLs with credentials, pointing to the bearer token, without printing them', () => {
    for (const key of ['orderLookupUrl', 'resultWebhookUrl'] as const) {
      assert.throws(
        () =>
          createBackendClient({
            orderLookupUrl: 'https://backend.example/orders',
            resultWebhookUrl: 'https://backend.example/webhook',
            [key]: 'https://user:p%40ss-w0rd@backend.example/x',
          }),
        (error: Error) =>
          /credentials/.test(error.message) &&
          /token/i.test(error.message) &&
          !error.message.includes('p%40ss') &&
          !error.message.includes('p@ss'),
      );
    }
  });

  it('stops reading an order-lookup answer past 64 KiB', async () => {
    const b = await backend((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // An endless answer: the client must give up without reading it all.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = () => {
        while (res.write(chunk)) {
          if (res.writableLength > 8 * 1024 * 1024) break;
        }
      };
      res.on('drain', write);
      res.on('error', () => undefined);
      write();
    });
    try {
      const client = createBackendClient({
        orderLookupUrl: `${b.url}/orders`,
        resultWebhookUrl: `${b.url}/webhook`,
      });
      const before = process.memoryUsage().rss;
      await assert.rejects(client.resolveOrder('A-1', shopper({})), /larger than/);
      assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024);
    } finally {
      await b.close();
    }
  });
});
