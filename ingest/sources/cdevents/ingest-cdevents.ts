import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import type { Cdevent } from './cdevents-schema';
import { CDEVENTS_SOURCE, type CdeventServices } from './normalize-cdevent';
import { upsertCdevents } from './upsert-cdevents';

/** Validated events through the pipeline, in one transaction: all of them are stored, or none. */
export const ingestCdevents = ({
  db,
  events,
  services,
  scope,
}: {
  db: Db;
  events: Cdevent[];
  services: CdeventServices;
  scope: string;
}) =>
  runIngest({ db, job: 'cdevents.import', source: CDEVENTS_SOURCE, scope }, async (run) => {
    const written = await db.transaction((tx) => upsertCdevents(tx, events, services));
    run.touch(written.services);
    return { result: written.counts, counts: written.counts };
  });
