/**
 * Mounts, on the vite dev (and preview) server, what a merchant runs server-side: the companion
 * endpoint at /ogone, the Ogone sandbox at /ncol, the Worldline Direct sandbox at /worldline, and
 * the demo shop's own API at /demo-api. `provider: 'worldline-direct'` (OGONE_PROVIDER for
 * `npm start`) runs the endpoint on Worldline Direct; cards saved on the Ogone sandbox pay there.
 * It only uses the package's public entry points, exactly as a merchant's app would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { openLedger, type Ledger } from 'ogone-checkout/ledger';
import { createOgoneHandler, toNodeListener } from 'ogone-checkout/server';
import { createSandbox, createWorldlineSandbox } from 'ogone-checkout/sandbox';
import { DemoShop, withPayment } from './backend.js';

/** Obviously-demo secrets. Real ones come from your environment and never reach the browser. */
export const DEMO_CONFIG = {
  pspid: 'DEMOSHOP',
  shaIn: 'demo-sha-in-Passphrase-1',
  shaOut: 'demo-sha-out-Passphrase-2',
  hashAlgorithm: 'sha512',
} as const;

/** The payments page's sign-in token in the demo (at /ogone/admin). Yours comes from your secrets. */
export const DEMO_ADMIN_TOKEN = 'demo-admin-token-not-a-secret';

/**
 * The demo's API user ("Special user for API"), known to the sandbox and to the endpoint: it pays
 * with saved cards through DirectLink. Its password travels in every DirectLink request, so the
 * endpoint only uses it over https or to this machine.
 */
export const DEMO_API_USER = { userId: 'DEMOSHOP-API', password: 'demo-api-Password-3' } as const;

/** The API password only goes to the sandbox in clear text when it runs on this machine. */
function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function demoApi(shop: DemoShop, ledger: Ledger): Listener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const match = /^\/demo-api\/orders\/([A-Za-z0-9-]{1,40})$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/demo-api/orders') {
      sendJson(res, 201, { ...shop.createOrder(), payment: null, deliveries: [], duplicates: 0 });
    } else if (req.method === 'GET' && match) {
      const order = shop.get(match[1]!);
      if (!order) {
        sendJson(res, 404, { error: { code: 'unknown-order', message: 'No such order.' } });
        return;
      }
      withPayment(order, ledger).then(
        (full) => sendJson(res, 200, full),
        () =>
          sendJson(res, 503, { error: { code: 'ledger-unavailable', message: 'Ledger down.' } }),
      );
    } else if (req.method === 'POST' && url.pathname === '/demo-api/feedback-outage') {
      const count = Number(url.searchParams.get('failures') ?? '1');
      shop.failNextFeedbacks = Number.isInteger(count) && count >= 0 && count <= 3 ? count : 1;
      sendJson(res, 200, { failNextFeedbacks: shop.failNextFeedbacks });
    } else {
      sendJson(res, 404, { error: { code: 'not-found', message: 'No such demo route.' } });
    }
  };
}

/** Obviously-demo Worldline Direct keys (the Merchant Portal's, in real life). */
export const DEMO_WORLDLINE = {
  merchantId: DEMO_CONFIG.pspid,
  apiKeyId: 'DEMO-API-KEY-1',
  apiSecret: 'demo-worldline-api-secret-3',
  webhookKeyId: 'DEMO-WEBHOOK-KEY-1',
  webhookSecret: 'demo-worldline-webhook-secret-4',
} as const;

export interface DemoPluginOptions {
  /** Delays between the sandbox's feedback retries (ms). */
  feedbackRetryDelaysMs?: number[];
  /** `RES` to authorise only (capture from the payments page); default `SAL`. */
  operation?: 'SAL' | 'RES';
  /** Which platform the endpoint uses (default `ogone`); both sandboxes always run. */
  provider?: 'ogone' | 'worldline-direct';
}

