import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

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
};

// Postgres allows 65,535 bind parameters per statement.
const MAX_PARAMS = 60_000;

const excluded = (column: PgColumn) => sql.raw(`excluded."${column.name}"`);

/**
 * Inserts new rows, updates rows whose content differs, and leaves identical rows untouched, in one statement
 * per chunk. Reports which keys were inserted and updated, so imports can say what they changed.
 */
export const upsertRows = async <T extends PgTable>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  { key, mode = 'replace', keep = [] }: UpsertOptions,
): Promise<UpsertOutcome> => {
  const outcome: UpsertOutcome = { inserted: [], updated: [], unchanged: 0 };
  if (rows.length === 0) return outcome;

  const properties = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const columns = properties.map(([, column]) => column);
  const keyProperties = key.map((column) => properties.find(([, candidate]) => candidate === column)![0]);
  // One statement may not touch a row twice: a key repeated in the input keeps its last row.
  const unique = new Map<string, T['$inferInsert']>();
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    unique.set(keyProperties.map((property) => String(record[property])).join('|'), row);
  }
  outcome.unchanged += rows.length - unique.size;
  const distinctRows = [...unique.values()];
  const keyNames = new Set(key.map((column) => column.name));
  const skipped = new Set([...keyNames, 'ingested_at', ...keep]);
  const compared = columns.filter((column) => !skipped.has(column.name));
  const set: Record<string, SQL> = {};
  for (const [property, column] of properties) {
    if (skipped.has(column.name)) continue;
    set[property] = mode === 'merge' ? sql`coalesce(${excluded(column)}, ${column})` : excluded(column);
  }
  if ('ingestedAt' in getTableColumns(table)) set.ingestedAt = sql`now()`;
  const incoming = compared.map((column) => (mode === 'merge' ? sql`coalesce(${excluded(column)}, ${column})` : excluded(column)));
  const changed = sql`(${sql.join(compared, sql`, `)}) is distinct from (${sql.join(incoming, sql`, `)})`;
  const keyExpression = sql.join(key, sql` || '|' || `);
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMS / columns.length));

  for (let start = 0; start < distinctRows.length; start += chunkSize) {
    const chunk = distinctRows.slice(start, start + chunkSize);
    const returned = (await db
      .insert(table)
      .values(chunk)
      .onConflictDoUpdate({ target: key, set, setWhere: changed })
      // xmax is 0 on a freshly inserted row and the updating transaction's id on an updated one.
      .returning({ key: sql<string>`${keyExpression}`, inserted: sql<boolean>`(xmax::text = '0')` })) as { key: string; inserted: boolean }[];
    for (const row of returned) (row.inserted ? outcome.inserted : outcome.updated).push(row.key);
    outcome.unchanged += chunk.length - returned.length;
  }
  return outcome;
};
