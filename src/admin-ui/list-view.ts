/** The list of payments: search, status filters, the table (cards on narrow screens), pages. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdminPaymentView, PaymentList } from './api.js';
import { lastFour, money, when } from './format.js';

export interface ListQuery {
  q: string;
  filter: string;
  page: number;
}

export interface ListHandlers {
  search(q: string): void;
  filter(id: string): void;
  page(page: number): void;
}

export function card(payment: { cardNumber: string | null; brand: string | null }): TemplateResult {
  const four = lastFour(payment.cardNumber);
  if (four === null) return html`<span class="sub">No card yet</span>`;
  return html`${payment.brand ?? 'Card'} <span aria-hidden="true">••••</span
    ><span class="sr-only">ending in</span> ${four}`;
}

export function badge(payment: { label: string; tone: string }): TemplateResult {
  return html`<span class="badge tone-${payment.tone}">${payment.label}</span>`;
}

function row(payment: AdminPaymentView): TemplateResult {
  return html`<tr>
    <td class="order">
      <a href="#/payments/${payment.id}">${payment.orderRef}</a>
      ${
        payment.orderId !== payment.orderRef
          ? html`<span class="sub">${payment.orderId}</span>`
          : nothing
      }
    </td>
    <td class="amount">${money(payment.amount, payment.currency)}</td>
    <td class="status">
      ${badge(payment)}
      ${
        payment.attention && payment.tone !== 'attention'
          ? html`<span class="sub">Needs attention: no news for a while</span>`
          : nothing
      }
    </td>
    <td class="cardno">${card(payment)}</td>
    <td class="date"><time datetime=${payment.createdAt}>${when(payment.createdAt)}</time></td>
  </tr>`;
}

function onSubmit(handlers: ListHandlers) {
  return (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    handlers.search(String(new FormData(form).get('q') ?? ''));
  };
}

export function listView(
  query: ListQuery,
  list: PaymentList | undefined,
  handlers: ListHandlers,
): TemplateResult {
  const filters = list?.filters ?? [{ id: 'all', label: 'All' }];
  const chosen = filters.find((f) => f.id === query.filter);
  const title = chosen === undefined || chosen.id === 'all' ? 'All payments' : chosen.label;
  const first = list === undefined || list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = list === undefined ? 0 : Math.min(list.total, list.page * list.pageSize);
  return html`<section class="stack" aria-labelledby="list-title">
    <h2 id="list-title" tabindex="-1">${title}</h2>
    <form class="search" role="search" @submit=${onSubmit(handlers)}>
      <div class="field">
        <label for="q">Find a payment</label>
        <input
          id="q"
          name="q"
          type="search"
          .value=${query.q}
          placeholder="e.g. SO-1042 or 3012345678"
          autocomplete="off"
          spellcheck="false"
        />
      </div>
      <button type="submit">Search</button>
    </form>
    <ul class="filters" aria-label="Show">
      ${filters.map(
        (f) =>
          html`<li>
            <button
              type="button"
              aria-pressed=${f.id === query.filter ? 'true' : 'false'}
              @click=${() => handlers.filter(f.id)}
            >
              ${f.label}
            </button>
          </li>`,
      )}
    </ul>
    <div class="card">
      ${
        list === undefined
          ? html`<p class="empty" role="status">Loading payments…</p>`
          : list.total === 0
            ? html`<p class="empty" role="status">
                ${
                  query.q !== ''
                    ? `No payment matches “${query.q}”.`
                    : query.filter === 'attention'
                      ? 'Nothing needs attention.'
                      : 'No payments here yet.'
                }
              </p>`
            : html`<table>
                <caption>
                  <span role="status">Payments ${first}–${last} of ${list.total}</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col" class="amount">Amount</th>
                    <th scope="col">Status</th>
                    <th scope="col">Card</th>
                    <th scope="col">Date</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.payments.map(row)}
                </tbody>
              </table>`
      }
    </div>
    ${
      list !== undefined && list.total > list.pageSize
        ? html`<nav class="pager" aria-label="Pages">
            <span>Page ${list.page} of ${Math.ceil(list.total / list.pageSize)}</span>
            <div>
              <button
                class="secondary"
                type="button"
                ?disabled=${list.page <= 1}
                @click=${() => handlers.page(list.page - 1)}
              >
                Previous
              </button>
              <button
                class="secondary"
                type="button"
                ?disabled=${last >= list.total}
                @click=${() => handlers.page(list.page + 1)}
              >
                Next
              </button>
            </div>
          </nav>`
        : nothing
    }
  </section>`;
}
