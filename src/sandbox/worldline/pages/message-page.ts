/** A short page: a result (when the checkout shows one) or why the session cannot go on. */
import { escapeHtml } from '../../../internal/html-escape.js';
import { layout } from './layout.js';
import type { CheckoutStrings } from './strings.js';

export interface MessagePageModel {
  strings: CheckoutStrings;
  title: string;
  text?: string | undefined;
  tone: 'ok' | 'bad' | 'neutral';
  /** A link back to the shop (the return URL with its parameters), when there is one. */
  link?: string | undefined;
}

export function renderMessagePage(model: MessagePageModel): string {
  const tone = model.tone === 'neutral' ? '' : ` ${model.tone}`;
  const link =
    model.link === undefined
      ? ''
      : `<a class="button primary" href="${escapeHtml(model.link)}">${escapeHtml(model.strings.backToShop)}</a>`;
  const body = `<section class="card" aria-live="polite">
<p class="result${tone}">${escapeHtml(model.title)}</p>
${model.text === undefined ? '' : `<p>${escapeHtml(model.text)}</p>`}
${link}
</section>`;
  return layout(model.strings, model.title, body);
}
