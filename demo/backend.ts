/**
 * The demo merchant's backend: a product catalogue and orders created from the cart. The payment
 * status comes from the endpoint's payment ledger (`ogone-checkout/ledger`), which records every
 * verified result once: the shop's status panel reads it there.
 */
import type { Ledger } from 'ogone-checkout/ledger';
import { describeStatus, type PaymentResult } from 'ogone-checkout/protocol';

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
  /** The order's payment as the ledger knows it (from Ogone's feedback), if any. */
  payment: PaymentResult | null;
  /** Every distinct result delivered to the shop (idempotency keys), in arrival order. */
  deliveries: { idempotencyKey: string; outcome: string; status: number; at: string }[];
  /** Redeliveries of a result already recorded (ignored by the ledger, counted for the panel). */
  duplicates: number;
}

/** An order as the shop keeps it; its payment lives in the ledger. */
export type ShopOrder = Omit<DemoOrder, 'payment' | 'deliveries' | 'duplicates'>;

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

/** The order with its payment, deliveries and redeliveries read from the ledger. */
export async function withPayment(order: ShopOrder, ledger: Ledger): Promise<DemoOrder> {
  const status = await ledger.orderStatus(order.ref);
  const deliveries: DemoOrder['deliveries'] = [];
  let duplicates = 0;
  for (const attempt of await ledger.findPayments(order.ref)) {
    const history = await ledger.paymentHistory(attempt.id);
    for (const event of history?.events ?? []) duplicates += event.duplicates;
    for (const delivery of history?.deliveries ?? []) {
      const event = history?.events.find((e) => e.id === delivery.eventId);
      if (delivery.deliveredAt === null || event === undefined) continue;
      deliveries.push({
        idempotencyKey: delivery.idempotencyKey,
        outcome: describeStatus(event.status).outcome,
        status: event.status,
        at: delivery.deliveredAt,
      });
    }
  }
  deliveries.sort((a, b) => a.at.localeCompare(b.at));
  return { ...order, payment: status.result, deliveries, duplicates };
}

/** In-memory orders (the catalogue side of the shop). */
export class DemoShop {
  #orders = new Map<string, ShopOrder>();
  #sequence = 1000;
  /** Result deliveries to refuse before accepting (demonstrates Ogone's retries). */
  failNextFeedbacks = 0;

  createOrder(): ShopOrder {
    this.#sequence += 1;
    const ref = `SO-${this.#sequence}`;
    const order: ShopOrder = {
      ref,
      lines: CART.map((line) => ({ ...line })),
      amount: cartTotal(CART),
      currency: 'EUR',
      customer: CUSTOMER,
      createdAt: new Date().toISOString(),
    };
    this.#orders.set(ref, order);
    if (this.#orders.size > 500) this.#orders.delete(this.#orders.keys().next().value!);
    return order;
  }

  get(ref: string): ShopOrder | undefined {
    return this.#orders.get(ref);
  }

  /**
   * Takes a verified result (where a real shop would mark the order paid, send the e-mail…). The
   * ledger already dedupes and orders results; the demo can refuse a few to show the retries.
   */
  acceptResult(_result: PaymentResult): void {
    if (this.failNextFeedbacks > 0) {
      this.failNextFeedbacks -= 1;
      throw new Error('Demo: refusing this delivery so the sandbox retries it');
    }
  }
}
