/** The error page, in Ogone's manner: HTTP 200, Ogone's error text readable as plain text. */
import { ALERT_ICON, escapeHtml, layout } from './layout.js';

/** What the error page shows. */
export interface ErrorPageModel {
  /** Ogone's text, e.g. `unknown order/1/s`. */
  errorText: string;
  /** A developer hint (never a secret). */
  hint?: string;
  /** Names of the received parameters, to help find a signing mistake. */
  receivedNames?: string[];
  ncError?: string;
  /** "Return to the shop" (an http(s) URL, checked by the caller). */
  shopUrl?: string;
}

export function renderErrorPage(model: ErrorPageModel): string {
  const names =
    model.receivedNames && model.receivedNames.length > 0
      ? `<p class="names">Parameters received: ${model.receivedNames
          .map((name) => `<code>${escapeHtml(name)}</code>`)
          .join(', ')}</p>`
      : '';
  const body = `<section class="panel message error" aria-labelledby="error-title">
<div class="icon">${ALERT_ICON}</div>
<h1 id="error-title">An error has occurred</h1>
<p class="lead">The payment could not be started. Please contact the merchant.</p>
<p class="error-text" role="alert">${escapeHtml(model.errorText)}</p>
${model.ncError ? `<p class="hint">NCERROR: <code>${escapeHtml(model.ncError)}</code></p>` : ''}
${model.hint ? `<p class="hint">${escapeHtml(model.hint)}</p>` : ''}
${names}
${model.shopUrl ? `<p class="back"><a class="button-link" href="${escapeHtml(model.shopUrl)}">Return to the shop</a></p>` : ''}
</section>`;
  return layout({
    title: 'Error – Ogone sandbox',
    lang: 'en',
    secureLabel: 'Secure payment',
    body,
    footer: 'Ogone sandbox: a local stand-in for the hosted payment page. No money moves.',
  });
}
