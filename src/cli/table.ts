/** Plain-text tables for the terminal. */

/** Renders rows as an aligned table; numeric-looking cells are right-aligned. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  // Figures, with a unit, a grade letter (`94.4 A`) or an energy basis mark (`82 m`) after them, are right-aligned.
  const numeric = (cell: string) => /^[-–\d.,\s%]+(B|kB|MB|ms|s|%)?( [A-G]| m| ~)?$/.test(cell);
  const line = (cells: string[]) =>
    cells.map((cell, column) => (numeric(cell) && column > 0 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
