/** Server-rendered pages of the sandbox: plain HTML, one stylesheet, no scripts. */
import { fromOgoneAmount } from '../protocol/index.js';
import { TEST_CARDS } from './cards.js';
import { SANDBOX_CSS } from './styles.js';
import type { SandboxStrings } from './strings.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const LOCK_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"/></svg>';
const ALERT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z"/></svg>';
const CHECK_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2Z"/></svg>';
const CLOCK_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 11h-5v-2h3V6h2v7Z"/></svg>';

/** Formats Ogone's AMOUNT (minor units, ×100) in the currency, e.g. `1999` EUR → `€19.99`. */
export function formatAmount(amountMinor: string, currency: string, locale: string): string {
  const major = fromOgoneAmount(amountMinor);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      major as Intl.StringNumericLiteral,
    );
  } catch {
    return `${major} ${currency}`;
  }
}

interface LayoutOptions {
  title: string;
  lang: string;
  secureLabel: string;
  body: string;
  footer: string;
}

function layout({ title, lang, secureLabel, body, footer }: LayoutOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${SANDBOX_CSS}</style>
</head>
<body>
<header class="topbar">
<div class="topbar-inner">
<span class="logo"><span class="logo-mark" aria-hidden="true"></span>Ogone <span class="badge">SANDBOX</span></span>
<span class="secure">${LOCK_ICON}<span>${escapeHtml(secureLabel)}</span></span>
</div>
</header>
<main>
${body}
</main>
<footer><p>${escapeHtml(footer)}</p></footer>
</body>
</html>
`;
}

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

/** An error page in Ogone's manner: HTTP 200, the error text readable as plain text. */
export interface ErrorPageModel {
  /** Ogone's text, e.g. `unknown order/1/s`. */
  errorText: string;
  /** A developer hint (never a secret). */
  hint?: string;
  /** Names of the received parameters, to help find a signing mistake. */
  receivedNames?: string[];
  ncError?: string;
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
</section>`;
  return layout({
    title: 'Error – Ogone sandbox',
    lang: 'en',
    secureLabel: 'Secure payment',
    body,
    footer: 'Ogone sandbox: a local stand-in for the hosted payment page. No money moves.',
  });
}

/** The page shown after a payment when the form gave no URL to send the shopper back to. */
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
