import { css } from 'lit';

/**
 * Styles of `<ogone-checkout>`, adopted as a constructable stylesheet (no `<style>` element and no
 * `style` attribute, so a Content-Security-Policy without `'unsafe-inline'` is enough).
 */
export const ogoneCheckoutStyles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
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

  [part='amount'],
  [part~='message'] {
    margin: 0;
  }

  [part='amount-value'] {
    font-weight: 600;
  }

  [part='consent'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    cursor: pointer;
  }

  [part='checkbox'] {
    width: 1.125em;
    height: 1.125em;
    margin: 0;
    accent-color: var(--ogone-checkout-accent, #0b57d0);
  }

  [part='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.5em 1.5em;
    border: 0;
    border-radius: var(--ogone-checkout-radius, 0.375rem);
    background: var(--ogone-checkout-accent, #0b57d0);
    color: var(--ogone-checkout-accent-text, #ffffff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  [part='button']:hover:not(:disabled) {
    filter: brightness(0.9);
  }

  [part='button']:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  [part='button']:focus-visible,
  [part='checkbox']:focus-visible,
  [part~='message']:focus-visible {
    outline: 2px solid var(--ogone-checkout-focus-ring, #0b57d0);
    outline-offset: 2px;
  }

  [part='button'][aria-busy='true']::after {
    content: '';
    width: 0.875em;
    height: 0.875em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: ogone-checkout-spin 0.8s linear infinite;
  }

  [part='status'] {
    min-height: 1.5em;
  }

  [part~='message-error'] {
    color: var(--ogone-checkout-error-color, #b3261e);
  }

  [part~='message-success'] {
    color: var(--ogone-checkout-success-color, #1b6e2e);
  }

  form {
    display: none;
  }

  @keyframes ogone-checkout-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='button'][aria-busy='true']::after {
      animation-duration: 3s;
    }
  }
`;
