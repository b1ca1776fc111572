// Renders benchmark rows as a fixed-width table: metric, measured, target, pass/fail.
export function renderTable(rows) {
  const header = ['Metric', 'Measured', 'Target', 'Result'];
  const cells = rows.map((row) => [row.metric, row.measured, row.target ?? '', row.pass === undefined ? 'info' : row.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const line = (values) => values.map((value, column) => value.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}
