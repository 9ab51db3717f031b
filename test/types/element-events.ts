/**
 * Type fixture (checked by `tsc`, see test/node/element-types.test.ts): the element's events are
 * typed on elements, on `document` and on `window`, with no cast.
 */
import 'ogone-checkout';
import type { OgoneErrorCode, PaymentResult } from 'ogone-checkout';

export const outcomes: string[] = [];

document.addEventListener('ogone-result', (event) => {
  const result: PaymentResult = event.detail;
  switch (result.outcome) {
    case 'paid':
      outcomes.push(`${result.amount} ${result.currency}`);
      break;
    default:
      outcomes.push(result.outcome);
  }
});

window.addEventListener('ogone-error', (event) => {
  const code: OgoneErrorCode = event.detail.code;
  if (code === 'card-expired' || code === 'platform-unavailable') outcomes.push('saved card');
  outcomes.push(code);
});

document.querySelector('ogone-checkout')?.addEventListener('ogone-ready', (event) => {
  outcomes.push(event.detail.mode);
});

document.body.addEventListener('ogone-before-redirect', (event) => {
  if (event.detail.fields['PSPID'] !== 'MYSHOP') event.preventDefault();
});

document.addEventListener('ogone-card-removed', (event) => {
  const { cardId, brand, last4 }: { cardId: string; brand: string; last4: string } = event.detail;
  outcomes.push(`${cardId} ${brand} ${last4}`);
});

// @ts-expect-error: a removed card carries no alias.
document.addEventListener('ogone-card-removed', (event) => outcomes.push(event.detail.alias));

// @ts-expect-error: a result has no such field.
document.addEventListener('ogone-result', (event) => outcomes.push(event.detail.nope));
