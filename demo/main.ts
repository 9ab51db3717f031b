/**
 * The demo storefront's page script. It uses only what a merchant would: the `ogone-checkout`
 * package (which defines <ogone-checkout>) and the shop's own API.
 */
import 'ogone-checkout';
import type { DemoOrder } from './backend.js';

const EVENTS = [
  'ogone-ready',
  'ogone-save-card-change',
  'ogone-before-redirect',
  'ogone-result',
  'ogone-error',
  'ogone-card-removed',
] as const;

const ORDER_KEY = 'maison-praline:order';
const LOG_KEY = 'maison-praline:events';

interface LoggedEvent {
  type: string;
  at: string;
  detail: unknown;
}

const money = new Intl.NumberFormat('en-BE', { style: 'currency', currency: 'EUR' });
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function loadLog(): LoggedEvent[] {
  try {
    return JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as LoggedEvent[];
  } catch {
    return [];
  }
}

function renderLog(): void {
  const list = $<HTMLOListElement>('event-log');
  list.replaceChildren(
    ...loadLog()
      .reverse()
      .map((event) => {
        const item = document.createElement('li');
        const head = document.createElement('div');
        head.className = 'event-head';
        const name = document.createElement('code');
        name.className = `event-name ${event.type}`;
        name.textContent = event.type;
        const time = document.createElement('time');
        time.dateTime = event.at;
        time.textContent = new Date(event.at).toLocaleTimeString('en-GB');
        head.append(name, time);
        const detail = document.createElement('pre');
        detail.textContent = JSON.stringify(event.detail, null, 2);
        item.append(head, detail);
        return item;
      }),
  );
}

function logEvent(event: Event): void {
  const detail = event instanceof CustomEvent ? (event.detail as unknown) : null;
  const log = loadLog();
  log.push({ type: event.type, at: new Date().toISOString(), detail: detail ?? null });
  sessionStorage.setItem(LOG_KEY, JSON.stringify(log.slice(-30)));
  renderLog();
}

function renderOrder(order: DemoOrder): void {
  $('order-ref').textContent = order.ref;
  $('cart-lines').replaceChildren(
    ...order.lines.map((line) => {
      const item = document.createElement('li');
      item.className = 'line';
      const art = document.createElement('span');
      art.className = `art art-${line.sku.toLowerCase()}`;
      art.setAttribute('aria-hidden', 'true');
      const text = document.createElement('div');
      const name = document.createElement('strong');
      name.textContent = line.name;
      const description = document.createElement('span');
      description.className = 'muted';
      description.textContent = `${line.description} · qty ${line.quantity}`;
      text.append(name, description);
      const price = document.createElement('span');
      price.className = 'price';
      price.textContent = money.format(Number(line.unitPrice) * line.quantity);
      item.append(art, text, price);
      return item;
    }),
  );
  $('cart-subtotal').textContent = money.format(Number(order.amount));
  $('cart-total').textContent = money.format(Number(order.amount));
  const c = order.customer;
  $('customer').replaceChildren(
    ...[c.name, c.email, c.address, `${c.zip} ${c.town}`, 'Belgium'].map((text) => {
      const line = document.createElement('span');
      line.textContent = text;
      return line;
    }),
  );
}

function renderServerStatus(order: DemoOrder | null): void {
  const box = $('server-status');
  if (!order || !order.payment) {
    box.innerHTML = '<p class="muted">No feedback from Ogone yet for this order.</p>';
    return;
  }
  const p = order.payment;
  const rows: [string, string][] = [
    ['Outcome', `${p.outcome} (STATUS ${p.status} · ${p.statusName})`],
    ['Amount', `${p.amount} ${p.currency}`],
    ['ORDERID / PAYID', `${p.orderId} / ${p.payId}`],
    ['Card', `${p.brand ?? '—'} ${p.cardNumber ?? ''}`],
    ['Saved card alias', p.alias ?? '—'],
    ['Distinct results received', String(order.deliveries.length)],
    ['Redeliveries ignored', String(order.duplicates)],
  ];
  const dl = document.createElement('dl');
  dl.className = `status-table outcome-${p.outcome}`;
  for (const [term, value] of rows) {
    const row = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    row.append(dt, dd);
    dl.append(row);
  }
  box.replaceChildren(dl);
}

let polling: number | undefined;
function watchOrder(ref: string): void {
  window.clearInterval(polling);
  const poll = async () => {
    const response = await fetch(`/demo-api/orders/${encodeURIComponent(ref)}`);
    if (response.ok) renderServerStatus((await response.json()) as DemoOrder);
  };
  void poll();
  polling = window.setInterval(() => void poll(), 1000);
}

function mountCheckout(order: DemoOrder | null): HTMLElement {
  const checkout = document.createElement('ogone-checkout');
  checkout.setAttribute('endpoint', '/ogone');
  checkout.setAttribute('save-card', 'optional');
  // The demo endpoint signs for this PSPID; a form signed for any other is refused.
  checkout.setAttribute('pspid', 'DEMOSHOP');
  checkout.setAttribute('allowed-hosts', location.host);
  if (order) {
    checkout.setAttribute('order-ref', order.ref);
    checkout.setAttribute('amount', order.amount);
    checkout.setAttribute('currency', order.currency);
  }
  for (const type of EVENTS) checkout.addEventListener(type, logEvent);
  checkout.addEventListener('ogone-result', (event) => watchOrder(event.detail.orderRef));
  $('checkout-slot').replaceChildren(checkout);
  return checkout;
}

/** The order of this tab (kept across reloads), unless the shop no longer knows it. */
async function keptOrder(ref: string | null): Promise<DemoOrder | null> {
  const saved = sessionStorage.getItem(ORDER_KEY);
  const kept = saved ? (JSON.parse(saved) as DemoOrder) : null;
  const wanted = ref ?? kept?.ref;
  if (!wanted) return null;
  const response = await fetch(`/demo-api/orders/${encodeURIComponent(wanted)}`);
  return response.ok ? ((await response.json()) as DemoOrder) : null;
}

async function start(): Promise<void> {
  $('clear-log').addEventListener('click', () => {
    sessionStorage.removeItem(LOG_KEY);
    renderLog();
  });
  $<HTMLInputElement>('outage').addEventListener('change', (event) => {
    const on = (event.target as HTMLInputElement).checked;
    void fetch(`/demo-api/feedback-outage?failures=${on ? 1 : 0}`, { method: 'POST' });
  });

  const params = new URLSearchParams(location.search);
  if (params.has('SHASIGN') || params.has('RETURNMAC')) {
    // Back from Ogone (or Worldline Direct): the element verifies the result; the basket is the
    // one we kept.
    const saved = sessionStorage.getItem(ORDER_KEY);
    const order = saved ? (JSON.parse(saved) as DemoOrder) : null;
    if (order) renderOrder(order);
    mountCheckout(order);
    renderLog();
    return;
  }

  // A reload, Back, or ?order=SO-… (the same order in another tab) keeps the order: the element
  // then shows its receipt when it is paid. "Start a new order" (?new) starts afresh.
  let order = params.has('new') ? null : await keptOrder(params.get('order'));
  if (params.has('new') || params.has('order')) history.replaceState(null, '', location.pathname);
  if (!order) {
    sessionStorage.removeItem(LOG_KEY);
    const response = await fetch('/demo-api/orders', { method: 'POST' });
    order = (await response.json()) as DemoOrder;
  }
  sessionStorage.setItem(ORDER_KEY, JSON.stringify(order));
  renderLog();
  renderOrder(order);
  renderServerStatus(order);
  mountCheckout(order);
  if (order.payment) watchOrder(order.ref);
}

void start();
