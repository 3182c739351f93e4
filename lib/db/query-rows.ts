import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';

/**
 * Runs raw SQL and returns its rows on either backend (postgres.js returns an array, PGlite `{ rows }`).
 * Raw queries cast their columns (::float8, ::int, ::text) so both backends return the same JS types.
 */
export const queryRows = async <T>(db: Executor, query: SQL): Promise<T[]> => {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
};
