/**
 * A Postgres array literal ('{"a",NULL,"b"}') for a text parameter. Sending arrays as one text value works the
 * same on both drivers (drizzle's postgres.js driver does not serialise JS arrays; PGlite does).
 */
export const toArrayLiteral = (values: ReadonlyArray<string | null>) =>
  `{${values.map((value) => (value === null ? 'NULL' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
