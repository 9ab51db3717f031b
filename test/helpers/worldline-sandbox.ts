/**
 * Test helpers for the Worldline Direct sandbox: it served over real HTTP on a free port, a client
 * pointed at it, a webhook receiver, and a shopper who reads the hosted page and posts its forms
 * with plain HTTP (no browser).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchToNodeListener } from '../../src/internal/node-bridge.js';
import {
  createWorldlineDirectClient,
  type WorldlineDirectClient,
} from '../../src/server/providers/worldline-direct/client.js';
import type { WorldlineClientOptions } from '../../src/server/providers/worldline-direct/options.js';
import type { WorldlineLogEntry } from '../../src/server/providers/worldline-direct/types.js';
import {
  createWorldlineSandbox,
  type WorldlineSandbox,
} from '../../src/sandbox/worldline/sandbox.js';
import type { WorldlineSandboxOptions } from '../../src/sandbox/worldline/options.js';

export const MERCHANT = 'TESTPSPID';
export const API_KEY_ID = 'a1b2c3d4e5f60718';
export const API_SECRET = 'Sandbox+Api/Secret=of-the-tests-3f9';
export const WEBHOOK_KEY_ID = 'wh-key-7';
export const WEBHOOK_SECRET = 'Sandbox+Webhook/Secret=of-the-tests-c41';
export const SECRETS = [API_SECRET, WEBHOOK_SECRET];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Everything an answer of the sandbox could carry: status line, headers, body. */
export interface Seen {
  url: string;
  status: number;
  headers: string;
  body: string;
}

export interface RunningSandbox {
  origin: string;
  /** Where the client points: origin + base path. */
  baseUrl: string;
  sandbox: WorldlineSandbox;
  /** Every answer the sandbox gave over HTTP (for the secret scan). */
  seen: Seen[];
  client(options?: Partial<WorldlineClientOptions>): WorldlineDirectClient;
  /** Log lines of every client made by {@link client}. */
  logs: WorldlineLogEntry[];
  close(): Promise<void>;
}

export async function startWorldline(
  options: Partial<WorldlineSandboxOptions> = {},
): Promise<RunningSandbox> {
  const sandbox = createWorldlineSandbox({
    merchantId: MERCHANT,
    apiKeyId: API_KEY_ID,
    apiSecret: API_SECRET,
    webhookKeyId: WEBHOOK_KEY_ID,
    webhookSecret: WEBHOOK_SECRET,
    basePath: '/worldline',
    webhookRetryDelaysMs: [20, 40],
    ...options,
  });
  const seen: Seen[] = [];
  const recorded = async (request: Request) => {
    const response = await sandbox.handler(request);
    const copy = response.clone();
    const headers: string[] = [];
    copy.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
    seen.push({
      url: request.url,
      status: copy.status,
      headers: headers.join('\n'),
      body: await copy.text(),
    });
    return response;
  };
  const server = createServer(fetchToNodeListener(recorded, 1024 * 1024));
  const origin = await listen(server);
  const basePath = options.basePath ?? '/worldline';
  const logs: WorldlineLogEntry[] = [];
  return {
    origin,
    baseUrl: `${origin}${basePath}`,
    sandbox,
    seen,
    logs,
    client: (extra = {}) =>
      createWorldlineDirectClient({
        merchantId: MERCHANT,
        apiKeyId: API_KEY_ID,
        apiSecret: API_SECRET,
        webhookKeyId: WEBHOOK_KEY_ID,
        webhookSecret: WEBHOOK_SECRET,
        environment: { baseUrl: `${origin}${basePath}` },
        log: (entry) => logs.push(entry),
        ...extra,
      }),
    close: async () => {
      sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A webhook endpoint that records raw bodies; answers `statuses` in turn, then 200. */
export async function startReceiver(statuses: number[] = []) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  const url = `${await listen(server)}/hooks`;
  return {
    url,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** A page as the shopper reads it. */
export interface ShopperPage {
  url: string;
  status: number;
  html: string;
  csp: string;
  /** Visible text, tags stripped. */
  text: string;
  /** The `action` of each form, absolute. */
  forms: string[];
}

export async function openPage(url: string): Promise<ShopperPage> {
  const response = await fetch(url, { redirect: 'manual' });
  return readPage(url, response);
}

async function readPage(url: string, response: Response): Promise<ShopperPage> {
  const html = await response.text();
  const forms = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map(
    (m) => new URL(decode(m[1]!), url).href,
  );
  const text = decode(
    html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' '),
  ).replace(/\s+/g, ' ');
  return {
    url,
    status: response.status,
    html,
    csp: response.headers.get('content-security-policy') ?? '',
    text,
    forms,
  };
}

/** Posts a form as a browser would (url-encoded), without following the answer's redirect. */
export async function submit(action: string, fields: Record<string, string>): Promise<Response> {
  return fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

export const CARD = { expiry: '12/34', cvc: '123', cardholder: 'Ana Example' };

/**
 * The shopper pays on the page with a card number (the challenge card goes through its 3-D
 * Secure page and `challenge`). Answers where the sandbox sent them back (the `Location`).
 */
export async function payWithCard(
  redirectUrl: string,
  number: string,
  options: { saveCard?: boolean; challenge?: 'complete' | 'fail' } = {},
): Promise<URL> {
  const page = await openPage(redirectUrl);
  const cardForm = page.forms.at(-1)!;
  let answer = await submit(cardForm, {
    card_number: number,
    ...{ expiry: CARD.expiry, cvc: CARD.cvc, cardholder: CARD.cardholder },
    ...(options.saveCard ? { save_card: 'yes' } : {}),
    action: 'pay',
  });
  if (answer.status === 303 && /\/challenge$/.test(answer.headers.get('location') ?? '')) {
    const challenge = await openPage(new URL(answer.headers.get('location')!, redirectUrl).href);
    answer = await submit(challenge.forms[0]!, { action: options.challenge ?? 'complete' });
  }
  if (answer.status !== 303)
    throw new Error(
      `expected a redirect, got ${answer.status}: ${(await answer.text()).slice(0, 300)}`,
    );
  return new URL(answer.headers.get('location')!, redirectUrl);
}

/** Reads what the page answered to a form post (a page, not a redirect). */
export async function pageOf(url: string, response: Response): Promise<ShopperPage> {
  return readPage(url, response);
}
