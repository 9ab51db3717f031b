/**
 * The return half of `<ogone-checkout>`, loaded on demand: asking `<endpoint>/verify` and
 * `<endpoint>/orders/<orderRef>`, keeping the verified result for the tab, and the receipt. The
 * saved-card list travels with it (one chunk: both are asked for on load when there is an order).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isOrderStatus, isPaymentResult } from '../contract/guards.js';
import type { OrderStatus, PaymentResult } from '../contract/types.js';
import type { EndpointAnswer, EndpointClient } from './endpoint-client.js';
import { formatAmount } from './format.js';
export { receiptOf } from './receipt.js';
export { SavedCardList } from './saved-cards.js';
export { redirectProblem, renderRedirectForm } from './redirect.js';
export { EN_ON_DEMAND } from './strings/en-on-demand.js';
import { resultKey } from './result-session.js';
import type { OgoneCheckoutStrings } from './strings.js';

/** POSTs the raw return query string to `<endpoint>/verify` and checks the result. */
export function verifyReturn(
  client: EndpointClient,
  endpoint: string,
  query: string,
  timeoutMs: number,
): Promise<EndpointAnswer<PaymentResult>> {
  return client.request(endpoint, {
    route: 'verify',
    path: 'verify',
    body: { query },
    guard: isPaymentResult,
    expected: 'a valid payment result',
    timeoutMs,
  });
}

/** GETs `<endpoint>/orders/<orderRef>`: whether the order is open, paid, pending or uncertain. */
export function lookupOrder(
  client: EndpointClient,
  endpoint: string,
  orderRef: string,
  timeoutMs: number,
): Promise<EndpointAnswer<OrderStatus>> {
  return client.request(endpoint, {
    route: 'orders',
    path: `orders/${encodeURIComponent(orderRef)}`,
    guard: isOrderStatus,
    expected: 'a valid order status',
    timeoutMs,
  });
}

/** The result this tab kept for the order, if it is still a valid one for it. */
export function readStoredResult(orderRef: string): PaymentResult | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(resultKey(orderRef)) ?? 'null');
    return isPaymentResult(value) && value.orderRef === orderRef ? value : null;
  } catch {
    return null;
  }
}

export function storeResult(result: PaymentResult): void {
  try {
    sessionStorage.setItem(resultKey(result.orderRef), JSON.stringify(result));
  } catch {
    // Storage full or disabled: the endpoint's order status still answers on reload.
  }
}

export function forgetResult(orderRef: string): void {
  try {
    sessionStorage.removeItem(resultKey(orderRef));
  } catch {
    // Nothing kept.
  }
}

/** `VISA ending in 1111` from the brand and the masked number, or null when neither came back. */
function cardText(result: PaymentResult, strings: OgoneCheckoutStrings): string | null {
  const last4 = /(\d{4})$/.exec(result.cardNumber ?? '')?.[1];
  const brand = result.brand?.trim() ?? '';
  if (last4) return `${brand} ${strings.cardEnding} ${last4}`.trim();
  return brand || null;
}

/** The receipt of a result: amount, order reference, card, and "card saved" when an alias came back. */
export function renderReceipt(
  result: PaymentResult,
  strings: OgoneCheckoutStrings,
  languageTag: string,
): TemplateResult {
  const card = cardText(result, strings);
  return html`<dl part="receipt">
      <div part="receipt-row receipt-amount">
        <dt>${strings.receiptAmount}</dt>
        <dd>${formatAmount(result.amount, result.currency, languageTag)}</dd>
      </div>
      <div part="receipt-row receipt-order">
        <dt>${strings.receiptOrder}</dt>
        <dd>${result.orderRef}</dd>
      </div>
      ${
        card
          ? html`<div part="receipt-row receipt-card">
              <dt>${strings.receiptCard}</dt>
              <dd>${card}</dd>
            </div>`
          : nothing
      }
    </dl>
    ${result.alias ? html`<p part="receipt-card-saved">${strings.cardSaved}</p>` : nothing}`;
}
