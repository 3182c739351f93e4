import { services } from '../db/schema';
import type { Executor } from '../db/client';
import { upsertRows } from '../db/upsert-rows';
import { ensureTeams } from './ensure-services';
import type { ServiceRow } from './types';

/**
 * Writes service descriptions. Fields a source leaves out keep what another source said: the catalog may know
 * the team while the events feed only knows the name. `replace` is for a source that is the service's catalog of
 * record (Backstage): a field it leaves null is cleared (a removed tier label goes), while a field it leaves
 * undefined in every row (a repository it does not know) is still neither written nor compared.
 */
export const upsertServices = async (
  db: Executor,
  rows: ServiceRow[],
  { mode = 'merge' }: { mode?: 'merge' | 'replace' } = {},
) => {
  await ensureTeams(
    db,
    rows.map((row) => row.team),
    rows[0]?.source ?? 'unknown',
  );
  return upsertRows(db, services, rows, { key: [services.name], mode });
};
