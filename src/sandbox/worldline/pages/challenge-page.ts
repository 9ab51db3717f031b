/** The 3-D Secure challenge the sandbox's "issuer" shows: Complete or Fail. */
import { escapeHtml } from '../../../internal/html-escape.js';
import { formatWorldlineAmount, layout } from './layout.js';
import type { CheckoutStrings } from './strings.js';

export interface ChallengePageModel {
  strings: CheckoutStrings;
  action: string;
  merchantId: string;
  amount: number;
  currency: string;
  /** e.g. `************2022`. */
  maskedCard: string;
}

export function renderChallengePage(model: ChallengePageModel): string {
  const t = model.strings;
  const amount = formatWorldlineAmount(model.amount, model.currency, t.lang);
  const body = `<section class="card" aria-labelledby="challenge-title">
<h1 id="challenge-title">${escapeHtml(t.challengeTitle)}</h1>
<p>${escapeHtml(t.challengeText)}</p>
<p class="summary"><span class="amount">${escapeHtml(amount)}</span>
<span class="meta">${escapeHtml(model.merchantId)} · ${escapeHtml(model.maskedCard)}</span></p>
<form method="post" action="${escapeHtml(model.action)}">
<button class="primary" type="submit" name="action" value="complete">${escapeHtml(t.complete)}</button>
<button class="secondary" type="submit" name="action" value="fail">${escapeHtml(t.fail)}</button>
</form>
</section>`;
  return layout(t, t.challengeTitle, body);
}
