import type { SQL } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { queryRows } from './query-rows';

type PostgresJsClient = { unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]> };

type DrizzleInternals = { session?: { client?: { unsafe?: unknown } }; dialect?: PgDialect };

/** The driver under a drizzle postgres.js database or transaction, and its dialect; null on PGlite. */
const findPostgresJs = (db: Executor) => {
  const { session, dialect } = db as unknown as DrizzleInternals;
  const client = session?.client;
  // Read through drizzle's internals: should a release move them, bulk writes fall back to unprepared statements.
  return typeof client?.unsafe === 'function' && dialect ? { client: client as PostgresJsClient, dialect } : null;
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
  const driver = findPostgresJs(db);
  if (!driver) return queryRows<T>(db, query);
  const { sql, params } = driver.dialect.sqlToQuery(query);
  // `prepare: true` yields to the connection's own setting: `?prepare=false` on the URL turns it off (poolers).
  return (await driver.client.unsafe(sql, params, { prepare: true })) as T[];
};
