import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DbHandle, Schema } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any constant shared by every Waymark process; it serialises migrations across processes on one server.
const MIGRATION_LOCK_KEY = 7_406_113_021;

/** Applies the reviewed migrations in drizzle/ that this database has not seen yet. */
export const migrateDatabase = async (handle: DbHandle) => {
  if (handle.backend === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // One dedicated connection holds the lock and runs the migrations: a pooled client could hand them to different
  // connections, or, with a pool of one, wait on itself forever.
  const connection = postgres(handle.url!, { max: 1, onnotice: () => {} });
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(connection), { migrationsFolder: MIGRATIONS_FOLDER });
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await connection.end({ timeout: 5 });
  }
};

/** How many migrations the code in drizzle/ has; a database below this needs `waymark migrate`. */
export const getExpectedSchemaVersion = (): number => {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
};
