/** The card issuer's 3-D Secure page, as the sandbox plays it: two buttons, no script. */
import { escapeHtml, formatAmount, layout, LOCK_ICON } from './layout.js';

export interface ThreeDsPageModel {
  /** Absolute path the buttons post to. */
  action: string;
  token: string;
  merchant: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  maskedCard: string;
  brand: string;
}

export function renderThreeDsPage(model: ThreeDsPageModel): string {
  const amount = formatAmount(model.amountMinor, model.currency, 'en-US');
  const body = `<section class="panel message challenge" aria-labelledby="challenge-title">
<div class="icon">${LOCK_ICON}</div>
<p class="eyebrow">3-D Secure · ${escapeHtml(model.brand)}</p>
<h1 id="challenge-title">Confirm your payment</h1>
<p class="lead">Your bank asks you to confirm this payment.</p>
<dl class="facts">
<div><dt>Merchant</dt><dd>${escapeHtml(model.merchant)}</dd></div>
<div><dt>Order</dt><dd>${escapeHtml(model.orderId)}</dd></div>
<div><dt>Card</dt><dd class="mono">${escapeHtml(model.maskedCard)}</dd></div>
<div class="total"><dt>Amount</dt><dd>${escapeHtml(amount)}</dd></div>
</dl>
<form method="post" action="${escapeHtml(model.action)}" accept-charset="UTF-8" class="actions">
<input type="hidden" name="session" value="${escapeHtml(model.token)}">
<button type="submit" class="primary" name="action" value="complete">Complete authentication</button>
<button type="submit" class="secondary" name="action" value="fail">Fail authentication</button>
</form>
<p class="hint">This page stands in for your bank’s 3-D Secure check: choose the outcome. Nothing is checked and no money moves.</p>
</section>`;
  return layout({
    title: `3-D Secure – ${model.brand}`,
    lang: 'en',
    secureLabel: 'Secure payment',
    body,
    footer: 'Ogone sandbox: a stand-in for the card issuer’s authentication page. No money moves.',
  });
}
