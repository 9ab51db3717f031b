import { css } from 'lit';

/**
 * Styles of the payments page: the element's design tokens (`--ogone-checkout-accent`, `-radius`,
 * `-gap`, `-error-color`, `-success-color`, `-focus-ring`) with the same light/dark defaults, a
 * table that becomes stacked cards below 40rem, badges whose colours pass 4.5:1 in both schemes.
 * Adopted as a constructable stylesheet: no inline style under the page's CSP.
 */
export const adminStyles = css`
  :host {
    display: block;
    --_accent: var(--ogone-checkout-accent, light-dark(#0b57d0, #a8c7fa));
    --_accent-text: var(--ogone-checkout-accent-text, light-dark(#fff, #062e6f));
    --_focus: var(--ogone-checkout-focus-ring, var(--_accent));
    --_radius: var(--ogone-checkout-radius, 0.375rem);
    --_gap: var(--ogone-checkout-gap, 0.75rem);
    --_error: var(--ogone-checkout-error-color, light-dark(#b3261e, #ffb4ab));
    --_success: var(--ogone-checkout-success-color, light-dark(#1b6e2e, #7fdb8f));
    --_surface: light-dark(#fff, #1b1e25);
    --_muted: light-dark(#50545c, #b7bbc4);
    --_line: light-dark(#dfe1e6, #30343d);
    --_field: light-dark(#8a8f98, #6f747d);
    max-width: 72rem;
    margin: 0 auto;
    padding: 0 1rem 3rem;
  }

  * {
    box-sizing: border-box;
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    padding: 1.25rem 0 1rem;
  }

  h1 {
    font-size: 1.5rem;
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
    margin: 0;
  }

  h3 {
    font-size: 1rem;
    margin: 0 0 0.75rem;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }

  p {
    margin: 0;
  }

  a {
    color: var(--_accent);
    font-weight: 600;
    text-underline-offset: 0.2em;
  }

  .card {
    background: var(--_surface);
    border-radius: 0.75rem;
    box-shadow: 0 1px 3px light-dark(#0002, #0008);
    padding: 1rem;
  }

  .stack {
    display: grid;
    gap: 1rem;
  }

  button,
  input {
    font: inherit;
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0.5em 1.25em;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    cursor: pointer;
  }

  button.secondary,
  .filters button {
    background: transparent;
    color: inherit;
    box-shadow: inset 0 0 0 1px var(--_field);
  }

  button.danger {
    background: var(--_error);
    color: light-dark(#fff, #410002);
  }

  button:hover:not(:disabled) {
    filter: brightness(0.92);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  input[type='search'],
  input[type='text'] {
    min-height: 2.75rem;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_field);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    min-width: 0;
  }

  label {
    font-weight: 600;
  }

  form.search {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }

  form.search .field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 16rem;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .filters button {
    min-height: 2.25rem;
    padding: 0.25em 0.875em;
    border-radius: 999px;
    font-weight: 500;
  }

  .filters button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
    box-shadow: none;
    font-weight: 600;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption {
    text-align: start;
    color: var(--_muted);
    padding-bottom: 0.5rem;
  }

  th,
  td {
    text-align: start;
    padding: 0.75rem 0.5rem;
    border-bottom: 1px solid var(--_line);
    vertical-align: top;
  }

  th {
    font-size: 0.875rem;
    color: var(--_muted);
    font-weight: 600;
  }

  td.amount,
  th.amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  tbody tr:last-child td {
    border-bottom: 0;
  }

  .sub {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
    font-weight: 400;
  }

  .badge {
    display: inline-block;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .tone-good {
    background: light-dark(#e3f3e6, #17361f);
    color: light-dark(#1b5e2a, #9be3a9);
  }

  .tone-waiting {
    background: light-dark(#fdf0d5, #3b2d0c);
    color: light-dark(#6d4700, #f5cf7a);
  }

  .tone-attention {
    background: light-dark(#fde4d7, #44200f);
    color: light-dark(#8f2f00, #ffb893);
  }

  .tone-bad {
    background: light-dark(#fbe3e1, #45171a);
    color: light-dark(#9c1f17, #ffb4ab);
  }

  .tone-neutral {
    background: light-dark(#eceef2, #2c3038);
    color: light-dark(#3d4148, #d0d3da);
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-top: 1rem;
  }

  .pager div {
    display: flex;
    gap: 0.5rem;
  }

  .empty {
    padding: 2rem 0;
    text-align: center;
    color: var(--_muted);
  }

  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .big {
    font-size: 1.75rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  dl.facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.875rem 1.5rem;
    margin: 0;
  }

  dl.facts dt {
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  dl.facts dd {
    margin: 0.125rem 0 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .confirm {
    display: grid;
    gap: 0.75rem;
    margin-top: 1rem;
    padding: 1rem;
    border-radius: var(--_radius);
    box-shadow: inset 0 0 0 1px var(--_field);
  }

  .confirm .field {
    display: grid;
    gap: 0.25rem;
    max-width: 16rem;
  }

  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }

  .check input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .message {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    font-weight: 600;
  }

  .message:focus {
    outline: none;
  }

  .message.error {
    color: var(--_error);
    box-shadow: inset 4px 0 0 var(--_error);
    background: light-dark(#fdf1f0, #2a1618);
  }

  .message.success {
    color: var(--_success);
    box-shadow: inset 4px 0 0 var(--_success);
    background: light-dark(#eff8f1, #14261a);
  }

  ol.timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0;
  }

  ol.timeline li {
    display: grid;
    grid-template-columns: 11rem 1fr;
    gap: 0.25rem 1rem;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--_line);
  }

  ol.timeline li:last-child {
    border-bottom: 0;
  }

  time {
    color: var(--_muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }

  .nowrap {
    white-space: nowrap;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (max-width: 40rem) {
    :host {
      padding: 0 0.75rem 2rem;
    }

    table,
    tbody,
    tr,
    td {
      display: block;
    }

    thead {
      display: none;
    }

    tbody tr {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.25rem 0.75rem;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--_line);
    }

    td {
      padding: 0;
      border: 0;
    }

    td.status,
    td.cardno,
    td.date {
      grid-column: 1 / -1;
    }

    caption {
      display: block;
    }

    ol.timeline li {
      grid-template-columns: 1fr;
    }

    .big {
      font-size: 1.5rem;
    }
  }
`;
