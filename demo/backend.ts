/**
 * The demo merchant's backend: a product catalogue, orders created from the cart, and the order
 * status as delivered by Ogone's server-to-server feedback. In a real shop this is your database.
 */
import type { PaymentResult } from 'ogone-checkout/protocol';

export interface Product {
  sku: string;
  name: string;
  description: string;
  unitPrice: string;
  quantity: number;
}

export interface DemoCustomer {
  id: string;
  name: string;
  email: string;
  address: string;
  zip: string;
  town: string;
  country: string;
  phone: string;
}

export interface DemoOrder {
  ref: string;
  lines: Product[];
  amount: string;
  currency: 'EUR';
  customer: DemoCustomer;
  createdAt: string;
  /** The latest payment result the server-to-server feedback delivered, if any. */
  payment: PaymentResult | null;
  /** Every distinct result delivered (idempotency keys), in arrival order. */
  deliveries: { idempotencyKey: string; outcome: string; status: number; at: string }[];
  /** Redeliveries of a result already recorded (ignored, counted for the demo panel). */
  duplicates: number;
}

export const CART: readonly Product[] = [
  {
    sku: 'CHOC-DARK-24',
    name: 'Dark chocolate tasting box',
    description: '24 pralines, 70% cacao, from Brussels',
    unitPrice: '24.50',
    quantity: 1,
  },
  {
    sku: 'SPEC-400',
    name: 'Speculoos biscuits',
    description: 'Caramelised, 400 g tin',
    unitPrice: '6.95',
    quantity: 2,
  },
];

export const CUSTOMER: DemoCustomer = {
  id: 'CUST-42',
  name: 'Bárbara Núñez',
  email: 'barbara@example.com',
  address: 'Rue de la Loi 16',
  zip: '1000',
  town: 'Bruxelles',
  country: 'BE',
  phone: '+32 2 555 01 23',
};

function cents(decimal: string): number {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function cartTotal(lines: readonly Product[]): string {
  const total = lines.reduce((sum, line) => sum + cents(line.unitPrice) * line.quantity, 0);
  return `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
}

/** Success beats any other final status, which beats a status still moving. */
function rank(result: PaymentResult): number {
  if (result.outcome === 'paid' || result.outcome === 'authorized') return 3;
  return result.final ? 2 : 1;
}

/** In-memory order store with idempotent, monotonic result handling. */
export class DemoShop {
  #orders = new Map<string, DemoOrder>();
  #sequence = 1000;
  /** Feedback deliveries to refuse before accepting (demonstrates Ogone's deferred retries). */
  failNextFeedbacks = 0;

  createOrder(): DemoOrder {
    this.#sequence += 1;
    const ref = `SO-${this.#sequence}`;
    const order: DemoOrder = {
      ref,
      lines: CART.map((line) => ({ ...line })),
      amount: cartTotal(CART),
      currency: 'EUR',
      customer: CUSTOMER,
      createdAt: new Date().toISOString(),
      payment: null,
      deliveries: [],
      duplicates: 0,
    };
    this.#orders.set(ref, order);
    if (this.#orders.size > 500) this.#orders.delete(this.#orders.keys().next().value!);
    return order;
  }

  get(ref: string): DemoOrder | undefined {
    return this.#orders.get(ref);
  }

  /**
   * Records a verified result. Redeliveries (same idempotency key) are counted, not applied; a
   * non-final status never overwrites a final one.
   */
  recordPayment(result: PaymentResult): void {
    if (this.failNextFeedbacks > 0) {
      this.failNextFeedbacks -= 1;
      throw new Error('Demo: refusing this delivery so the sandbox retries it');
    }
    const order = this.#orders.get(result.orderRef);
    if (!order) return;
    if (order.deliveries.some((d) => d.idempotencyKey === result.idempotencyKey)) {
      order.duplicates += 1;
      return;
    }
    order.deliveries.push({
      idempotencyKey: result.idempotencyKey,
      outcome: result.outcome,
      status: result.status,
      at: new Date().toISOString(),
    });
    const current = order.payment;
    // Never go back: a late redelivery of an older attempt (say a cancel that Ogone retried)
    // must not overwrite a payment, and a pending status must not overwrite a final one.
    if (!current || rank(result) >= rank(current)) order.payment = result;
  }
}
