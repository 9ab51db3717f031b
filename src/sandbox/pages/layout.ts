/** The frame every sandbox page shares (head, top bar, footer), HTML escaping and amounts. */
import { fromOgoneAmount } from '../../protocol/amount.js';
import { escapeHtml } from '../../internal/html-escape.js';
import { SANDBOX_CSS } from './styles.js';

/** One escaping rule for every page (`internal/html-escape.ts`), re-exported for the pages. */
export { escapeHtml };

export const LOCK_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"/></svg>';
export const ALERT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z"/></svg>';
export const CHECK_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2Z"/></svg>';
export const CLOCK_ICON =
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

export interface LayoutOptions {
  title: string;
  lang: string;
  secureLabel: string;
  body: string;
  footer: string;
}

/** A whole page: the one stylesheet inline (allowed by its CSP hash), no script. */
export function layout({ title, lang, secureLabel, body, footer }: LayoutOptions): string {
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
