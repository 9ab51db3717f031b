/** The page shown after a payment when the form gave no URL to send the shopper back to. */
import { ALERT_ICON, CHECK_ICON, CLOCK_ICON, escapeHtml, formatAmount, layout } from './layout.js';
import type { SandboxStrings } from './strings.js';

export interface ResultPageModel {
  strings: SandboxStrings;
  status: number;
  statusName: string;
  tone: 'success' | 'error' | 'neutral';
  orderId: string;
  payId: string;
  amountMinor: string;
  currency: string;
  ncError: string;
}

export function renderResultPage(model: ResultPageModel): string {
  const icon =
    model.tone === 'success' ? CHECK_ICON : model.tone === 'error' ? ALERT_ICON : CLOCK_ICON;
  const body = `<section class="panel message ${model.tone}" aria-labelledby="result-title">
<div class="icon">${icon}</div>
<h1 id="result-title">${escapeHtml(model.statusName)}</h1>
<p class="lead">The merchant gave no return URL for this result.</p>
<dl class="facts">
<div><dt>STATUS</dt><dd>${model.status}</dd></div>
<div><dt>${escapeHtml(model.strings.orderId)}</dt><dd>${escapeHtml(model.orderId)}</dd></div>
<div><dt>PAYID</dt><dd>${escapeHtml(model.payId)}</dd></div>
<div><dt>NCERROR</dt><dd>${escapeHtml(model.ncError || '0')}</dd></div>
<div class="total"><dt>${escapeHtml(model.strings.amount)}</dt><dd>${escapeHtml(formatAmount(model.amountMinor, model.currency, model.strings.locale))}</dd></div>
</dl>
</section>`;
  return layout({
    title: `${model.statusName} – Ogone sandbox`,
    lang: model.strings.locale,
    secureLabel: model.strings.securePayment,
    body,
    footer: model.strings.sandboxNote,
  });
}
