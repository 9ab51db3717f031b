/**
 * The saved-card journey's test bench: the sandbox (with an API user) and the endpoint (with the
 * ledger and `directLink`) on real HTTP servers on 127.0.0.1, wired to each other (DirectLink calls
 * and feedbacks over the loopback), every answer body and log line kept for the secret scan.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ledger } from '../../src/ledger/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import {
  createOgoneHandler,
  toNodeListener,
  type FeedbackResult,
  type OgoneHandler,
  type OgoneHandlerOptions,
  type OgoneLogEntry,
  type TrustedOrder,
} from '../../src/server/index.js';
import { driverOf } from '../../src/server/ledger/ledger.js';
import { API_USER, DL_SHA_IN, formOf } from './directlink.js';
import { GOOD_CARD, PSPID, SHA_IN, SHA_OUT, sessionToken, type Card } from './sandbox.js';

export const SHOP = 'https://shop.example';
export const RETURN_URL = `${SHOP}/checkout/return`;
export const BROWSER = {
  colorDepth: 24,
  javaEnabled: false,
  language: 'fr-BE',
  screenHeight: 900,
  screenWidth: 1440,
  timeZoneOffset: -60,
  userAgent: 'Mozilla/5.0 (test)',
};
/** Every secret of the bench: none may appear in an answer or a log line. */
export const SECRETS = [API_USER.password, DL_SHA_IN, SHA_IN, SHA_OUT];
export const CARD_NUMBERS = ['4111111111111111', '4000000000003220', '4000000000003063'];

