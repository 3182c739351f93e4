import type { Db } from '../../../lib/db/client';
import { recordFacts } from '../../../lib/domain/record-facts';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { BACKSTAGE_KINDS, BACKSTAGE_SOURCE, type BackstageKind } from './backstage-ids';
import { checkBackstageEntities } from './check-backstage-entities';
import { collectBackstageEntities } from './collect-backstage-entities';
import type { BackstageClient } from './create-backstage-client';
import { listStoredBackstageKeys } from './list-stored-backstage-keys';
import { normalizeBackstageFacts } from './normalize-backstage-facts';
import { storeBackstageEntities } from './store-backstage-entities';
import { upsertBackstageEntities, type BackstageRowChanges } from './upsert-backstage-entities';

export type SyncBackstageOptions = {
  db: Db;
  client: BackstageClient;
  /** Entities per page of `/entities/by-query`. */
  pageSize?: number;
  /** Where the catalog is, for the run record (never the token). */
  scope?: string;
  /** Normalize every entity again, not only the new and changed ones. */
  full?: boolean;
};

export type BackstageSyncOutcome = {
  /** Per kind: entities read, and how their stored payloads compared (new, changed, as before). */
  entities: Record<BackstageKind, { fetched: number; inserted: number; updated: number; unchanged: number }>;
  teams: BackstageRowChanges;
  services: BackstageRowChanges;
  /** Components and groups stored earlier that the catalog no longer lists: reported, their rows kept. */
  removed: { components: string[]; groups: string[] };
  requests: number;
};

const missing = (stored: string[], fetched: { key: string }[]) => {
  const now = new Set(fetched.map((checked) => checked.key));
  return stored.filter((key) => !now.has(key)).sort();
};

/**
 * Reads Groups, Users, Systems and Components from the catalog, checks every entity (one bad entity stores nothing),
 * then in one transaction stores them as raw payloads and writes the groups and components whose payload is new or
 * changed as teams and services: an unchanged catalog writes no domain row. Components and groups that left the
 * catalog are reported and their services and teams kept: history (deployments, incidents, ownership) still names
 * them, and a catalog read with a too-narrow token must not wipe the dashboard.
 */
export const syncBackstage = ({ db, client, pageSize = 500, scope = 'catalog', full = false }: SyncBackstageOptions) =>
  runIngest({ db, job: 'backstage.sync', source: BACKSTAGE_SOURCE, scope }, async (run) => {
    const fetched = {} as Record<BackstageKind, unknown[]>;
    for (const kind of BACKSTAGE_KINDS) {
      fetched[kind] = await collectBackstageEntities(client, kind, pageSize);
      run.sofar = { requestsUsed: client.requests };
    }
    const catalog = checkBackstageEntities(fetched);
    const outcome = await db.transaction(async (tx) => {
      const removed = {
        components: missing(await listStoredBackstageKeys(tx, 'component'), catalog.component),
        groups: missing(await listStoredBackstageKeys(tx, 'group'), catalog.group),
      };
      const { changed, counts } = await storeBackstageEntities(tx, catalog);
      const pick = <E>(checked: { key: string; entity: E }[], keys: Set<string>) =>
        checked.filter((item) => full || keys.has(item.key)).map((item) => item.entity);
      const written = await upsertBackstageEntities(tx, {
        groups: pick(catalog.group, changed.group),
        components: pick(catalog.component, changed.component),
      });
      run.touch(written.touched);
      const entities = catalog.component.map((item) => item.entity);
      const facts = await recordFacts(tx, normalizeBackstageFacts(entities, new Date()));
      // A changed entity re-scores its service even when the service row did not change (an annotation a check reads).
      run.touch([...facts.changedIndexes].map((index) => entities[index]!.metadata.name));
      // Rows not written were not compared; they are as the catalog says, since their payload did not change.
      const rest = (all: number, { inserted, updated }: BackstageRowChanges) => all - inserted - updated;
      const services = { ...written.services, unchanged: rest(catalog.component.length, written.services) };
      const teams = { ...written.teams, unchanged: rest(catalog.group.length, written.teams) };
      return { entities: counts, teams, services, removed, requests: client.requests };
    });
    const counts = {
      components: catalog.component.length,
      groups: catalog.group.length,
      users: catalog.user.length,
      systems: catalog.system.length,
      servicesWritten: outcome.services.inserted + outcome.services.updated,
      teamsWritten: outcome.teams.inserted + outcome.teams.updated,
      removedComponents: outcome.removed.components.length,
    };
    return { result: outcome satisfies BackstageSyncOutcome, counts, requestsUsed: client.requests };
  });
