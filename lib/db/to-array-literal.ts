const ESCAPED = /["\\]/g;

/** One element, quoted; most need no escaping (ids, shas, dates), and two scans cost less than a regex replace. */
const quote = (value: string) =>
  value.indexOf('"') === -1 && value.indexOf('\\') === -1 ? `"${value}"` : `"${value.replace(ESCAPED, '\\$&')}"`;

/**
 * A Postgres array literal ('{"a",NULL,"b"}') for a text parameter. Sending arrays as one text value works the
 * same on both drivers (drizzle's postgres.js driver does not serialise JS arrays; PGlite does).
 */
export const toArrayLiteral = (values: ReadonlyArray<string | null>) =>
  `{${values.map((value) => (value === null ? 'NULL' : quote(value))).join(',')}}`;
