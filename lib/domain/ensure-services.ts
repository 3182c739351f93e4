import { services, teams } from '../db/schema';
import type { Executor } from '../db/client';
import { toStorableText } from '../validation/to-storable-text';

/**
 * Creates the services (and their teams) named by records that are not service records, leaving any
 * service that already exists untouched: a deployment for an unknown service creates it.
 */
export const ensureServices = async (db: Executor, names: Iterable<string>, source: string) => {
  // Cleaned as upsertRows cleans the rows that name them (a NUL from a catalog file is written out the same way).
  const rows = [...new Set([...names].map(toStorableText))].map((name) => ({ name, source, sourceId: name }));
  if (rows.length > 0) await db.insert(services).values(rows).onConflictDoNothing();
};

export const ensureTeams = async (db: Executor, names: Iterable<string | null | undefined>, source: string) => {
  const rows = [...new Set([...names].filter((name): name is string => !!name).map(toStorableText))].map((name) => ({ name, source }));
  if (rows.length > 0) await db.insert(teams).values(rows).onConflictDoNothing();
};
