import type { SQL } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { queryRows } from './query-rows';

type PostgresJsClient = { unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]> };

const findPostgresJsClient = (db: Executor): PostgresJsClient | null => {
  const client = (db as unknown as { session?: { client?: { unsafe?: unknown } } }).session?.client;
  return typeof client?.unsafe === 'function' ? (client as PostgresJsClient) : null;
};

/**
 * queryRows for the few statements a bulk write runs again and again (one per batch and table), sent on Postgres as
 * prepared statements. Drizzle sends every statement unprepared, and postgres.js then asks the server for the types
 * of its parameters before it sends them: two round trips per statement, the second waiting for JavaScript to answer,
 * and no statement queued behind it. A prepared statement is described once per connection; after that each one is
 * sent whole and the next can follow at once (issue 19). Only for statements whose text repeats: the driver keeps
 * every prepared text for the connection's life. PGlite has no round trips and runs the statement as queryRows does.
 */
export const queryBulkRows = async <T>(db: Executor, query: SQL): Promise<T[]> => {
  const client = findPostgresJsClient(db);
  if (!client) return queryRows<T>(db, query);
  const { sql, params } = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  return (await client.unsafe(sql, params, { prepare: true })) as T[];
};
