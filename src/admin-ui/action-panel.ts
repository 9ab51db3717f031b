/**
 * Capture, Cancel and Refund on a payment's page: the buttons allowed, and for the chosen one an
 * amount step and a confirmation step, with the refusal (or success) in plain words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Action, AdminPaymentDetail } from './api.js';
import { fromMinor, money, toMinor } from './format.js';

export interface PanelState {
  action: Action;
  step: 'amount' | 'confirm';
  amount: string;
  final: boolean;
  /** Idempotency key of this confirmation: a retry after a lost answer does it once. */
  key: string;
  busy: boolean;
  error: string | null;
}

export interface PanelHandlers {
  open(action: Action): void;
  change(patch: Partial<PanelState>): void;
  next(): void;
  confirm(): void;
  close(): void;
  /** Asks Ogone for the status now. */
  check(): void;
}

const WORDS = {
  capture: {
    open: 'Capture…',
    field: 'Amount to capture',
    hint: 'authorised and not captured yet',
    final: 'This is the last capture (release what is left)',
    ask: (m: string) => `Take ${m} from the shopper’s card?`,
    button: (m: string) => `Capture ${m}`,
  },
  refund: {
    open: 'Refund…',
    field: 'Amount to refund',
    hint: 'captured and not refunded yet',
    final: 'This is the last refund',
    ask: (m: string) => `Give ${m} back to the shopper’s card? This cannot be undone.`,
    button: (m: string) => `Refund ${m}`,
  },
} as const;

/** The most an action may take (`null`: not offered). */
export function maxOf(detail: AdminPaymentDetail, action: Action): string | null {
  if (action === 'cancel') return detail.actions.cancel ? detail.amount : null;
  return detail.actions[action];
}

/** The amount step's problem with what was typed, or `null`. */
export function amountProblem(typed: string, max: string): string | null {
  const minor = toMinor(typed);
  if (minor === null) return 'Enter an amount like 5.00.';
  if (minor <= 0n) return 'Enter an amount above 0.00.';
  if (minor > toMinor(max)!) return `That is more than ${max} can be.`;
  return null;
}

function amountStep(
  detail: AdminPaymentDetail,
  state: PanelState & { action: 'capture' | 'refund' },
  h: PanelHandlers,
): TemplateResult {
  const words = WORDS[state.action];
  const max = maxOf(detail, state.action)!;
  return html`<form
    class="confirm"
    aria-label=${words.field}
    @submit=${(e: Event) => {
      e.preventDefault();
      h.next();
    }}
  >
    <div class="field">
      <label for="amount">${words.field} (${detail.currency})</label>
      <input
        id="amount"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${state.amount}
        aria-describedby="amount-hint${state.error ? ' amount-error' : ''}"
        aria-invalid=${state.error ? 'true' : 'false'}
        @input=${(e: Event) => h.change({ amount: (e.target as HTMLInputElement).value })}
      />
      <span class="hint" id="amount-hint">Up to ${money(max, detail.currency)} ${words.hint}.</span>
    </div>
    <label class="check">
      <input
        type="checkbox"
        .checked=${state.final}
        @change=${(e: Event) => h.change({ final: (e.target as HTMLInputElement).checked })}
      />
      ${words.final}
    </label>
    ${
      state.error
        ? html`<p class="message error" id="amount-error" role="alert">${state.error}</p>`
        : nothing
    }
    <div class="actions">
      <button type="submit">Continue</button>
      <button type="button" class="secondary" @click=${h.close}>Back</button>
    </div>
  </form>`;
}

function confirmStep(detail: AdminPaymentDetail, state: PanelState, h: PanelHandlers) {
  const cancel = state.action === 'cancel';
  const amount = cancel ? detail.amount : fromMinor(toMinor(state.amount)!);
  const m = money(amount, detail.currency);
  const ask = cancel
    ? 'Cancel this payment? The shopper is not charged and the money held on the card is released.'
    : WORDS[state.action as 'capture' | 'refund'].ask(m);
  const label = cancel ? 'Cancel payment' : WORDS[state.action as 'capture' | 'refund'].button(m);
  return html`<div class="confirm" role="group" aria-labelledby="confirm-question">
    <p id="confirm-question">${ask}</p>
    ${state.final && !cancel ? html`<p class="hint">Marked as the last one.</p>` : nothing}
    ${state.error ? html`<p class="message error" role="alert">${state.error}</p>` : nothing}
    <div class="actions">
      <button
        type="button"
        class=${cancel || state.action === 'refund' ? 'danger' : ''}
        ?disabled=${state.busy}
        aria-busy=${state.busy ? 'true' : 'false'}
        @click=${h.confirm}
      >
        ${state.busy ? 'Sending…' : label}
      </button>
      <button type="button" class="secondary" ?disabled=${state.busy} @click=${h.close}>
        ${cancel ? 'Keep the payment' : 'Back'}
      </button>
    </div>
  </div>`;
}

export function actionPanel(
  detail: AdminPaymentDetail,
  state: PanelState | null,
  h: PanelHandlers,
  checking = false,
): TemplateResult {
  const { actions } = detail;
  const offered: [Action, string][] = [];
  if (actions.capture !== null) offered.push(['capture', WORDS.capture.open]);
  if (actions.refund !== null) offered.push(['refund', WORDS.refund.open]);
  if (actions.cancel) offered.push(['cancel', 'Cancel payment…']);
  return html`<section class="card" aria-labelledby="actions-title">
    <h3 id="actions-title">What you can do</h3>
    ${
      offered.length === 0
        ? html`<p class="hint">${actions.reason ?? 'Nothing can be done with this payment.'}</p>`
        : html`<div class="actions">
            ${offered.map(
              ([action, text]) =>
                html`<button
                  type="button"
                  data-action=${action}
                  class=${state?.action === action ? '' : 'secondary'}
                  aria-expanded=${state?.action === action ? 'true' : 'false'}
                  @click=${() => h.open(action)}
                >
                  ${text}
                </button>`,
            )}
          </div>`
    }
    ${
      actions.check
        ? html`<div class="actions">
            <button
              type="button"
              class="secondary"
              data-action="check"
              ?disabled=${checking}
              aria-busy=${checking ? 'true' : 'false'}
              @click=${h.check}
            >
              ${checking ? 'Asking Ogone…' : 'Ask Ogone for the status'}
            </button>
          </div>`
        : nothing
    }
    ${
      state === null
        ? nothing
        : state.step === 'amount' && state.action !== 'cancel'
          ? amountStep(detail, state as PanelState & { action: 'capture' | 'refund' }, h)
          : confirmStep(detail, state, h)
    }
  </section>`;
}
