import type { Executor } from '../../../lib/db/client';
import { readCatalogTeam } from '../../../lib/domain/normalize-catalog-info';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { BACKSTAGE_KINDS, BACKSTAGE_SOURCE, type BackstageKind } from './backstage-ids';
import type { CheckedBackstageCatalog, CheckedBackstageEntity } from './check-backstage-entities';

/** The raw payload's scope: who an entity belongs to, so a team's entities are found together. */
const scopeOf = (kind: BackstageKind, { entity }: CheckedBackstageEntity) => {
  const spec = entity.spec as { owner?: string; parent?: string; memberOf?: string[] };
  if (kind === 'group') return readCatalogTeam(spec.parent);
  // A user's groups are noted here; Waymark keeps no users table (people are not counted, services are).
  if (kind === 'user') return (spec.memberOf ?? []).map(readCatalogTeam).filter(Boolean).join(',') || null;
  return readCatalogTeam(spec.owner);
};

/**
 * Stores every entity as the catalog answered it, keyed by kind and `namespace/name`. The raw payload is compared as
 * a whole (metadata.etag moves with every change the catalog makes), so what comes back says which entities are new
 * or changed: only those are normalized again.
 */
export const storeBackstageEntities = async (tx: Executor, catalog: CheckedBackstageCatalog) => {
  const changed = Object.fromEntries(BACKSTAGE_KINDS.map((kind) => [kind, new Set<string>()])) as Record<
    BackstageKind,
    Set<string>
  >;
  const counts = Object.fromEntries(
    BACKSTAGE_KINDS.map((kind) => [kind, { fetched: catalog[kind].length, inserted: 0, updated: 0, unchanged: 0 }]),
  ) as Record<BackstageKind, { fetched: number; inserted: number; updated: number; unchanged: number }>;
  for (const kind of BACKSTAGE_KINDS) {
    const raw: RawPayloadInput[] = (catalog[kind] as CheckedBackstageEntity[]).map((checked) => ({
      source: BACKSTAGE_SOURCE,
      kind,
      sourceId: checked.key,
      scope: scopeOf(kind, checked),
      payload: checked.payload,
    }));
    const written = await storeRawPayloads(tx, raw);
    // upsertRows names a row by its key columns joined with `|`: source|kind|namespace/name.
    for (const rowKey of [...written.inserted, ...written.updated])
      changed[kind].add(rowKey.split('|').slice(2).join('|'));
    counts[kind].inserted = written.inserted.length;
    counts[kind].updated = written.updated.length;
    counts[kind].unchanged = written.unchanged;
  }
  return { changed, counts };
};
