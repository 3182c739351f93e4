export type CsvCell = string | number | null | undefined;

// A spreadsheet runs a cell starting with one of these as a formula: text that does is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

const formatCell = (cell: CsvCell) => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export const toCsv = (header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>) =>
  [header, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n') + '\r\n';
