import type { Executor } from '../../../lib/db/client';
import { teams } from '../../../lib/db/schema';
import { upsertRows, type UpsertOutcome } from '../../../lib/db/upsert-rows';
import { upsertServices } from '../../../lib/domain/upsert-services';
import type { BackstageComponent, BackstageGroup } from './backstage-payloads';
import { normalizeBackstageComponent } from './normalize-backstage-component';
import { normalizeBackstageGroup } from './normalize-backstage-group';

export type BackstageRowChanges = { inserted: number; updated: number; unchanged: number };
export type BackstageUpsertOutcome = { teams: BackstageRowChanges; services: BackstageRowChanges; touched: string[] };

const countOf = (outcome: UpsertOutcome): BackstageRowChanges => ({
  inserted: outcome.inserted.length,
  updated: outcome.updated.length,
  unchanged: outcome.unchanged,
});

/**
 * Writes groups as teams and components as services, teams first so a service's team arrives with its parent and
 * display name. Teams and services are replaced, as the catalog is their source (a removed display name, parent or
 * tier goes too), except a repository the catalog does not name: what a forge knows of it stays. A change of a
 * service's team is recorded in service_owners by the database's trigger, whichever source wrote it.
 */
export const upsertBackstageEntities = async (
  tx: Executor,
  { groups, components }: { groups: BackstageGroup[]; components: BackstageComponent[] },
): Promise<BackstageUpsertOutcome> => {
  const teamRows = groups.map(normalizeBackstageGroup);
  const serviceRows = components.map(normalizeBackstageComponent);
  const writtenTeams = await upsertRows(tx, teams, teamRows, { key: [teams.name] });
  // The catalog is the record of what it says (a removed tier label clears the tier), but a repository it does not
  // name is left to the forges: rows without one go in a statement that does not carry the column at all.
  const known = serviceRows.filter((row) => row.repository);
  const unknown = serviceRows.filter((row) => !row.repository).map(({ repository: _, ...row }) => row);
  const writtenServices = [
    await upsertServices(tx, known, { mode: 'replace' }),
    await upsertServices(tx, unknown, { mode: 'replace' }),
  ].map(countOf);
  return {
    teams: countOf(writtenTeams),
    services: {
      inserted: writtenServices[0]!.inserted + writtenServices[1]!.inserted,
      updated: writtenServices[0]!.updated + writtenServices[1]!.updated,
      unchanged: writtenServices[0]!.unchanged + writtenServices[1]!.unchanged,
    },
    touched: serviceRows.map((row) => row.name),
  };
};
