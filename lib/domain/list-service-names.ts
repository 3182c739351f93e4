import { services } from '../db/schema';
import type { Executor } from '../db/client';

/**
 * Waymark's service names by their lower-cased form, for sources that match their own service names ignoring case
 * (PagerDuty services, incident.io catalog entries). Of names equal but for case, the first in order wins.
 */
export const listServiceNames = async (db: Executor): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (const row of await db.select({ name: services.name }).from(services).orderBy(services.name)) {
    const key = row.name.toLowerCase();
    if (!names.has(key)) names.set(key, row.name);
  }
  return names;
};
