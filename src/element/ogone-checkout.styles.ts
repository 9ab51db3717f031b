import { css } from 'lit';

/**
 * Styles of `<ogone-checkout>`, adopted as a constructable stylesheet (no `<style>` element and no
 * `style` attribute, so a Content-Security-Policy without `'unsafe-inline'` is enough). Element
 * selectors are enough inside the shadow root: there is one label, one button, one checkbox (the
 * other inputs are hidden). The default colours follow the page's `color-scheme` through
 * `light-dark()` and pass WCAG AA (4.5:1) on white and on near-black pages.
 *
 * Messages come first in reading order. In the checkout layout they show below the button, in
 * two reserved lines, so a message appearing moves nothing; in the return layout the element
 * keeps the height of a receipt while it verifies. (No comments inside the CSS: they would ship.)
 */
export const ogoneCheckoutStyles = css`
  :host {
    display: block;
    --_accent: var(--ogone-checkout-accent, light-dark(#0b57d0, #a8c7fa));
    --_accent-text: var(--ogone-checkout-accent-text, light-dark(#fff, #062e6f));
    --_focus: var(--ogone-checkout-focus-ring, var(--_accent));
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--ogone-checkout-gap, 0.75rem);
  }

  .messages {
    align-self: stretch;
  }

  .checkout .messages {
    order: 1;
    min-height: 3em;
    min-height: 2lh;
  }

  .return {
    min-height: 11em;
  }

  p,
  dl,
  dd {
    margin: 0;
  }

  label,
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    cursor: pointer;
  }

  input {
    flex: none;
    font: inherit;
    width: 1.125em;
    height: 1.125em;
    margin: 0;
    accent-color: var(--_accent);
  }

  button {
    justify-content: center;
    min-height: 2.75em;
    max-width: 100%;
    padding: 0.5em 1.5em;
    border: 0;
    border-radius: var(--ogone-checkout-radius, 0.375rem);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    text-align: center;
  }

  button,
  [part='amount-value'],
  dd {
    font-weight: 600;
  }

  button:hover:not(:disabled) {
    filter: brightness(0.9);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  [part~='message']:not(.keyboard) {
    outline: none;
  }

  [aria-busy='true']::after,
  .busy::before {
    content: '';
    flex: none;
    width: 0.875em;
    height: 0.875em;
    border: 2px solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  .busy {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }

  [part~='message-error'] {
    color: var(--ogone-checkout-error-color, light-dark(#b3261e, #ffb4ab));
  }

  [part~='message-success'] {
    color: var(--ogone-checkout-success-color, light-dark(#1b6e2e, #7fdb8f));
  }

  [part='receipt'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 1em;
    margin-top: 0.75em;
  }

  [part~='receipt-row'] {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
  }

  [part='receipt-card-saved'] {
    margin-top: 0.5em;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [aria-busy='true']::after,
    .busy::before {
      animation-duration: 3s;
    }
  }
`;
