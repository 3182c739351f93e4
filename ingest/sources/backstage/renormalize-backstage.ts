import type { Db } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { renormalizeSource } from '../renormalize-source';
import { BACKSTAGE_SOURCE } from './backstage-ids';
import {
  ZBackstageComponent,
  ZBackstageGroup,
  type BackstageComponent,
  type BackstageGroup,
} from './backstage-payloads';
import { upsertBackstageEntities } from './upsert-backstage-entities';

/**
 * Re-derives every team and service from the stored Groups and Components with today's normalizers, through the same
 * `upsertBackstageEntities` a sync uses, asking the catalog nothing. A stored payload today's schema refuses is left
 * alone and counted as invalid.
 */
export const renormalizeBackstage = (db: Db) =>
  renormalizeSource(
    db,
    BACKSTAGE_SOURCE,
    async () => [BACKSTAGE_SOURCE],
    async (run) => {
      let invalid = 0;
      const groups: BackstageGroup[] = [];
      const components: BackstageComponent[] = [];
      for (const row of await getRawPayloads(db, { source: BACKSTAGE_SOURCE, kind: 'group' })) {
        const parsed = ZBackstageGroup.safeParse(row.payload);
        if (parsed.success) groups.push(parsed.data);
        else invalid++;
      }
      for (const row of await getRawPayloads(db, { source: BACKSTAGE_SOURCE, kind: 'component' })) {
        const parsed = ZBackstageComponent.safeParse(row.payload);
        if (parsed.success) components.push(parsed.data);
        else invalid++;
      }
      const written = await db.transaction((tx) => upsertBackstageEntities(tx, { groups, components }));
      run.touch(written.touched);
      return { scopes: groups.length + components.length, invalid };
    },
  );
