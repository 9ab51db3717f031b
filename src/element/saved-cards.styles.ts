import { css } from 'lit';

/**
 * Styles of the saved-card list, adopted by the shadow root when the list loads (a constructable
 * stylesheet, like the element's own): a fieldset of rows, each a radio and a quiet "Remove"
 * text button that wraps below on narrow screens. (No comments inside the CSS: they would ship.)
 */
export const savedCardStyles = css`
  fieldset {
    align-self: stretch;
    display: grid;
    gap: 0.25em;
    min-width: 0;
    margin: 0;
    padding: 0.5em 0.75em 0.75em;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: var(--ogone-checkout-radius, 0.375rem);
  }

  legend {
    padding: 0 0.25em;
    font-weight: 600;
  }

  [part~='saved-card'] {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    column-gap: 1em;
    min-height: 2.75em;
  }

  [part~='saved-card'] label {
    padding: 0.25em 0;
  }

  [part~='saved-card'] input:disabled,
  [part~='saved-card'] input:disabled + span {
    cursor: not-allowed;
  }

  [part~='saved-card-expired'] label span {
    font-style: italic;
  }

  .confirm,
  .answers {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 1.25em;
  }

  .confirm {
    grid-column: 1 / -1;
    padding-left: 1.625em;
  }

  [part~='saved-card'] button {
    min-height: 2.75em;
    padding: 0.25em 0.5em;
    background: none;
    color: inherit;
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  [part~='saved-card'] .confirm button {
    padding-inline: 0;
  }

  [part~='saved-card'] [part='remove-yes'] {
    font-weight: 600;
  }

  .nw {
    white-space: nowrap;
  }

  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .news:empty {
    display: none;
  }

  .news:focus {
    outline: none;
  }
`;
