/** A payment's page: what it is, what can be done, its history and what the shop was told. */
import { html, nothing, type TemplateResult } from 'lit';
import { actionPanel, type PanelHandlers, type PanelState } from './action-panel.js';
import type { AdminPaymentDetail } from './api.js';
import { money, when } from './format.js';
import { badge, card } from './list-view.js';

export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

function facts(p: AdminPaymentDetail): TemplateResult {
  const fact = (term: string, value: unknown) =>
    html`<div>
      <dt>${term}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<dl class="facts">
    ${fact('Captured', money(p.capturedAmount, p.currency))}
    ${fact('Refunded', money(p.refundedAmount, p.currency))} ${fact('Card', card(p))}
    ${fact('Order id', p.orderId)} ${fact('Ogone payment id', p.payId === '' ? '—' : p.payId)}
    ${fact('Started', when(p.createdAt))} ${fact('Last change', when(p.updatedAt))}
    ${fact('Ogone status', p.status === null ? 'None yet' : html`${p.status} · ${p.statusName}`)}
    ${
      p.ncError !== null && p.ncError !== '' && p.ncError !== '0'
        ? fact('Ogone error code', p.ncError)
        : nothing
    }
  </dl>`;
}

function operations(p: AdminPaymentDetail): TemplateResult | typeof nothing {
  if (p.operations.length === 0) return nothing;
  return html`<section class="card" aria-labelledby="operations-title">
    <h3 id="operations-title">Actions taken</h3>
    <ol class="timeline">
      ${p.operations.map(
        (op) =>
          html`<li>
            <time datetime=${op.at}>${when(op.at, true)}</time>
            <div>${op.label} <span class="badge tone-${op.tone}">${op.state}</span></div>
          </li>`,
      )}
    </ol>
  </section>`;
}

function timeline(p: AdminPaymentDetail): TemplateResult {
  return html`<section class="card" aria-labelledby="history-title">
    <h3 id="history-title">History</h3>
    ${
      p.timeline.length === 0
        ? html`<p class="hint">Nothing has been received for this payment yet.</p>`
        : html`<ol class="timeline">
            ${p.timeline.map(
              (entry) =>
                html`<li>
                  <time datetime=${entry.at}>${when(entry.at, true)}</time>
                  <div>
                    ${badge(entry)}
                    ${entry.amount !== null ? html` <span class="nowrap">${money(entry.amount, p.currency)}</span>` : nothing}
                    <span class="sub"
                      >${entry.source} · status ${entry.status}, ${entry.statusName}</span
                    >
                    ${entry.note !== null ? html`<span class="sub">${entry.note}</span>` : nothing}
                  </div>
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}

function deliveries(p: AdminPaymentDetail): TemplateResult {
  return html`<section class="card" aria-labelledby="deliveries-title">
    <h3 id="deliveries-title">Updates sent to the shop</h3>
    ${
      p.deliveries.length === 0
        ? html`<p class="hint">Nothing to send to the shop yet.</p>`
        : html`<ol class="timeline">
            ${p.deliveries.map(
              (d) =>
                html`<li>
                  <time datetime=${d.at}>${when(d.at, true)}</time>
                  <div>
                    <span
                      class="badge tone-${
                        d.state === 'delivered' ? 'good' : d.state === 'waiting' ? 'waiting' : 'bad'
                      }"
                      >${d.label}</span
                    >
                    <span class="sub">${d.about}</span>
                    ${
                      d.lastError !== null
                        ? html`<span class="sub">Last problem: ${d.lastError}</span>`
                        : nothing
                    }
                  </div>
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}

export function detailView(
  p: AdminPaymentDetail | undefined,
  panel: PanelState | null,
  notice: Notice | null,
  handlers: PanelHandlers,
  checking = false,
): TemplateResult {
  return html`<section class="stack" aria-labelledby="detail-title">
    <p><a href="#/">← All payments</a></p>
    ${
      p === undefined
        ? html`<h2 id="detail-title" tabindex="-1">Payment</h2>
            <p role="status">Loading…</p>`
        : html`<div class="card stack">
              <div class="title">
                <h2 id="detail-title" tabindex="-1">Order ${p.orderRef}</h2>
                ${badge(p)}
              </div>
              <p class="big">${money(p.amount, p.currency)}</p>
              ${facts(p)}
            </div>
            ${
              notice === null
                ? nothing
                : html`<p
                    class="message ${notice.kind}"
                    id="notice"
                    tabindex="-1"
                    role=${notice.kind === 'error' ? 'alert' : 'status'}
                  >
                    ${notice.text}
                  </p>`
            }
            ${actionPanel(p, panel, handlers, checking)} ${operations(p)} ${timeline(p)}
            ${deliveries(p)}`
    }
  </section>`;
}
