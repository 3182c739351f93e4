import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { INCIDENT_IO_SOURCE } from './incident-io-ids';
import { processIncidentIoDelivery } from './process-incident-io-delivery';
import type { IncidentIoSettings } from './upsert-incident-io-incidents';

/** A stored delivery through the pipeline, as the worker's job runs it; its webhook_deliveries row is its record. */
export const runIncidentIoDelivery = (context: { db: Db; settings: IncidentIoSettings }, deliveryId: string) =>
  runIngest(
    { db: context.db, job: 'incident-io.webhook', source: INCIDENT_IO_SOURCE, scope: deliveryId, record: false },
    async (run) => {
      const outcome = await processIncidentIoDelivery(context, deliveryId);
      run.touch(outcome.services);
      return { result: outcome };
    },
  );
