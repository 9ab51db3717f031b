/** The hosted checkout page: what is paid, the saved cards offered, the card form, the test cards. */
import { escapeHtml } from '../../../internal/html-escape.js';
import { WORLDLINE_TEST_CARDS } from '../cards.js';
import { formatWorldlineAmount, layout } from './layout.js';
import type { CheckoutStrings } from './strings.js';

export interface SavedCardChoice {
  token: string;
  /** e.g. `************1111`. */
  masked: string;
  /** `MM/YY`. */
  expiry: string;
}

export type CardField = 'cardNumber' | 'expiry' | 'cvc' | 'cardholder';

export interface CheckoutPageModel {
  strings: CheckoutStrings;
  /** Absolute path the forms post to. */
  action: string;
  merchantId: string;
  merchantReference: string;
  amount: number;
  currency: string;
  savedCards: readonly SavedCardChoice[];
  /** `ask`: a consent box; `always`/`none`: no box. */
  askToSave: boolean;
  values: { cardNumber: string; expiry: string; cardholder: string; saveCard: boolean };
  errors: Partial<Record<CardField, string>>;
}

function field(
  id: string,
  label: string,
  value: string,
  error: string | undefined,
  extra: string,
): string {
  const invalid = error === undefined ? '' : ` aria-invalid="true" aria-describedby="${id}-error"`;
  return `<div class="field">
<label for="${id}">${escapeHtml(label)}</label>
<input type="text" id="${id}" name="${id}" value="${escapeHtml(value)}" ${extra}${invalid}>
${error === undefined ? '' : `<p class="field-error" id="${id}-error">${escapeHtml(error)}</p>`}
</div>`;
}

function savedCards(model: CheckoutPageModel): string {
  if (model.savedCards.length === 0) return '';
  const t = model.strings;
  const items = model.savedCards
    .map(
      (
        card,
        index,
      ) => `<li><input type="radio" id="saved-${index}" name="token" value="${escapeHtml(card.token)}"${index === 0 ? ' checked' : ''}>
<label for="saved-${index}">${escapeHtml(card.masked)} · ${escapeHtml(t.expires)} ${escapeHtml(card.expiry)}</label></li>`,
    )
    .join('\n');
  return `<section class="card" aria-labelledby="saved-title">
<h2 id="saved-title">${escapeHtml(t.savedCards)}</h2>
<form method="post" action="${escapeHtml(model.action)}">
<ul class="saved">
${items}
</ul>
<button class="primary" type="submit" name="action" value="pay-token">${escapeHtml(t.payWithSaved)}</button>
</form>
</section>`;
}

/** The page as HTML. */
export function renderCheckoutPage(model: CheckoutPageModel): string {
  const t = model.strings;
  const { values, errors } = model;
  const amount = formatWorldlineAmount(model.amount, model.currency, t.lang);
  const hasErrors = Object.keys(errors).length > 0;
  const consent = model.askToSave
    ? `<div class="consent">
<input type="checkbox" id="save-card" name="save_card" value="yes"${values.saveCard ? ' checked' : ''}>
<label for="save-card">${escapeHtml(t.saveCard)}</label>
</div>`
    : '';
  const cards = WORLDLINE_TEST_CARDS.map(
    (card) => `<li><code>${escapeHtml(card.number)}</code> ${escapeHtml(card.description)}</li>`,
  ).join('\n');
  const body = `<section class="card summary" aria-label="${escapeHtml(t.payTo)}">
<span class="meta">${escapeHtml(t.payTo)} ${escapeHtml(model.merchantId)}</span>
<span class="amount">${escapeHtml(amount)}</span>
<span class="meta">${escapeHtml(t.reference)} ${escapeHtml(model.merchantReference)}</span>
</section>
${savedCards(model)}
<section class="card" aria-labelledby="card-title">
<h1 id="card-title">${escapeHtml(t.newCard)}</h1>
<div role="alert">${hasErrors ? `<p class="notice">${escapeHtml(t.fixErrors)}</p>` : ''}</div>
<form method="post" action="${escapeHtml(model.action)}" novalidate>
${field('card_number', t.cardNumber, values.cardNumber, errors.cardNumber, 'inputmode="numeric" autocomplete="cc-number" maxlength="23"')}
<div class="row">
${field('expiry', t.expiry, values.expiry, errors.expiry, 'inputmode="numeric" autocomplete="cc-exp" maxlength="7"')}
${field('cvc', t.cvc, '', errors.cvc, 'inputmode="numeric" autocomplete="cc-csc" maxlength="4"')}
</div>
${field('cardholder', t.cardholder, values.cardholder, errors.cardholder, 'autocomplete="cc-name" maxlength="50"')}
${consent}
<button class="primary" type="submit" name="action" value="pay">${escapeHtml(t.pay)} ${escapeHtml(amount)}</button>
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>${escapeHtml(t.cancel)}</button>
</form>
</section>
<section class="card">
<details>
<summary>${escapeHtml(t.testCards)}</summary>
<p>${escapeHtml(t.testCardsIntro)}</p>
<ul class="cards">
${cards}
</ul>
</details>
</section>`;
  return layout(t, `${t.product} · ${amount}`, body);
}
