import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { log } from '../observability/log';
import { toStorableRow } from '../validation/to-storable-row';
import type { Executor } from './client';
import { JsonText } from './json-text';
import { queryBulkRows } from './query-bulk-rows';
import { toArrayLiteral } from './to-array-literal';

export type UpsertOutcome = { inserted: string[]; updated: string[]; unchanged: number };

export type UpsertOptions = {
  /** The conflict target: the primary key or a unique index. */
  key: PgColumn[];
  /**
   * `replace`: the incoming row is the whole truth (a re-sent record replaces the old one).
   * `merge`: columns the incoming row leaves null keep their stored value.
   */
  mode?: 'replace' | 'merge';
  /** Columns never compared or overwritten on update, besides the key. */
  keep?: string[];
  /** Columns written on update but not compared: a change in them alone is no update (a digest of a column). */
  uncompared?: string[];
};

/** Rows per statement for writes that send each column as one array: large enough to amortise a round trip. */
export const ROWS_PER_STATEMENT = 5000;

/**
 * How a column's values become the text Postgres will cast back to its type. Made once per column, not per value:
 * drizzle builds a column's type name anew on every call, which showed in an import's profile.
 */
const textOf = (column: PgColumn): ((value: unknown) => string | null) => {
  const type = column.getSQLType();
  const json = type.endsWith('[]') || type === 'jsonb' || type === 'json';
  return (value) => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    if (value instanceof JsonText) return value.text;
    return json ? JSON.stringify(value) : String(value);
  };
};

/** The expression that turns the unnested text back into the column's type. */
const fromText = (column: PgColumn, source: SQL): SQL => {
  const type = column.getSQLType();
  if (type.endsWith('[]')) return sql`case when ${source} is null then null else array(select jsonb_array_elements_text(${source}::jsonb)) end`;
  if (type === 'text') return source;
  return sql`${source}::${sql.raw(type.replace(/^bigserial$/, 'bigint').replace(/^serial$/, 'integer'))}`;
};

/**
 * Inserts new rows, updates rows whose content differs, and leaves identical rows untouched, reporting which keys
 * were inserted and updated. Each column travels as one array parameter through `unnest`, so a statement's size
 * does not grow with the number of rows (a multi-row VALUES list is dominated by query building). Columns that no
 * row provides are neither written nor compared.
 */
export const upsertRows = async <T extends PgTable>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  { key, mode = 'replace', keep = [], uncompared = [] }: UpsertOptions,
): Promise<UpsertOutcome> => {
  const outcome: UpsertOutcome = { inserted: [], updated: [], unchanged: 0 };
  if (rows.length === 0) return outcome;

  const properties = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const keyProperties = key.map((column) => properties.find(([, candidate]) => candidate === column)![0]);
  // One statement may not touch a row twice: a key repeated in the input keeps its last row.
  const unique = new Map<string, Record<string, unknown>>();
  // Every row passes the storable boundary (no NUL, http(s) URLs, timestamps in range), whichever source made it.
  const problems: string[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    const rowKey = keyProperties.map((property) => String(row[property])).join('|');
    unique.set(rowKey, toStorableRow(getTableName(table), rowKey, properties, row, problems));
  }
  if (problems.length > 0) log.warn('cleaned values a source sent that cannot be stored as they are', { count: problems.length, first: problems.slice(0, 5) });
  outcome.unchanged += rows.length - unique.size;
  const distinct = [...unique.values()];

  const present = properties.filter(([property]) => distinct.some((row) => row[property] !== undefined));
  const keyNames = new Set(key.map((column) => column.name));
  const skipped = new Set([...keyNames, 'ingested_at', ...keep]);
  const updatable = present.filter(([, column]) => !skipped.has(column.name)).map(([, column]) => column);
  const name = (column: PgColumn) => sql.identifier(column.name);
  const excluded = (column: PgColumn) => sql`excluded.${name(column)}`;
  const incoming = (column: PgColumn) => (mode === 'merge' ? sql`coalesce(${excluded(column)}, ${column})` : excluded(column));
  const compared = updatable.filter((column) => !uncompared.includes(column.name));
  const assignments = updatable.map((column) => sql`${name(column)} = ${incoming(column)}`);
  if (properties.some(([, column]) => column.name === 'ingested_at')) assignments.push(sql`"ingested_at" = now()`);
  const conflict =
    compared.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(assignments, sql`, `)}
          where (${sql.join(compared, sql`, `)}) is distinct from (${sql.join(compared.map(incoming), sql`, `)})`;
  const keyExpression = sql.join(
    key.map((column) => sql`${column}::text`),
    sql` || '|' || `,
  );

  const converters = present.map(([, column]) => textOf(column));
  for (let start = 0; start < distinct.length; start += ROWS_PER_STATEMENT) {
    const chunk = distinct.slice(start, start + ROWS_PER_STATEMENT);
    const aliases = present.map((_, index) => sql.identifier(`c${index}`));
    const arrays = present.map(([property], index) => {
      const toText = converters[index]!;
      return sql`${toArrayLiteral(chunk.map((row) => toText(row[property])))}::text[]`;
    });
    // xmax is 0 on a freshly inserted row and the updating transaction's id on an updated one.
    const returned = await queryBulkRows<{ key: string; inserted: boolean }>(
      db,
      sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(present.map(([, column]) => name(column)), sql`, `)})
          select ${sql.join(present.map(([, column], index) => fromText(column, sql`u.${aliases[index]!}`)), sql`, `)}
          from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})
          on conflict (${sql.join([...key].map(name), sql`, `)}) ${conflict}
          returning ${keyExpression} as key, (xmax::text = '0') as inserted`,
    );
    for (const row of returned) (row.inserted ? outcome.inserted : outcome.updated).push(row.key);
    outcome.unchanged += chunk.length - returned.length;
  }
  return outcome;
};
