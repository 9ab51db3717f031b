/** Plain-text tables for the terminal: columns padded to their widest cell, control characters shown safely. */

/** A cell as one safe line (no control characters that could rewrite the terminal). */
export function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  return String(value)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
    .slice(0, 120);
}

/** Renders a header and rows as aligned columns, one line each. */
export function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [header.map(cell), ...rows.map((row) => row.map(cell))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((text, i) => text.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
