import { services } from '../db/schema';
import type { Executor } from '../db/client';
import { upsertRows } from '../db/upsert-rows';
import { ensureTeams } from './ensure-services';
import type { ServiceRow } from './types';

/**
 * Writes service descriptions. Fields a source leaves out keep what another source said: the catalog may know
 * the team while the events feed only knows the name.
 */
export const upsertServices = async (db: Executor, rows: ServiceRow[]) => {
  await ensureTeams(db, rows.map((row) => row.team), rows[0]?.source ?? 'unknown');
  return upsertRows(db, services, rows, { key: [services.name], mode: 'merge' });
};
