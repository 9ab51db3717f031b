/**
 * Test data and page helpers shared by the element tests: verified results, signed payloads,
 * order statuses, return URLs, a fetch stub routed by endpoint route, and readers of what the
 * shopper sees.
 */
import { fixture } from '@open-wc/testing';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.component.js';
import type { OrderStatus, PaymentResult, SignedPayload } from '../../src/contract/types.js';
import { stubFetchWith, type Reply } from './edges.js';

export const ACTION = 'https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp';

/** The raw query Ogone appends to the return URL (all of it comes from Ogone). */
export function returnQuery(orderRef = 'SO-1001', status = 9): string {
  return `?orderID=${orderRef}-k3x9&amount=19.99&currency=EUR&PM=CreditCard&STATUS=${status}&PAYID=3014&NCERROR=0&COMPLUS=${orderRef}&SHASIGN=${'AB'.repeat(64)}`;
}

const NAMES: Record<string, [number, string]> = {
  paid: [9, 'Payment requested'],
  authorized: [5, 'Authorised'],
  pending: [51, 'Authorisation waiting'],
  uncertain: [92, 'Payment uncertain'],
  cancelled: [1, 'Cancelled by customer'],
  refused: [2, 'Authorisation refused'],
};

export function result(
  outcome: PaymentResult['outcome'],
  overrides: Partial<PaymentResult> = {},
): PaymentResult {
  const [status, statusName] = NAMES[outcome] ?? [0, 'Invalid or incomplete'];
  return {
    outcome,
    status,
    statusName,
    final: outcome !== 'pending' && outcome !== 'uncertain',
    orderRef: 'SO-1001',
    orderId: 'SO-1001-k3x9',
    payId: '3014',
    amount: '19.99',
    currency: 'EUR',
    cardNumber: 'XXXXXXXXXXXX1111',
    brand: 'VISA',
    ncError: '0',
    idempotencyKey: `SO-1001-k3x9:3014:${status}`,
    ...overrides,
  } as PaymentResult;
}

export function signedPayload(
  orderId = 'SO-1001-n2',
  fields: Record<string, string> = {},
  action = ACTION,
): SignedPayload {
  return {
    action,
    method: 'POST',
    orderId,
    fields: {
      PSPID: 'demoshop',
      ORDERID: orderId,
      AMOUNT: '1999',
      CURRENCY: 'EUR',
      COMPLUS: orderId.replace(/-[^-]+$/, ''),
      SHASIGN: 'CD'.repeat(64),
      ...fields,
    },
  };
}

export function orderStatus(
  orderRef: string,
  state: OrderStatus['state'],
  paymentResult: PaymentResult | null = null,
): Reply {
  return { status: 200, body: { orderRef, state, result: paymentResult } };
}

export interface Routes {
  sign?: Reply[];
  verify?: Reply[];
  /** The answer for `GET /orders/<ref>`, by decoded ref; default: `open`. */
  orders?: (orderRef: string) => Reply;
}

/** Stubs `fetch` by route; each queue answers in turn and repeats its last reply. */
export function routeFetch(routes: Routes): void {
  stubFetchWith((url) => {
    const order = /\/orders\/([^/?#]+)$/.exec(url);
    if (order) {
      const ref = decodeURIComponent(order[1]!);
      return routes.orders ? routes.orders(ref) : orderStatus(ref, 'open');
    }
    const queue = url.endsWith('/verify') ? routes.verify : routes.sign;
    if (!queue || queue.length === 0) return new Error(`unexpected ${url}`);
    return queue.length > 1 ? queue.shift()! : queue[0]!;
  });
}

/** Renders the element from markup, with the page URL carrying `query` (or none). */
export async function render(markup: string, query = ''): Promise<OgoneCheckout> {
  history.replaceState(null, '', `${location.pathname}${query}`);
  const container = document.createElement('div');
  container.innerHTML = markup;
  return fixture<OgoneCheckout>(container.firstElementChild!);
}

export function shadow(el: OgoneCheckout): ShadowRoot {
  return el.shadowRoot!;
}

export function part(el: OgoneCheckout, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function button(el: OgoneCheckout): HTMLButtonElement | null {
  return shadow(el).querySelector<HTMLButtonElement>('button[part="button"]');
}

export function buttonText(el: OgoneCheckout): string | null {
  const found = button(el);
  return found ? clean(found.textContent) : null;
}

/** What the element says (messages and receipt), whitespace collapsed. */
export function said(el: OgoneCheckout): string {
  const regions = shadow(el).querySelectorAll('[part="status"], [part="alert"]');
  return clean([...regions].map((region) => region.textContent).join(' '));
}

export function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
