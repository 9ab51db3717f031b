/**
 * The payments page in node tests: an endpoint with a ledger and `admin`, payments recorded by
 * signed Ogone feedback, and a staff member's browser (cookies, the CSRF token of the page).
 */
import type { Ledger } from '../../src/ledger/index.js';
import type { AdminOperations } from '../../src/server/admin/operations.js';
import { adminRoute } from '../../src/server/admin/routes.js';
import { resolveAdmin } from '../../src/server/admin/options.js';
import { resolveOptions } from '../../src/server/config/resolve-options.js';
import { createCore } from '../../src/server/http/core-handler.js';
import { fromRequest, toResponse } from '../../src/server/http/fetch-adapter.js';
import { feedbackRoute } from '../../src/server/routes/feedback.js';
import { createWorker } from '../../src/server/routes/result-delivery.js';
import type { OgoneHandlerOptions } from '../../src/server/index.js';
import { signedQuery, TEST_SHA_IN, TEST_SHA_OUT } from './ogone-messages.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ORIGIN = 'http://127.0.0.1';

export function adminOptions(
  ledger: Ledger | undefined,
  overrides: Partial<OgoneHandlerOptions> = {},
): OgoneHandlerOptions {
  return {
    pspid: 'SHOP1',
    shaIn: TEST_SHA_IN,
    shaOut: TEST_SHA_OUT,
    environment: 'test',
    allowedReturnOrigins: ['https://shop.example'],
    resolveOrder: () => ({ amount: '10.00', currency: 'EUR' }),
    onPaymentResult: () => undefined,
    logger: false,
    ledger,
    outbox: { worker: false },
    admin: { token: ADMIN_TOKEN },
    ...overrides,
  };
}

export type Fetch = (request: Request) => Promise<Response>;

/** An endpoint (feedback + admin routes) whose page uses `operations` (the after-sale stand-in). */
export function adminEndpoint(options: OgoneHandlerOptions, operations?: AdminOperations): Fetch {
  const resolved = resolveOptions(options);
  const admin = resolveAdmin(options.admin, resolved.ledger !== undefined)!;
  const core = createCore(resolved, {
    // The outbox is filled, never worked: deliveries stay waiting (the page shows them).
    feedback: feedbackRoute(resolved, createWorker(resolved)),
    admin: adminRoute(resolved, admin, operations),
  });
  return async (request) => toResponse(await core.handle(fromRequest(request)));
}

/** Records a payment as Ogone's signed feedback would. */
export async function recordPayment(
  handler: Fetch,
  values: { orderRef: string; orderId: string; status: string; amount?: string; payId?: string },
): Promise<void> {
  const query = await signedQuery({
    orderID: values.orderId,
    COMPLUS: values.orderRef,
    STATUS: values.status,
    amount: values.amount ?? '10',
    PAYID: values.payId ?? String(3_000_000_000 + Math.floor(Math.random() * 1e9)),
  });
  const response = await handler(new Request(`${ORIGIN}/ogone/feedback?${query}`));
  if (response.status !== 200) throw new Error(`feedback answered ${response.status}`);
}

/** A browser: keeps cookies, sends same-origin fetch metadata unless told otherwise. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly handler: Fetch) {}

  async request(
    path: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', ...init.headers };
    // An empty value means "this browser sends no such header".
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await this.handler(
      new Request(`${ORIGIN}${path}`, { method: init.method ?? 'GET', headers, body: init.body }),
    );
    const set = response.headers.get('set-cookie');
    if (set !== null) {
      const [pair] = set.split(';');
      const [name, ...value] = pair!.split('=');
      if (/Max-Age=0/.test(set)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
    return response;
  }

  /** Opens the sign-in form and posts `token` with its CSRF field. */
  async signIn(token = ADMIN_TOKEN, headers: Record<string, string> = {}): Promise<Response> {
    const form = await (await this.request('/ogone/admin')).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const response = await this.request('/ogone/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ csrf, token }).toString(),
    });
    if (response.status === 303) {
      const shell = await (await this.request('/ogone/admin')).text();
      this.csrf = /csrf="([^"]+)"/.exec(shell)?.[1] ?? '';
    }
    return response;
  }

  async json(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await this.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async post(
    path: string,
    json: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ogone-csrf': this.csrf, ...headers },
      body: JSON.stringify(json),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}
