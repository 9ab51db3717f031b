import { css } from 'lit';

/**
 * Styles of `<ogone-checkout>`, adopted as a constructable stylesheet (no `<style>` element and no
 * `style` attribute, so a Content-Security-Policy without `'unsafe-inline'` is enough). Element
 * selectors are enough inside the shadow root: there is one label, one button, one checkbox (the
 * other inputs are hidden) and the only paragraphs are the amount and the message. The hidden
 * redirect form is hidden by its `hidden` attribute.
 */
export const ogoneCheckoutStyles = css`
  :host {
    display: block;
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

  :host([state='done']) [part='status'],
  :host([state='error']) [part='status'] {
    order: -1;
  }

  p {
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
    width: 1.125em;
    height: 1.125em;
    margin: 0;
    accent-color: var(--ogone-checkout-accent, #0b57d0);
  }

  button {
    min-height: 2.75em;
    padding: 0.5em 1.5em;
    border: 0;
    border-radius: var(--ogone-checkout-radius, 0.375rem);
    background: var(--ogone-checkout-accent, #0b57d0);
    color: var(--ogone-checkout-accent-text, #fff);
    font: inherit;
  }

  button,
  [part='amount-value'] {
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
    outline: 2px solid var(--ogone-checkout-focus-ring, #0b57d0);
    outline-offset: 2px;
  }

  [aria-busy='true']::after {
    content: '';
    width: 0.875em;
    height: 0.875em;
    border: 2px solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  [role='status'] {
    min-height: 1.5em;
  }

  [part~='message-error'] {
    color: var(--ogone-checkout-error-color, #b3261e);
  }

  [part~='message-success'] {
    color: var(--ogone-checkout-success-color, #1b6e2e);
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    ::after {
      animation-duration: 3s;
    }
  }
`;
