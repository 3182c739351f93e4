import { getConfig } from '../../../lib/config/load-config';
import { AppError } from '../../../lib/errors';
import { createPagerdutyClient } from '../../sources/pagerduty/create-pagerduty-client';
import { syncPagerduty } from '../../sources/pagerduty/sync-pagerduty';
import { defineCommand } from '../command';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';

export const ingestPagerdutyCommand = defineCommand({
  usage: 'waymark ingest pagerduty [--full]',
  help: [
    'Reads PagerDuty incidents (REST API v2, a read-only key in WAYMARK_PAGERDUTY_TOKEN) in since/until windows of at',
    'most pagerduty.windowDays (default and maximum 180), with their trigger, acknowledge and resolve log entries.',
    'Each incident goes to the Waymark service its PagerDuty service maps to: the `pagerduty.com/service-id`',
    'annotation of a catalog-info.yaml, then `pagerduty.services` in waymark.yaml, then an equal service name.',
    'Incidents of unmapped PagerDuty services are kept and listed on the Ingest status page. Incremental: a second run',
    'reads only what happened since the first; a stopped run resumes at the window it was in.',
    '',
    'Options:',
    '  --full    ignore the cursor: read the whole backfill horizon (pagerduty.backfillDays) again',
    '',
    'Example:',
    '  WAYMARK_PAGERDUTY_TOKEN=… waymark ingest pagerduty',
  ].join('\n'),
  options: { full: { type: 'boolean' } },
  run: async ({ values, stdout }) => {
    const { pagerduty } = getConfig();
    if (!pagerduty.token)
      throw new AppError(
        'CONFIG_INVALID',
        'PagerDuty needs an API key: set WAYMARK_PAGERDUTY_TOKEN (pagerduty.token; a read-only key is enough)',
      );
    const handle = await openCommandDb('ingest pagerduty');
    const started = Date.now();
    const outcome = await syncPagerduty({
      db: handle.db,
      client: createPagerdutyClient({ token: pagerduty.token, apiUrl: pagerduty.apiUrl }),
      settings: pagerduty,
      full: values.full === true,
    });
    stdout.write(
      `Synced PagerDuty in ${formatDuration(Date.now() - started)}: ` +
        `${formatCount(outcome.incidents, 'incident')} written, ` +
        `${formatCount(outcome.unmapped, 'incident')} of unmapped services kept (see Ingest status); ` +
        `${formatCount(outcome.requests, 'API request')}` +
        `${outcome.rateLimitRemaining !== null ? `, rate limit left ${outcome.rateLimitRemaining}` : ''}.\n`,
    );
  },
});
