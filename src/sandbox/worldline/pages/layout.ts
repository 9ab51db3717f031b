/** The frame of every Worldline sandbox page, and amounts written in the shopper's language. */
import { escapeHtml } from '../../../internal/html-escape.js';
import { currencyExponent } from '../../../protocol/worldline/amount.js';
import { CHECKOUT_CSS } from './styles.js';
import type { CheckoutStrings } from './strings.js';

/** A Worldline amount (smallest currency unit) formatted, e.g. 1999 EUR → `€19.99`. */
export function formatWorldlineAmount(amount: number, currency: string, lang: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(amount).padStart(exponent + 1, '0');
  const major =
    exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(
      major as Intl.StringNumericLiteral,
    );
  } catch {
    return `${major} ${currency}`;
  }
}

/** The page: masthead, main column, the sandbox note. `body` is HTML already escaped. */
export function layout(strings: CheckoutStrings, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(strings.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CHECKOUT_CSS}</style>
</head>
<body>
<div class="shell">
<header class="masthead">
<span class="brand"><span class="brand-mark" aria-hidden="true"></span>worldline direct <span class="tag">SANDBOX</span></span>
<span class="secure">${escapeHtml(strings.secure)}</span>
</header>
<main>
${body}
</main>
<p class="note">${escapeHtml(strings.sandboxNote)}</p>
</div>
</body>
</html>
`;
}
