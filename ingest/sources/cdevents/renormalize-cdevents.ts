import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import { renormalizeSource } from '../renormalize-source';
import { validateCdevent, type Cdevent } from './cdevents-schema';
import { CDEVENTS_SOURCE, type CdeventServices } from './normalize-cdevent';
import { upsertCdevents } from './upsert-cdevents';

/**
 * Runs the CDEvents normalizers again over every stored event (one raw payload each; webhook bodies are not read
 * twice) through `upsertCdevents`, in one transaction. Storing an event again that is already stored changes nothing.
 */
export const renormalizeCdevents = (db: Db, services: CdeventServices) =>
  renormalizeSource(
    db,
    CDEVENTS_SOURCE,
    async () => [CDEVENTS_SOURCE],
    async (run) => {
      const rows = await db
        .select({ payload: rawPayloads.payload })
        .from(rawPayloads)
        .where(and(eq(rawPayloads.source, CDEVENTS_SOURCE), ne(rawPayloads.kind, 'webhook')))
        .orderBy(asc(rawPayloads.id));
      const events: Cdevent[] = [];
      let invalid = 0;
      for (const row of rows) {
        const parsed = validateCdevent(row.payload);
        if (parsed.ok) events.push(parsed.event);
        else invalid++;
      }
      const written = await db.transaction((tx) => upsertCdevents(tx, events, services));
      run.touch(written.services);
      return { scopes: events.length, invalid };
    },
  );
