import { getConfig } from '../../../lib/config/load-config';
import { AppError } from '../../../lib/errors';
import { createIncidentIoClient } from '../../sources/incident-io/create-incident-io-client';
import { syncIncidentIo } from '../../sources/incident-io/sync-incident-io';
import { defineCommand } from '../command';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';

export const ingestIncidentIoCommand = defineCommand({
  usage: 'waymark ingest incident-io [--full]',
  help: [
    'Reads incident.io incidents (GET /v2/incidents, an API key in WAYMARK_INCIDENT_IO_TOKEN) updated since the last',
    'run (the first run: incidentIo.backfillDays). Test and tutorial incidents, and declined, canceled, merged or',
    'triage ones, are left out. Each incident goes to the first of its affected services (the catalog entries of',
    'incidentIo.serviceFields, default "Affected services") that maps: the `incident.io/catalog-entry-id` annotation',
    'of a catalog-info.yaml, then `incidentIo.services` in waymark.yaml, then an equal service name. Incidents of',
    'unmapped services are kept and listed on the Ingest status page.',
    '',
    'Options:',
    '  --full    ignore the cursor: read the whole backfill horizon again',
    '',
    'Example:',
    '  WAYMARK_INCIDENT_IO_TOKEN=… waymark ingest incident-io',
  ].join('\n'),
  options: { full: { type: 'boolean' } },
  run: async ({ values, stdout }) => {
    const { incidentIo } = getConfig();
    if (!incidentIo.token)
      throw new AppError(
        'CONFIG_INVALID',
        'incident.io needs an API key: set WAYMARK_INCIDENT_IO_TOKEN (incidentIo.token; "view data" is enough)',
      );
    const handle = await openCommandDb('ingest incident-io');
    const started = Date.now();
    const outcome = await syncIncidentIo({
      db: handle.db,
      client: createIncidentIoClient({ token: incidentIo.token, apiUrl: incidentIo.apiUrl }),
      settings: incidentIo,
      full: values.full === true,
    });
    stdout.write(
      `Synced incident.io in ${formatDuration(Date.now() - started)}: ` +
        `${formatCount(outcome.incidents, 'incident')} written, ` +
        `${formatCount(outcome.unmapped, 'incident')} of unmapped services kept (see Ingest status), ` +
        `${formatCount(outcome.skipped, 'test or declined incident')} left out; ` +
        `${formatCount(outcome.requests, 'API request')}.\n`,
    );
  },
});