let sequence = 0;
/** A fresh order reference (the ledger is shared by a suite). */
export function freshRef(prefix = 'SC'): string {
  sequence += 1;
  return `${prefix}${process.pid}-${sequence}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

export interface Bench {
  sandbox: Sandbox;
  handler: OgoneHandler;
  ledger: Ledger | undefined;
  endpointUrl: string;
  sandboxUrl: string;
  orders: Map<string, TrustedOrder>;
  deliveries: FeedbackResult[];
  logs: OgoneLogEntry[];
  /** Every answer body the endpoint gave. */
  bodies: string[];
  call(
    method: string,
    path: string,
    init?: { json?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** A new order of `customerId` (undefined: a guest), amount 15.10 EUR. */
  order(customerId: string | undefined, extra?: Partial<TrustedOrder>): string;
  /** Pays an order on the hosted page saving the card; the card's public id from `/cards`. */
  saveCard(customerId: string, cardno?: string): Promise<string>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

export function errorCode(answer: Answer): string | undefined {
  return (answer.body['error'] as { code?: string } | undefined)?.code;
}

export async function startBench(
  ledger: Ledger | undefined,
  overrides: Partial<OgoneHandlerOptions> = {},
  withApiUser = true,
): Promise<Bench> {
  // Each server needs the other's address before its handler exists.
  const listeners: Partial<Record<'endpoint' | 'sandbox', ReturnType<typeof toNodeListener>>> = {};
  const endpointServer = createServer((req, res) => listeners.endpoint!(req, res));
  const sandboxServer = createServer((req, res) => listeners.sandbox!(req, res));
  const [endpointUrl, sandboxUrl] = await Promise.all([
    listen(endpointServer),
    listen(sandboxServer),
  ]);
  const sandbox = createSandbox({
    pspid: PSPID,
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    apiUser: API_USER,
    directLinkShaIn: DL_SHA_IN,
    maintenanceDelayMs: 0,
    feedbackUrl: `${endpointUrl}/ogone/feedback`,
    feedbackRetryDelaysMs: [],
  });
  const orders = new Map<string, TrustedOrder>();
  const deliveries: FeedbackResult[] = [];
  const logs: OgoneLogEntry[] = [];
  const bodies: string[] = [];
  const handler = createOgoneHandler({
    pspid: PSPID,
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: { baseUrl: `${sandboxUrl}/ncol/test` },
    ...(withApiUser
      ? { directLink: { userId: API_USER.userId, password: API_USER.password, shaIn: DL_SHA_IN } }
      : {}),
    allowedReturnOrigins: [SHOP],
    cors: true,
    resolveOrder: (orderRef) => orders.get(orderRef) ?? null,
    onPaymentResult: (result) => {
      deliveries.push(result);
    },
    logger: (entry) => logs.push(entry),
    ledger,
    outbox: { pollIntervalMs: 20, retryBaseMs: 10, retryMaxMs: 50 },
    ...overrides,
  });
  listeners.endpoint = toNodeListener(handler);
  listeners.sandbox = toNodeListener(sandbox.handler);

  const call: Bench['call'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${endpointUrl}${path}`, {
      method,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });
    const text = await response.text();
    bodies.push(text);
    let body: Record<string, unknown> = {};
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = {};
    }
    return { status: response.status, headers: response.headers, text, body };
  };

  const order: Bench['order'] = (customerId, extra = {}) => {
    const ref = freshRef();
    orders.set(ref, {
      amount: '15.10',
      currency: 'EUR',
      customerId,
      allowSaveCard: true,
      customer: {
        name: 'Bárbara Souza',
        email: 'b@example.com',
        address: 'Rue de la Loi 16',
        zip: '1000',
        town: 'Bruxelles',
        country: 'be',
      },
      ...extra,
    });
    return ref;
  };

  /** Posts a form to the sandbox as the shopper's browser. */
  const postSandbox = (url: string, fields: Record<string, string>) =>
    fetch(new URL(url, sandboxUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  const saveCard: Bench['saveCard'] = async (customerId, cardno = '4111 1111 1111 1111') => {
    const ref = order(customerId);
    const signed = await call('POST', '/ogone/sign', {
      json: { orderRef: ref, saveCard: true, returnUrl: RETURN_URL },
    });
    assert.equal(signed.status, 200, signed.text);
    const payload = signed.body as { action: string; fields: Record<string, string> };
    const page = await postSandbox(payload.action, payload.fields);
    const token = sessionToken(await page.text());
    const card: Card = { ...GOOD_CARD, cardno, alias_consent: 'Y' };
    let paid = await postSandbox('/ncol/test/sandbox/pay', {
      session: token,
      ...(card as Record<string, string>),
    });
    if (paid.status === 200) {
      // The issuer challenges on the hosted page: authenticate.
      const form = formOf(await paid.text());
      paid = await postSandbox(form.action, { session: form.token, action: 'complete' });
    }
    assert.equal(paid.status, 303, 'the shopper is sent back');
    await sandbox.idle();
    const listed = await call('GET', `/ogone/cards?orderRef=${ref}`);
    const cards = listed.body['cards'] as { id: string; last4: string }[];
    const last4 = cardno.replace(/\D/g, '').slice(-4);
    const found = cards.find((c) => c.last4 === last4);
    assert.ok(found, `the saved card is listed: ${listed.text}`);
    return found.id;
  };

  return {
    sandbox,
    handler,
    ledger,
    endpointUrl,
    sandboxUrl,
    orders,
    deliveries,
    logs,
    bodies,
    call,
    order,
    saveCard,
    async close() {
      sandbox.close();
      await handler.close();
      await Promise.all([
        new Promise((resolve) => endpointServer.close(resolve)),
        new Promise((resolve) => sandboxServer.close(resolve)),
      ]);
      endpointServer.closeAllConnections();
      sandboxServer.closeAllConnections();
    },
  };
}

/** Inserts a card straight into the ledger (an expired one, another customer's, an alias unknown at Ogone). */
export async function insertCard(
  ledger: Ledger,
  card: { customerId: string; alias: string; expiry: string; cardNumber?: string; brand?: string },
): Promise<string> {
  const rows = await driverOf(ledger).query<{ public_id: string }>(
    `INSERT INTO cards (provider, customer_id, alias, card_number, brand, expiry)
     VALUES ('ogone', $1, $2, $3, $4, $5) RETURNING public_id`,
    [
      card.customerId,
      card.alias,
      card.cardNumber ?? 'XXXXXXXXXXXX4242',
      card.brand ?? 'VISA',
      card.expiry,
    ],
  );
  return rows[0]!.public_id;
}

/** The 3-D Secure form of a served challenge page, posted with the shopper's choice. */
export async function answerChallenge(
  bench: Bench,
  html: string,
  action: 'complete' | 'fail',
): Promise<URL> {
  const form = formOf(html);
  const response = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session: form.token, action }).toString(),
    redirect: 'manual',
  });
  assert.equal(response.status, 303, `the bank's page sends the shopper back (${response.status})`);
  await bench.sandbox.idle();
  return new URL(response.headers.get('location')!);
}
