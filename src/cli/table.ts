/** Plain-text tables for the terminal. */

/** Renders rows as an aligned table; numeric-looking cells are right-aligned. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (cell: string) => /^[-–\d.,\s%]+(B|kB|MB|ms|s|%)?$/.test(cell);
  const line = (cells: string[]) =>
    cells.map((cell, column) => (numeric(cell) && column > 0 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
