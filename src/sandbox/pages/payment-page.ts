/** The hosted payment page: order summary, card form, test cards. */
import { TEST_CARDS } from '../cards.js';
import { ALERT_ICON, escapeHtml, formatAmount, layout, LOCK_ICON } from './layout.js';
import type { SandboxStrings } from './strings.js';

/** What the payment page shows. */
export interface PaymentPageModel {
  strings: SandboxStrings;
  sessionToken: string;
  /** Absolute path the form posts to, e.g. `/ncol/test/sandbox/pay`. */
  payPath: string;
  pspid: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  operation: 'SAL' | 'RES';
  /** Present when the form asked to store the card (ALIAS / ALIASOPERATION=BYPSP). */
  aliasUsage: string | undefined;
  /** The card saved under the form's ALIAS, offered first (`VISA`, `XXXXXXXXXXXX1111`, `1234`). */
  savedCard?: { brand: string; masked: string; ed: string };
  values: { cardNumber: string; expiry: string; cardholder: string; saveCard: boolean };
  errors: Partial<Record<'cardNumber' | 'expiry' | 'cvc' | 'cardholder', string>>;
}

function field(
  id: string,
  name: string,
  label: string,
  value: string,
  error: string | undefined,
  attributes: string,
): string {
  const errorId = `${id}-error`;
  const invalid = error === undefined ? '' : ` aria-invalid="true" aria-describedby="${errorId}"`;
  return `<div class="field">
<label for="${id}">${escapeHtml(label)}</label>
<input type="text" id="${id}" name="${name}" value="${escapeHtml(value)}" ${attributes}${invalid}>
${error === undefined ? '' : `<p class="field-error" id="${errorId}">${escapeHtml(error)}</p>`}
</div>`;
}

/** The hosted payment page: order summary, card form, test cards. */
export function renderPaymentPage(model: PaymentPageModel): string {
  const { strings: t, errors, values } = model;
  const amount = formatAmount(model.amountMinor, model.currency, t.locale);
  const hasErrors = Object.keys(errors).length > 0;
  const consent =
    model.aliasUsage === undefined
      ? ''
      : `<div class="consent">
<input type="checkbox" id="save-card" name="alias_consent" value="Y"${values.saveCard ? ' checked' : ''}>
<label for="save-card">${escapeHtml(model.aliasUsage)}</label>
</div>`;
  // Its own form, so Enter in the card fields never pays with the saved card.
  const saved = model.savedCard
    ? `<form method="post" action="${escapeHtml(model.payPath)}" accept-charset="UTF-8" class="saved-card" aria-labelledby="saved-title">
<input type="hidden" name="session" value="${escapeHtml(model.sessionToken)}">
<h3 id="saved-title">${escapeHtml(t.savedCard)}</h3>
<p class="mono">${escapeHtml(`${model.savedCard.brand} •••• ${model.savedCard.masked.slice(-4)}, ${t.savedCardExpires} ${model.savedCard.ed.slice(0, 2)}/${model.savedCard.ed.slice(2)}`)}</p>
<button type="submit" class="primary" name="action" value="saved">${LOCK_ICON}${escapeHtml(t.payWithSavedCard)}</button>
</form>
<p class="or">${escapeHtml(t.orAnotherCard)}</p>`
    : '';
  const testCards = TEST_CARDS.map(
    (card) =>
      `<tr><td><code>${card.number}</code></td><td><span class="pill ${card.behaviour}">${escapeHtml(card.description)}</span></td></tr>`,
  ).join('\n');
  const body = `<div class="layout">
<section class="panel summary" aria-labelledby="merchant-name">
<p class="eyebrow">${escapeHtml(t.merchant)}</p>
<h1 class="merchant" id="merchant-name">${escapeHtml(model.pspid)}</h1>
<dl class="facts">
<div><dt>${escapeHtml(t.orderId)}</dt><dd>${escapeHtml(model.orderId)}</dd></div>
<div><dt>${escapeHtml(t.operation)}</dt><dd>${escapeHtml(model.operation === 'RES' ? t.operationAuthorisation : t.operationSale)}</dd></div>
<div class="total"><dt>${escapeHtml(t.total)}</dt><dd>${escapeHtml(amount)}</dd></div>
</dl>
</section>
<section class="panel pay" aria-labelledby="pay-title">
<h2 id="pay-title">${escapeHtml(t.payWithCard)}</h2>
<ul class="brands" aria-label="Accepted cards"><li class="visa">VISA</li><li class="mc">Mastercard</li><li>AMEX</li></ul>
${hasErrors ? `<div class="alert" role="alert">${ALERT_ICON}<span>${escapeHtml(t.fixErrors)}</span></div>` : ''}
${saved}
<form method="post" action="${escapeHtml(model.payPath)}" accept-charset="UTF-8" novalidate>
<input type="hidden" name="session" value="${escapeHtml(model.sessionToken)}">
${field('card-number', 'cardno', t.cardNumber, values.cardNumber, errors.cardNumber, 'class="mono" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" maxlength="23" required')}
<div class="row">
${field('expiry', 'expiry', t.expiry, values.expiry, errors.expiry, 'class="mono" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7" required')}
${field('cvc', 'cvc', t.cvc, '', errors.cvc, 'class="mono" inputmode="numeric" autocomplete="cc-csc" placeholder="123" maxlength="4" required')}
</div>
${field('cardholder', 'cn', t.cardholder, values.cardholder, errors.cardholder, 'autocomplete="cc-name" maxlength="35" required')}
${consent}
<div class="actions">
<button type="submit" class="primary" name="action" value="pay">${LOCK_ICON}${escapeHtml(t.pay)}</button>
<button type="submit" class="secondary" name="action" value="cancel">${escapeHtml(t.cancel)}</button>
</div>
<p class="amount-note">${escapeHtml(t.total)}: ${escapeHtml(amount)}</p>
</form>
</section>
</div>
<section class="panel test-cards" aria-labelledby="test-cards-title">
<h2 id="test-cards-title">${escapeHtml(t.testCards)}</h2>
<p>${escapeHtml(t.testCardsIntro)} ${escapeHtml(t.anyOtherCard)} ${escapeHtml(t.cancelNote)}</p>
<table>
<thead><tr><th scope="col">Number</th><th scope="col">Result</th></tr></thead>
<tbody>
${testCards}
</tbody>
</table>
</section>`;
  return layout({
    title: `${t.title} – ${model.pspid}`,
    lang: t.locale,
    secureLabel: t.securePayment,
    body,
    footer: t.sandboxNote,
  });
}