export function ogoneDemo(options: DemoPluginOptions = {}): Plugin {
  const shop = new DemoShop();
  let routes: Promise<{ prefix: string; listener: Listener }[]> | undefined;
  let close: (() => Promise<void>) | undefined;

  async function build(origin: string) {
    // The embedded ledger, in a directory of its own for this dev server (removed on close).
    const dir = mkdtempSync(join(tmpdir(), 'ogone-checkout-demo-'));
    const ledger = await openLedger(join(dir, 'ledger'));
    const ogone = createOgoneHandler({
      ...DEMO_CONFIG,
      provider: options.provider ?? 'ogone',
      worldlineDirect: { ...DEMO_WORLDLINE, environment: { baseUrl: `${origin}/worldline` } },
      environment: { baseUrl: `${origin}/ncol/test` },
      basePath: '/ogone',
      // Saved cards (one-click payment, 3-D Secure) need the API user; off on a non-loopback host.
      ...(isLoopbackOrigin(origin) ? { directLink: { ...DEMO_API_USER } } : {}),
      allowedReturnOrigins: [origin],
      operation: options.operation ?? 'SAL',
      aliasUsage: 'Save my card with Maison Praline for faster checkout next time.',
      resolveOrder: (orderRef) => {
        const order = shop.get(orderRef);
        if (!order) return null;
        return {
          amount: order.amount,
          currency: order.currency,
          customer: {
            name: order.customer.name,
            email: order.customer.email,
            address: order.customer.address,
            zip: order.customer.zip,
            town: order.customer.town,
            country: order.customer.country,
            phone: order.customer.phone,
          },
          customerId: order.customer.id,
          allowSaveCard: true,
        };
      },
      onPaymentResult: (result) => shop.acceptResult(result),
      ledger,
      // Answer Ogone 200 only once the shop took the result, so the outage switch shows Ogone's
      // retries (the default, 'outbox', answers once recorded and retries the hook itself).
      delivery: 'sync',
      // The staff's payments page at /ogone/admin, linked from the demo page.
      admin: { token: DEMO_ADMIN_TOKEN },
    });
    const sandbox = createSandbox({
      ...DEMO_CONFIG,
      apiUser: { ...DEMO_API_USER },
      feedbackUrl: `${origin}/ogone/feedback`,
      ...(options.feedbackRetryDelaysMs
        ? { feedbackRetryDelaysMs: options.feedbackRetryDelaysMs }
        : {}),
    });
    const worldline = createWorldlineSandbox({
      ...DEMO_WORLDLINE,
      basePath: '/worldline',
      webhookUrl: `${origin}/ogone/feedback`,
      ...(options.feedbackRetryDelaysMs
        ? { webhookRetryDelaysMs: options.feedbackRetryDelaysMs }
        : {}),
      // A card saved on the Ogone sandbox is a legacy alias Worldline Direct takes as a token.
      legacyAlias: (alias) => sandbox.aliasCard(alias),
    });
    close = async () => {
      worldline.close();
      sandbox.close();
      await ogone.close();
      await ledger.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return [
      { prefix: '/ogone/', listener: toNodeListener(ogone) },
      { prefix: '/ncol/', listener: toNodeListener(sandbox.handler) },
      { prefix: '/worldline/', listener: toNodeListener(worldline.handler) },
      { prefix: '/demo-api/', listener: demoApi(shop, ledger) },
    ];
  }

  function mount(server: ViteDevServer | PreviewServer): void {
    const http = server.httpServer;
    http?.once('listening', () => {
      const address = http.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      routes = build(`http://${host}:${address.port}`);
      routes.catch((error: unknown) => console.error('ogone demo: cannot start', error));
    });
    http?.once('close', () => void close?.());
    const middleware: Connect.NextHandleFunction = (req, res, next) => {
      const path = req.url ?? '/';
      if (routes === undefined || !/^\/(ogone|ncol|worldline|demo-api)\//.test(path)) {
        next();
        return;
      }
      routes.then(
        (list) => {
          const route = list.find((r) => path.startsWith(r.prefix));
          if (route) route.listener(req, res);
          else next();
        },
        () => next(),
      );
    };
    server.middlewares.use(middleware);
  }

  return {
    name: 'ogone-checkout-demo',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
