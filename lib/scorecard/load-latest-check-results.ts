import { and, desc, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { checkResults } from '../db/schema';

export type StoredCheckResult = typeof checkResults.$inferSelect;

/** The latest stored result of every (service, check), as of a moment when given; keyed `service|check`. */
export const loadLatestCheckResults = async (db: Executor, services: readonly string[] | null, asOf?: Date): Promise<Map<string, StoredCheckResult>> => {
  if (services && services.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([checkResults.service, checkResults.checkId])
    .from(checkResults)
    .where(and(services ? inArray(checkResults.service, [...services]) : undefined, asOf ? lte(checkResults.evaluatedAt, asOf) : undefined))
    .orderBy(checkResults.service, checkResults.checkId, desc(checkResults.evaluatedAt), desc(checkResults.id));
  return new Map(rows.map((row) => [`${row.service}|${row.checkId}`, row]));
};
